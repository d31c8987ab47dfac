import { describe, expect, it } from 'vitest';
import { buildJsonReport } from '../../src/report/json.js';
import { passingResult, reviewResult, ruleSet } from './builders.js';

describe('buildJsonReport', () => {
  const report = buildJsonReport(passingResult(), ruleSet(), {
    files: ['bang-diem.csv'],
    toolVersion: '9.9.9',
    person: { name: 'Nguyễn Văn A' },
  });

  it('is versioned and names the tool, rule set, date, files and person', () => {
    expect(report.schemaVersion).toBe(2);
    expect(report.tool).toEqual({ name: 'llct', version: '9.9.9' });
    expect(report.ruleSet).toMatchObject({ id: 'test-rules', version: '1.0', name: { vi: 'Bộ quy tắc thử', en: 'Test rules' } });
    expect(report.asOf).toBe('2020-05-01');
    expect(report.files).toEqual(['bang-diem.csv']);
    expect(report.person).toEqual({ name: 'Nguyễn Văn A' });
    expect(report.highestPassed).toEqual({ id: 'so-cap', name: { vi: 'Sơ cấp lý luận chính trị', en: 'Elementary political theory' } });
    expect(Object.keys(report)).toEqual(['schemaVersion', 'tool', 'ruleSet', 'asOf', 'files', 'person', 'highestPassed', 'programs', 'rows', 'notices', 'decisions']);
  });

  it('gives every program its verdict, both evaluations and the shortfall with names', () => {
    const tc = report.programs.find((p) => p.id === 'trung-cap')!;
    expect(tc.verdict).toBe('FAIL');
    expect(tc.evaluations.pessimistic.subjects.map((s) => [s.id, s.periodsMissing, s.pass])).toEqual([
      ['TC-TH', 3, false],
      ['TC-XDD', 48, false],
    ]);
    expect(tc.shortfall.subjects[1]).toEqual({
      id: 'TC-XDD',
      name: { vi: 'Xây dựng Đảng', en: 'EN Xây dựng Đảng' },
      periodsMissing: 48,
      lessonsMissing: [{ id: 'TC-XDD', title: { vi: 'Xây dựng Đảng', en: 'EN Xây dựng Đảng' } }],
    });
    const sc = report.programs.find((p) => p.id === 'so-cap')!;
    expect(sc.evaluations.optimistic.pass).toBe(true);
    expect(sc.evaluations.pessimistic.subjects[1]!.lessonsMissing).toEqual([
      { id: 'SC04', title: { vi: 'Đại đoàn kết toàn dân tộc', en: 'EN Đại đoàn kết toàn dân tộc' } },
    ]);
  });

  it('states each row\'s provenance: source, rule, lessons fed, periods and their origin', () => {
    const r1 = report.rows[0]!;
    expect(r1.source).toEqual({ file: 'bang-diem.csv', line: 2 });
    expect(r1.match).toEqual({ ruleId: 'triet', by: 'name', label: { vi: 'Triết học Mác-Lênin', en: 'Marxist-Leninist philosophy' }, tiedWith: [] });
    expect(r1.periods).toEqual({ value: 45, origin: 'credits', credits: 3, unit: 'credit', perUnit: 15 });
    expect(r1.contributions).toEqual([
      {
        programId: 'so-cap',
        periods: 45,
        lessons: [
          { lessonId: 'SC01', subjectId: 'SC-I', title: { vi: 'Triết học Mác-Lênin', en: 'EN Triết học Mác-Lênin' }, periods: 22.5 },
          { lessonId: 'SC02', subjectId: 'SC-I', title: { vi: 'Kinh tế chính trị Mác-Lênin', en: 'EN Kinh tế chính trị Mác-Lênin' }, periods: 22.5 },
        ],
      },
      { programId: 'trung-cap', periods: 45, lessons: [{ lessonId: 'TC-TH', subjectId: 'TC-TH', title: { vi: 'Triết học Mác-Lênin', en: 'EN Triết học Mác-Lênin' }, periods: 45 }] },
    ]);
    expect(r1.state).toBe('counted');
    expect(r1.reasons).toEqual([]);
  });

  it('gives reasons for rows not counted, in both languages', () => {
    const r4 = report.rows[3]!;
    expect(r4.state).toBe('not-counted');
    expect(r4.reasons).toEqual([{ code: 'failed', message: { vi: 'không đạt (điểm 3)', en: 'failed (grade 3)' } }]);
    expect(report.rows[2]!.reasons[0]!.code).toBe('unmatched');
  });

  it('includes the notices with code, args and both messages', () => {
    const n = report.notices.find((x) => x.code === 'unverified-rules')!;
    expect(n.args).toEqual({ programId: 'so-cap', program: false, policy: false, subjects: [], lessons: ['SC01', 'SC02'], rules: ['triet'] });
    expect(n.message.vi).toContain('dữ liệu tái dựng');
    expect(n.message.en).toContain('reconstructed data');
  });

  it('marks unknown periods and uncertain reasons on REVIEW results', () => {
    const r = buildJsonReport(reviewResult(), ruleSet(), { files: ['x.csv'], toolVersion: '1' });
    expect(r.person).toBeUndefined();
    expect(r.highestPassed).toBeNull();
    expect(r.programs[0]!.decidingRows).toEqual([2]);
    expect(r.rows[1]!.contributions[0]!.periods).toBeNull();
    expect(r.rows[1]!.reasons.map((x) => x.code)).toEqual(['periods-unknown']);
    expect(r.notices.map((x) => x.code)).toEqual(['periods-from-credits', 'outside-effective-period']);
    // a plain object: survives JSON unchanged
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});
