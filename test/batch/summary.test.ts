import { describe, expect, it } from 'vitest';
import { warningText } from '../../src/findings/dossier.js';
import type { Dossier } from '../../src/batch/discover.js';
import { buildSummaryRow, fileWarnings, levelSummary, reviewAbove, statsEntry, summaryColumns, summaryLine, summaryRecord, unmatchedNames } from '../../src/batch/summary.js';
import type { CheckResult, Evaluation, ProgramResult, RowOutcome, SubjectEvaluation } from '../../src/coverage/types.js';
import type { Program } from '../../src/rules/types.js';

const evaluation = (periodsCounted: number, lessonsCovered: number, pass: boolean): Evaluation => ({ pass, periodsCounted, lessonsCovered, subjects: [], rows: [] });

function programResult(programId: string, rank: number, verdict: ProgramResult['verdict'], extra: Partial<ProgramResult> = {}): ProgramResult {
  const course = rank === 1;
  return {
    programId,
    rank,
    policy: course ? 'course' : 'per-subject',
    verdict,
    minPeriods: course ? 144 : null,
    minLessons: course ? 13 : null,
    totalPeriods: course ? 180 : 610,
    totalLessons: course ? 18 : 10,
    pessimistic: evaluation(course ? 120 : 150, 10, verdict === 'PASS'),
    optimistic: evaluation(course ? 150 : 150, 13, verdict !== 'FAIL'),
    decidingRows: verdict === 'REVIEW' ? [3, 5] : [],
    overlapRows: [],
    overlapLessons: [],
    shortfall: course
      ? { periodsMissing: 24, lessonsMissing: 3, subjects: [] }
      : { periodsMissing: 338, lessonsMissing: 0, subjects: [{ subjectId: 'A', periodsMissing: 300, lessonsMissing: [] }, { subjectId: 'B', periodsMissing: 38, lessonsMissing: [] }] },
    usesUnverifiedData: true,
    ...extra,
    computedVerdict: extra.computedVerdict ?? extra.verdict ?? verdict,
  };
}

const row = (rowId: number, name: string, key: string, matched: boolean): RowOutcome => ({
  rowId,
  source: { file: 'x.csv', line: rowId + 1 },
  name,
  key,
  match: matched ? { ruleId: 'r', by: 'name', tiedWith: [] } : null,
  grade: { text: '7', scale: '10', value: 7, status: 'pass' },
  periods: { value: 30, origin: 'credits' },
  state: matched ? 'counted' : 'not-counted',
  uncertain: [],
  ...(matched ? {} : { notCounted: 'unmatched' as const }),
  contributions: [],
});

function result(programs: ProgramResult[], highestPassed: string | null): CheckResult {
  return {
    ruleSet: { id: 'rs', version: '1', dir: '/rules' },
    asOf: '2019-01-01',
    rows: [row(1, 'Triết học', 'triet hoc', true), row(2, 'Giải tích 1', 'giai tich 1', false), row(3, 'GIẢI TÍCH 1', 'giai tich 1', false)],
    programs,
    highestPassed,
    decisions: [],
    notices: [
      { code: 'unverified-rules', args: {} },
      { code: 'grade-band', args: {} },
      { code: 'grade-band', args: {} },
    ],
  };
}

const dossier: Dossier = { index: 4, name: 'nguyen-a', kind: 'folder', transcripts: ['nguyen-a/a.csv'], metadata: 'nguyen-a/metadata.json', ignored: [], nested: [] };
const files = { files: ['nguyen-a/a.csv'], ignoredTxt: [] as string[] };

describe('summary rows', () => {
  it('gives each level its verdict, numbers against the minimums, and a short shortfall', () => {
    const review = levelSummary(programResult('so-cap', 1, 'REVIEW'), 'vi');
    expect(review).toMatchObject({ verdict: 'REVIEW', periods: 120, periodsOptimistic: 150, periodsRequired: 144, lessons: 10, lessonsRequired: 13 });
    expect(review.shortfall).toBe('Còn thiếu 24 tiết và 3 bài so với mức tối thiểu. Cần xem xét dòng 3, 5.');
    const fail = levelSummary(programResult('trung-cap', 2, 'FAIL'), 'en');
    expect(fail).toMatchObject({ periodsRequired: 610, lessonsRequired: 10 });
    expect(fail.shortfall).toBe('Short by 338 periods in 2 subjects.');
    expect(levelSummary(programResult('so-cap', 1, 'PASS'), 'vi').shortfall).toBe('');
  });

  it('reads figures per policy: lessons of the whole program under the course policy, subjects passed per subject', () => {
    const subject = (id: string, pass: boolean, required = true) => ({ subjectId: id, required, pass }) as SubjectEvaluation;
    const tc = programResult('trung-cap', 2, 'FAIL', {
      pessimistic: { ...evaluation(150, 4, false), subjects: [subject('A', true), subject('B', false), subject('C', false), subject('D', true, false)] },
    });
    expect(levelSummary(tc, 'vi')).toMatchObject({ subjectsPassed: 1, subjectsRequired: 3, lessonsTotal: 10 });
    expect(levelSummary(programResult('so-cap', 1, 'REVIEW'), 'vi')).toMatchObject({ subjectsPassed: null, subjectsRequired: null, lessonsTotal: 18 });
    const levels = [
      { id: 'so-cap', name: { vi: 'Sơ cấp', en: 'Elementary' } },
      { id: 'trung-cap', name: { vi: 'Trung cấp', en: 'Intermediate' } },
    ] as Program[];
    const line = summaryLine(
      { ...buildSummaryRow({ dossier, ...files, metadata: null, transcript: null, result: result([programResult('so-cap', 1, 'REVIEW'), tc], null), error: null, asOf: '2020-01-01' }, 'vi') },
      levels,
      'vi',
    );
    expect(line).toContain('Sơ cấp CẦN XEM XÉT 120/144 tiết, 10/18 bài (tối thiểu 13)');
    expect(line).toContain('Trung cấp KHÔNG ĐẠT 1/3 môn đạt, 150/610 tiết');
  });

  it('knows when a level above the highest passed is still under review', () => {
    expect(reviewAbove(result([programResult('so-cap', 1, 'PASS'), programResult('trung-cap', 2, 'REVIEW')], 'so-cap'))).toBe(true);
    expect(reviewAbove(result([programResult('so-cap', 1, 'REVIEW'), programResult('trung-cap', 2, 'FAIL')], null))).toBe(true);
    expect(reviewAbove(result([programResult('so-cap', 1, 'PASS'), programResult('trung-cap', 2, 'FAIL')], 'so-cap'))).toBe(false);
  });

  it('names the files not read as warnings with their files as arguments; the summary writes them as `code: files`', () => {
    const d: Dossier = { ...dossier, ignored: ['nguyen-a/scan/ho-so.pdf'], nested: ['nguyen-a/bằng 2/b.csv'] };
    const warnings = fileWarnings({ dossier: d, ignoredTxt: ['nguyen-a/ghi-chu.txt'] });
    expect(warnings).toEqual([
      { code: 'nested-transcripts', args: { files: ['bằng 2/b.csv'] } },
      { code: 'ignored-txt', args: { files: ['ghi-chu.txt'] } },
      { code: 'ignored-files', args: { files: ['scan/ho-so.pdf'] } },
    ]);
    expect(warnings.map(warningText)).toEqual(['nested-transcripts: bằng 2/b.csv', 'ignored-txt: ghi-chu.txt', 'ignored-files: scan/ho-so.pdf']);
    const many = Array.from({ length: 12 }, (_, i) => `nguyen-a/f${i}.pdf`);
    expect(warningText(fileWarnings({ dossier: { ...dossier, ignored: many }, ignoredTxt: [] })[0]!)).toBe(
      'ignored-files: f0.pdf, f1.pdf, f2.pdf, f3.pdf, f4.pdf, f5.pdf, f6.pdf, f7.pdf, f8.pdf, f9.pdf, … (+2)',
    );
  });

  it('builds the row from metadata and result: routine notices left out, warnings once each', () => {
    const r = result([programResult('trung-cap', 2, 'FAIL'), programResult('so-cap', 1, 'PASS')], 'so-cap');
    const facts = { dossier, ...files, metadata: { id: 'A1', fullName: 'Nguyễn A', category: 'khac' as const }, transcript: { rows: [], files: [] }, result: r, error: null, asOf: '2019-01-01' };
    const s = buildSummaryRow(facts, 'vi');
    expect(s).toMatchObject({ no: 5, dossier: 'nguyen-a', id: 'A1', name: 'Nguyễn A', highestPassed: 'so-cap', unmatchedRows: 2, warnings: [{ code: 'grade-band', args: {} }], error: null });
    expect(s.levels.map((l) => l.programId)).toEqual(['so-cap', 'trung-cap']);
    expect(statsEntry(facts)).toEqual({ metadata: facts.metadata, evaluated: true, highestPassed: 'so-cap', review: false, decided: false });
    expect(unmatchedNames(r)).toEqual([{ key: 'giai tich 1', name: 'Giải tích 1' }]);
  });

  it('turns a failure into a row with the reason and empty level cells', () => {
    const facts = { dossier, ...files, metadata: null, transcript: null, result: null, error: { code: 'no-transcript' as const, message: { vi: 'không có', en: 'none' } }, asOf: null };
    const s = buildSummaryRow(facts, 'en');
    expect(s).toMatchObject({ levels: [], error: { code: 'no-transcript', message: 'none' } });
    expect(statsEntry(facts)).toEqual({ metadata: null, evaluated: false, highestPassed: null, review: false, decided: false });
    const levels = [{ id: 'so-cap' }];
    const cells = summaryRecord(s, levels);
    expect(cells).toHaveLength(summaryColumns(levels).length);
    expect(cells.slice(-2)).toEqual(['no-transcript', 'none']);
  });
});
