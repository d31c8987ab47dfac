// Small in-memory rule sets for compiler tests: valid by default, each test breaks one thing.

export const v = { verified: true, source: 'test' };

export function rootFile(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    $schema: './schema/ruleset.schema.json',
    id: 'test',
    name: { vi: 'Thử', en: 'Test' },
    version: '1',
    effective: { from: '2013-01-14', to: '2021-07-08' },
    legalBasis: [
      { id: 'L1', date: '2009-09-16', title: 'Quy định thử', effect: { vi: 'thử', en: 'test' }, source: 'x', verified: true },
    ],
    periodsPerUnit: { credit: 15, dvht: 15, ...v },
    grading: {
      tenPointPass: 4,
      tenPointUncertainBelow: 5,
      fourPointPass: 1,
      passLetters: ['A', 'b+'],
      failLetters: ['F'],
      passWords: ['P', 'Đạt'],
      failWords: ['Không đạt'],
      exemptWords: ['Miễn'],
      ...v,
    },
    programs: ['programs/p1.json', 'programs/p2.json'],
    mapping: 'mapping.json',
    ...over,
  };
}

/** Course program: subject S1 (lessons L1, L2 of 10) + subject S2 (no lessons, 20 periods). */
export function courseProgram(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    $schema: '../schema/program.schema.json',
    id: 'p1',
    rank: 1,
    name: { vi: 'Một', en: 'One' },
    totalPeriods: 40,
    effective: { from: '2013-01-14' },
    legalBasis: ['L1'],
    ...v,
    policy: { kind: 'course', minPeriods: 30, minLessons: 2, ...v },
    subjects: [
      {
        id: 'S1',
        name: { vi: 'Môn 1', en: 'Subject 1' },
        periods: 20,
        ...v,
        lessons: [
          { id: 'L1', title: { vi: 'Bài 1', en: 'Lesson 1' }, periods: 10, ...v },
          { id: 'L2', title: { vi: 'Bài 2', en: 'Lesson 2' }, periods: 10, ...v },
        ],
      },
      { id: 'S2', name: { vi: 'Môn 2', en: 'Subject 2' }, periods: 20, ...v },
    ],
    ...over,
  };
}

/** Per-subject program with subjects T1 (30) and T2 (30, own ratio 0.5), no lesson lists. */
export function perSubjectProgram(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'p2',
    rank: 2,
    name: { vi: 'Hai', en: 'Two' },
    totalPeriods: 60,
    effective: {},
    legalBasis: [],
    ...v,
    policy: { kind: 'per-subject', minRatio: 0.8, ...v },
    subjects: [
      { id: 'T1', name: { vi: 'Môn T1', en: 'T1' }, periods: 30, ...v },
      { id: 'T2', name: { vi: 'Môn T2', en: 'T2' }, periods: 30, required: false, minRatio: 0.5, ...v },
    ],
    ...over,
  };
}

export function mappingFile(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    $schema: './schema/mapping.schema.json',
    normalization: { dropTokenPattern: '^[a-z]{2,}[0-9]{3,}[a-z]?$' },
    abbreviations: [{ from: 'TT HCM', to: 'Tư tưởng Hồ Chí Minh' }],
    rules: [
      {
        id: 'r1',
        label: { vi: 'Triết học', en: 'Philosophy' },
        names: ['Triết học'],
        codes: ['PHI 1004'],
        keywords: [{ all: ['triết học', 'Mác-Lênin'], none: ['phương Đông'] }],
        targets: ['L1', 'L2', 'T1'],
        ...v,
        examples: ['TRIẾT HỌC MÁC - LÊNIN', 'MLN111 - Triết học'],
      },
      {
        id: 'r2',
        label: { vi: 'Tư tưởng', en: 'Thought' },
        keywords: [{ all: ['tư tưởng Hồ Chí Minh'] }],
        targets: [{ lesson: 'S2', share: 1 }, { lesson: 'T1', share: 0.25 }, { lesson: 'T2', share: 0.75 }],
        ...v,
        examples: ['TT HCM'],
      },
    ],
    mustNotMatch: ['Triết học phương Đông'],
    ...over,
  };
}

export type Files = Record<string, Record<string, unknown> | string>;

export function defaultFiles(): Files {
  return {
    'ruleset.json': rootFile(),
    'programs/p1.json': courseProgram(),
    'programs/p2.json': perSubjectProgram(),
    'mapping.json': mappingFile(),
  };
}

/** Files as text: objects pretty-printed (2 spaces), strings as given. */
export function toMap(files: Files): Map<string, string> {
  return new Map(Object.entries(files).map(([k, val]) => [k, typeof val === 'string' ? val : JSON.stringify(val, null, 2)]));
}
