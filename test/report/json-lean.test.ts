import { describe, expect, it } from 'vitest';
import { buildJsonReport } from '../../src/report/json.js';
import { buildLeanReport } from '../../src/report/json-lean.js';
import { passingResult, reviewResult, ruleSet } from './builders.js';

describe('buildLeanReport (schemaVersion 3)', () => {
  const meta = { files: ['bang-diem.csv'], toolVersion: '9.9.9', person: { name: 'Nguyễn Văn A' } };
  const report = buildLeanReport(passingResult(), meta);

  it('names the tool, the rule set by id and version, the date, files and person; no words of the rule set', () => {
    expect(report).toMatchObject({ schemaVersion: 3, tool: '9.9.9', ruleSet: { id: 'test-rules', version: '1.0' }, asOf: '2020-05-01', files: ['bang-diem.csv'], person: { name: 'Nguyễn Văn A' }, highestPassed: 'so-cap' });
    expect(JSON.stringify({ ...report, person: undefined })).not.toMatch(/"(vi|en|name|title|label|message)":/u);
  });

  it('gives each program its verdicts and what the rows give it, by id', () => {
    const tc = report.programs.find((p) => p.id === 'trung-cap')!;
    expect(tc).toMatchObject({ verdict: 'FAIL', computedVerdict: 'FAIL' });
    const full = buildJsonReport(passingResult(), ruleSet(), meta).programs.find((p) => p.id === 'trung-cap')!;
    expect(tc.pessimistic.periods).toBe(full.evaluations.pessimistic.periodsCounted);
    expect(tc.shortfall.periods).toBe(full.shortfall.periodsMissing);
    const sc = report.programs.find((p) => p.id === 'so-cap')!;
    // course policy: the lessons not covered, by id
    expect(sc.pessimistic.lessonsMissing).toEqual(['SC04']);
    expect(sc.pessimistic.lessons).toBe(3);
  });

  it('keeps each matched row with its source, rule, grade and periods; unmatched rows by id only', () => {
    expect(report.rows[0]).toEqual({ id: 1, line: 2, state: 'counted', rule: 'triet', grade: expect.any(Number), periods: 45, origin: 'credits' });
    expect(report.unmatched).toContain(3);
    expect(report.rows.map((r) => r.id)).not.toContain(3);
    const failed = report.rows.find((r) => r.id === 4)!;
    expect(failed).toMatchObject({ state: 'not-counted', reasons: ['failed'] });
  });

  it('writes the optimistic evaluation only where it differs, and the deciding rows of a REVIEW', () => {
    const r = buildLeanReport(reviewResult(), { files: ['x.csv'], toolVersion: '1' });
    expect(r.person).toBeUndefined();
    expect(r.highestPassed).toBeNull();
    expect(r.programs[0]!.decidingRows).toEqual([2]);
    expect(r.rows.find((x) => x.id === 2)).toMatchObject({ state: 'uncertain', reasons: ['periods-unknown'], periods: null });
    expect(r.notices.map((x) => x.code)).toEqual(['periods-from-credits', 'outside-effective-period']);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    for (const p of buildLeanReport(passingResult(), meta).programs) {
      if (p.optimistic) expect(p.optimistic).not.toEqual(p.pessimistic);
    }
  });

  it('is a fifth of the full report or less', () => {
    const full = JSON.stringify(buildJsonReport(passingResult(), ruleSet(), meta)).length;
    expect(JSON.stringify(report).length * 5).toBeLessThan(full);
  });
});
