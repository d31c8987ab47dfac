// Rule suggestions are remembered per name and skip names too different in length to reach the bar: the result must
// be the plain measurement's, for any name, language and bar.
import '../fast-check-seed.js';
import fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { suggestRules, type Suggestion } from '../../src/match/suggest.js';
import { loadRuleSet } from '../../src/rules/load.js';
import type { RuleSet } from '../../src/rules/types.js';
import { baseKey } from '../../src/text/normalize.js';
import type { Lang } from '../../src/lang.js';

const rs = await loadRuleSet();

/** Every name of every rule measured, nothing remembered: the definition. */
function reference(key: string, ruleSet: RuleSet, lang: Lang, minSimilarity = 0.5): Suggestion[] {
  const scored: (Suggestion & { order: number })[] = [];
  for (const rule of ruleSet.rules) {
    let best = 0;
    for (const name of [...rule.match.names, baseKey(rule.label.vi), baseKey(rule.label.en)]) {
      const longer = Math.max(name.length, key.length);
      if (longer === 0) continue;
      best = Math.max(best, 1 - distance(key, name) / longer);
    }
    if (best >= minSimilarity) scored.push({ ruleId: rule.id, label: rule.label[lang], similarity: Math.round(best * 100) / 100, order: rule.order });
  }
  scored.sort((a, b) => b.similarity - a.similarity || a.order - b.order);
  return scored.slice(0, 3).map(({ ruleId, label, similarity }) => ({ ruleId, label, similarity }));
}

describe('suggestRules', () => {
  const names = rs.rules.flatMap((r) => r.match.names);
  const near = fc
    .tuple(fc.constantFrom(...names), fc.nat(), fc.string({ unit: fc.constantFrom('a', 'e', 'h', 'n', 't', ' ', '1'), maxLength: 12 }))
    .map(([n, at, extra]) => `${n.slice(0, at % (n.length + 1))}${extra}${n.slice(at % (n.length + 1))}`.trim());
  const key = fc.oneof(near, fc.string({ maxLength: 40 }).map(baseKey), fc.constantFrom('', 'giai tich 1', 'tieng anh 2', 'triet hoc'));

  it('gives the plain measurement’s suggestions, asked once or again, for any bar and language', () => {
    fc.assert(
      fc.property(key, fc.constantFrom<Lang>('vi', 'en'), fc.constantFrom(0, 0.5, 0.7, 0.9), (k, lang, bar) => {
        const want = reference(k, rs, lang, bar);
        expect(suggestRules(k, rs, lang, bar)).toEqual(want);
        expect(suggestRules(k, rs, lang, bar)).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });

  it('shares its answers frozen: no caller can change the next one', () => {
    const first = suggestRules('triet hoc mac lenin', rs, 'vi', 0.5);
    expect(() => {
      first[0]!.label = 'x';
    }).toThrow();
    expect(suggestRules('triet hoc mac lenin', rs, 'vi', 0.5)[0]!.label).not.toBe('x');
  });
});
