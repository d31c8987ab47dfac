// The matcher's trace is a window, not a second matcher: asking for it never changes the decision (issue 13).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../fast-check-seed.js';
import { matcherFor, type MatchTrace } from '../../src/match/match.js';
import { loadRuleSet } from '../../src/rules/load.js';

const rs = await loadRuleSet();
const m = matcherFor(rs);
// words the rules care about, so random names often reach the keyword stage, plus noise and markers
const words = [
  ...new Set(
    rs.rules.flatMap((r) => [...r.match.names, ...r.match.keywords.flatMap((k) => [...k.all, ...k.none])]).flatMap((p) => p.split(' ')),
  ),
  'quân', 'sự', 'lần', '2', 'II', 'học', 'lại', '(3 TC)', '-', 'và', 'phần',
];
const codes = rs.rules.flatMap((r) => r.match.codes);

describe('match trace', () => {
  it('the decision with a trace is the decision without one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...words), { minLength: 0, maxLength: 9 }),
        fc.option(fc.constantFrom(...(codes.length ? codes : ['X1']), 'ABC123'), { nil: undefined }),
        (parts, code) => {
          const key = m.key(parts.join(' '));
          const trace: MatchTrace = { byName: [], byCode: [], keywords: [] };
          expect(m.matchKey(key, code, trace)).toEqual(m.matchKey(key, code));
          const decided = m.matchKey(key, code);
          if (decided?.by === 'keywords') expect(trace.keywords.some((k) => k.ruleId === decided.ruleId && k.specificity >= 0)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
