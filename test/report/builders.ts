// Small hand-built rule sets and check results for renderer tests (no loader, no engine).

import type { CheckResult, Evaluation, ProgramResult, RowOutcome, SubjectEvaluation } from '../../src/coverage/types.js';
import type { Lesson, Program, RuleSet, Subject } from '../../src/rules/types.js';

const prov = { verified: false, source: 'test' };

function lesson(id: string, subjectId: string, vi: string, periods: number, implicit = false): Lesson {
  return { id, title: { vi, en: `EN ${vi}` }, periods, subjectId, implicit, provenance: prov };
}

function subject(id: string, vi: string, lessons: Lesson[], required = true): Subject {
  return {
    id,
    name: { vi, en: `EN ${vi}` },
    periods: lessons.reduce((n, l) => n + l.periods, 0),
    required,
    minRatio: 0.8,
    lessons,
    provenance: prov,
  };
}

/** Two programs: "so-cap" (course policy, 4 lessons in 2 subjects) and "trung-cap" (per-subject, 2 subjects). */
export function ruleSet(): RuleSet {
  const sc1 = subject('SC-I', 'Chủ nghĩa Mác-Lênin', [
    lesson('SC01', 'SC-I', 'Triết học Mác-Lênin', 10),
    lesson('SC02', 'SC-I', 'Kinh tế chính trị Mác-Lênin', 10),
  ]);
  const sc2 = subject('SC-II', 'Tư tưởng Hồ Chí Minh', [
    lesson('SC03', 'SC-II', 'Nội dung cơ bản của tư tưởng Hồ Chí Minh', 10),
    lesson('SC04', 'SC-II', 'Đại đoàn kết toàn dân tộc', 10),
  ]);
  const tc1 = subject('TC-TH', 'Triết học Mác-Lênin', [lesson('TC-TH', 'TC-TH', 'Triết học Mác-Lênin', 60, true)]);
  const tc2 = subject('TC-XDD', 'Xây dựng Đảng', [lesson('TC-XDD', 'TC-XDD', 'Xây dựng Đảng', 60, true)]);
  const soCap: Program = {
    id: 'so-cap',
    rank: 1,
    name: { vi: 'Sơ cấp lý luận chính trị', en: 'Elementary political theory' },
    totalPeriods: 40,
    policy: { kind: 'course', minPeriods: 32, minLessons: 3, provenance: prov },
    subjects: [sc1, sc2],
    lessons: [...sc1.lessons, ...sc2.lessons],
    effective: { from: '2013-01-14', to: '2021-07-08' },
    legalBasis: [],
    provenance: prov,
  };
  const trungCap: Program = {
    id: 'trung-cap',
    rank: 2,
    name: { vi: 'Trung cấp lý luận chính trị', en: 'Intermediate political theory' },
    totalPeriods: 120,
    policy: { kind: 'per-subject', provenance: prov },
    subjects: [tc1, tc2],
    lessons: [...tc1.lessons, ...tc2.lessons],
    effective: { from: '2009-09-16', to: '2021-07-08' },
    legalBasis: [],
    provenance: prov,
  };
  const programs = [soCap, trungCap];
  const lessonIndex = new Map<string, { program: Program; subject: Subject; lesson: Lesson }>();
  for (const program of programs) for (const s of program.subjects) for (const l of s.lessons) lessonIndex.set(l.id, { program, subject: s, lesson: l });
  return {
    id: 'test-rules',
    name: { vi: 'Bộ quy tắc thử', en: 'Test rules' },
    version: '1.0',
    dir: '/rules',
    effective: { from: '2009-09-16', to: '2021-07-08' },
    periodsPerUnit: { credit: 15, dvht: 15 },
    grading: {
      tenPointPass: 4,
      tenPointUncertainBelow: 5,
      fourPointPass: 1,
      passLetters: ['A', 'B', 'C', 'D'],
      failLetters: ['F'],
      passWords: ['dat'],
      failWords: ['khong dat'],
      exemptWords: ['mien'],
      provenance: prov,
    },
    programs,
    abbreviations: [],
    dropToken: null,
    rules: [
      { id: 'triet', order: 0, label: { vi: 'Triết học Mác-Lênin', en: 'Marxist-Leninist philosophy' }, match: { names: [], codes: [], keywords: [] }, targets: [], provenance: prov },
      { id: 'hcm', order: 1, label: { vi: 'Tư tưởng Hồ Chí Minh', en: 'Ho Chi Minh Thought' }, match: { names: [], codes: [], keywords: [] }, targets: [], provenance: prov },
    ],
    lessonIndex,
    mustNotMatch: [],
  };
}

export function row(over: Partial<RowOutcome> & { rowId: number; name: string }): RowOutcome {
  return {
    source: { file: 'bang-diem.csv', line: over.rowId + 1 },
    key: over.name.toLowerCase(),
    match: null,
    grade: { text: '7,5', scale: '10', value: 7.5, status: 'pass' },
    periods: { value: 30, origin: 'credits', credits: 2, unit: 'credit', perUnit: 15 },
    state: 'counted',
    uncertain: [],
    contributions: [],
    ...over,
  };
}

function subjectEval(over: Partial<SubjectEvaluation> & { subjectId: string }): SubjectEvaluation {
  return {
    required: true,
    periodsRequired: 20,
    periodsMinimum: null,
    periodsCounted: 0,
    periodsAllocated: 0,
    periodsMissing: 0,
    lessonsCovered: [],
    lessonsMissing: [],
    pass: null,
    ...over,
  };
}

function evaluation(over: Partial<Evaluation>): Evaluation {
  return { pass: false, periodsCounted: 0, lessonsCovered: 0, subjects: [], rows: [], ...over };
}

function program(over: Partial<ProgramResult> & { programId: string }): ProgramResult {
  const e = evaluation({});
  return {
    rank: over.programId === 'so-cap' ? 1 : 2,
    policy: over.programId === 'so-cap' ? 'course' : 'per-subject',
    verdict: 'FAIL',
    minPeriods: over.programId === 'so-cap' ? 32 : null,
    minLessons: over.programId === 'so-cap' ? 3 : null,
    totalPeriods: over.programId === 'so-cap' ? 40 : 120,
    totalLessons: over.programId === 'so-cap' ? 4 : 2,
    pessimistic: e,
    optimistic: e,
    decidingRows: [],
    overlapRows: [],
    overlapLessons: [],
    shortfall: { periodsMissing: 0, lessonsMissing: 0, subjects: [] },
    usesUnverifiedData: false,
    ...over,
    computedVerdict: over.computedVerdict ?? over.verdict ?? 'FAIL',
  };
}

/** Sơ cấp passes (33/32 periods, 3/4 lessons), trung cấp fails (Xây dựng Đảng missing). */
export function passingResult(): CheckResult {
  const r1 = row({
    rowId: 1,
    name: 'Triết học Mác-Lênin',
    match: { ruleId: 'triet', by: 'name', tiedWith: [] },
    periods: { value: 45, origin: 'credits', credits: 3, unit: 'credit', perUnit: 15 },
    contributions: [
      { programId: 'so-cap', lessons: [{ lessonId: 'SC01', subjectId: 'SC-I', periods: 22.5 }, { lessonId: 'SC02', subjectId: 'SC-I', periods: 22.5 }] },
      { programId: 'trung-cap', lessons: [{ lessonId: 'TC-TH', subjectId: 'TC-TH', periods: 45 }] },
    ],
  });
  const r2 = row({
    rowId: 2,
    name: 'Tư tưởng Hồ Chí Minh',
    match: { ruleId: 'hcm', by: 'keywords', tiedWith: [] },
    periods: { value: 30, origin: 'given' },
    contributions: [{ programId: 'so-cap', lessons: [{ lessonId: 'SC03', subjectId: 'SC-II', periods: 30 }] }],
  });
  const r3 = row({ rowId: 3, name: 'Giáo dục thể chất', state: 'not-counted', notCounted: 'unmatched' });
  const r4 = row({
    rowId: 4,
    name: 'Triết học Mác-Lênin',
    match: { ruleId: 'triet', by: 'name', tiedWith: [] },
    grade: { text: '3', scale: '10', value: 3, status: 'fail' },
    state: 'not-counted',
    notCounted: 'failed',
  });
  const scSubjects = [
    subjectEval({ subjectId: 'SC-I', periodsRequired: 20, periodsCounted: 45, periodsAllocated: 45, lessonsCovered: ['SC01', 'SC02'] }),
    subjectEval({ subjectId: 'SC-II', periodsRequired: 20, periodsCounted: 30, periodsAllocated: 30, lessonsCovered: ['SC03'], lessonsMissing: ['SC04'] }),
  ];
  const sc = evaluation({ pass: true, periodsCounted: 75, lessonsCovered: 3, subjects: scSubjects, rows: [1, 2] });
  const tcSubjects = [
    subjectEval({ subjectId: 'TC-TH', periodsRequired: 60, periodsMinimum: 48, periodsCounted: 45, periodsAllocated: 45, periodsMissing: 3, lessonsMissing: ['TC-TH'], pass: false }),
    subjectEval({ subjectId: 'TC-XDD', periodsRequired: 60, periodsMinimum: 48, periodsCounted: 0, periodsMissing: 48, lessonsMissing: ['TC-XDD'], pass: false }),
  ];
  const tc = evaluation({ pass: false, periodsCounted: 45, lessonsCovered: 0, subjects: tcSubjects, rows: [1] });
  return {
    ruleSet: { id: 'test-rules', version: '1.0', dir: '/rules' },
    asOf: '2020-05-01',
    rows: [r1, r2, r3, r4],
    programs: [
      program({ programId: 'so-cap', verdict: 'PASS', pessimistic: sc, optimistic: sc, usesUnverifiedData: true, shortfall: { periodsMissing: 0, lessonsMissing: 0, subjects: [{ subjectId: 'SC-II', periodsMissing: 0, lessonsMissing: ['SC04'] }] } }),
      program({
        programId: 'trung-cap',
        verdict: 'FAIL',
        pessimistic: tc,
        optimistic: tc,
        shortfall: {
          periodsMissing: 51,
          lessonsMissing: 0,
          subjects: [
            { subjectId: 'TC-TH', periodsMissing: 3, lessonsMissing: ['TC-TH'] },
            { subjectId: 'TC-XDD', periodsMissing: 48, lessonsMissing: ['TC-XDD'] },
          ],
        },
      }),
    ],
    highestPassed: 'so-cap',
    decisions: [],
    notices: [
      {
        code: 'unverified-rules',
        args: { programId: 'so-cap', program: false, policy: false, subjects: [], lessons: ['SC01', 'SC02'], rules: ['triet'] },
      },
    ],
  };
}

/** Sơ cấp depends on row 2 (no credits): without it 15/32 periods, with it 35/32. */
export function reviewResult(): CheckResult {
  const r1 = row({
    rowId: 1,
    name: 'Triết học Mác-Lênin',
    match: { ruleId: 'triet', by: 'name', tiedWith: [] },
    periods: { value: 15, origin: 'credits', credits: 1, unit: 'credit', perUnit: 15 },
    contributions: [{ programId: 'so-cap', lessons: [{ lessonId: 'SC01', subjectId: 'SC-I', periods: 15 }] }],
  });
  const r2 = row({
    rowId: 2,
    name: 'Tư tưởng Hồ Chí Minh',
    match: { ruleId: 'hcm', by: 'name', tiedWith: [] },
    periods: { value: null, origin: 'unknown' },
    state: 'uncertain',
    uncertain: ['periods-unknown'],
    contributions: [{ programId: 'so-cap', lessons: [{ lessonId: 'SC03', subjectId: 'SC-II', periods: null }] }],
  });
  const pess = evaluation({
    pass: false,
    periodsCounted: 15,
    lessonsCovered: 1,
    rows: [1],
    subjects: [
      subjectEval({ subjectId: 'SC-I', periodsCounted: 15, periodsAllocated: 15, periodsMissing: 5, lessonsCovered: ['SC01'], lessonsMissing: ['SC02'] }),
      subjectEval({ subjectId: 'SC-II', periodsMissing: 20, lessonsMissing: ['SC03', 'SC04'] }),
    ],
  });
  const opt = evaluation({ pass: true, periodsCounted: 35, lessonsCovered: 3, rows: [1, 2] });
  return {
    ruleSet: { id: 'test-rules', version: '1.0', dir: '/rules' },
    asOf: '2024-03-01',
    rows: [r1, r2],
    programs: [
      program({
        programId: 'so-cap',
        verdict: 'REVIEW',
        pessimistic: pess,
        optimistic: opt,
        decidingRows: [2],
        shortfall: { periodsMissing: 17, lessonsMissing: 2, subjects: [] },
      }),
    ],
    highestPassed: null,
    decisions: [],
    notices: [
      { code: 'periods-from-credits', args: { perCredit: 15, perDvht: 15 } },
      { code: 'outside-effective-period', args: { asOf: '2024-03-01', from: '2013-01-14', to: '2021-07-08', programId: 'so-cap' } },
    ],
  };
}
