import { describe, expect, it } from 'vitest';
import { checkTranscript } from '../../src/coverage/check.js';
import { allocatePeriods } from '../../src/coverage/stages/allocate.js';
import { groupAttempts } from '../../src/coverage/stages/attempts.js';
import { applyProgramDecisions, applyRowDecisions } from '../../src/coverage/stages/decisions.js';
import { evaluatePrograms } from '../../src/coverage/stages/evaluate-programs.js';
import { matchRows } from '../../src/coverage/stages/match-rows.js';
import { decideVerdicts, verdictOf } from '../../src/coverage/stages/verdict.js';
import type { CheckOptions, Evaluation } from '../../src/coverage/types.js';
import { miniRules, row, transcript } from './builders.js';

const opts: CheckOptions = { asOf: '2020-01-01' };
const rs = miniRules();
const evaluation = (pass: boolean): Evaluation => ({ pass, periodsCounted: 0, lessonsCovered: 0, subjects: [], rows: [] });
const sample = () =>
  transcript([
    row('Triết học', { credits: 2, grade: '3' }),
    row('Triết học', { credits: 2, grade: '7' }),
    row('TTHCM', { credits: 2, grade: '4,5' }),
    row('Giáo dục thể chất', { credits: 2, grade: '8' }),
  ]);

describe('the core as stages', () => {
  it('verdictOf: PASS when both evaluations pass, FAIL when neither does, else REVIEW', () => {
    expect(verdictOf(evaluation(true), evaluation(true))).toBe('PASS');
    expect(verdictOf(evaluation(false), evaluation(false))).toBe('FAIL');
    expect(verdictOf(evaluation(false), evaluation(true))).toBe('REVIEW');
    expect(verdictOf(evaluation(true), evaluation(false))).toBe('REVIEW');
  });

  it('the stages run by hand give what checkTranscript gives, and no stage changes an earlier result', () => {
    const t = sample();
    const matched = matchRows(t, rs, opts);
    const frozen = structuredClone(matched.rows.map(({ key, match, reading, periods, module }) => ({ key, match, reading, periods, module })));
    const attempts = groupAttempts(applyRowDecisions(matched), rs.programs, rs);
    const outcomes = structuredClone(attempts.rows.map((r) => r.outcome));
    const allocations = allocatePeriods(attempts, rs.programs, rs);
    const evaluations = evaluatePrograms(allocations, attempts, rs, opts);
    const verdicts = applyProgramDecisions(decideVerdicts(evaluations));

    expect(matched.rows.map(({ key, match, reading, periods, module }) => ({ key, match, reading, periods, module }))).toEqual(frozen);
    expect(attempts.rows.map((r) => r.outcome)).toEqual(outcomes);
    const whole = checkTranscript(t, rs, opts);
    expect(verdicts.programs).toEqual(whole.programs);
    expect(attempts.rows.map((r) => r.outcome)).toEqual(whole.rows);
    expect([...matched.notices, ...attempts.notices, ...allocations.notices, ...evaluations.notices]).toEqual(whole.notices);
  });

  it('each stage reports its own notices', () => {
    const attempts = groupAttempts(matchRows(sample(), rs, opts), rs.programs, rs);
    expect(attempts.notices.map((n) => n.code)).toContain('grade-band');
    expect(attempts.rows.map((r) => [r.outcome.state, r.outcome.notCounted])).toEqual([
      ['not-counted', 'failed'],
      ['counted', undefined],
      ['uncertain', undefined],
      ['not-counted', 'unmatched'],
    ]);
  });

  it('without decisions the decision slots change nothing', () => {
    const matched = matchRows(sample(), rs, opts);
    const decided = applyRowDecisions(matched);
    expect(decided.rows).toBe(matched.rows);
    expect(decided.targets.size).toBe(0);
    const verdicts = decideVerdicts(evaluatePrograms(allocatePeriods(groupAttempts(matched, rs.programs, rs), rs.programs, rs), groupAttempts(matched, rs.programs, rs), rs, opts));
    expect(applyProgramDecisions(verdicts).programs).toBe(verdicts.programs);
  });
});
