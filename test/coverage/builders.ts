// Small hand-built rule sets and transcripts for core tests (no rule files involved).

import { compileAbbreviations, matchingKey } from '../../src/match/normalize.js';
import { baseKey } from '../../src/text/normalize.js';
import type { GradePolicy, Lesson, MappingRule, Program, RuleSet, Subject } from '../../src/rules/types.js';
import type { Transcript, TranscriptRow } from '../../src/transcript/types.js';

const prov = (verified = true) => ({ verified, source: 'test' });
const loc = (s: string) => ({ vi: s, en: s });

export const grading: GradePolicy = {
  tenPointPass: 4,
  tenPointUncertainBelow: 5,
  fourPointPass: 1,
  passLetters: ['A+', 'A', 'B+', 'B', 'C+', 'C', 'D+', 'D'],
  failLetters: ['F'],
  passWords: ['p', 'dat'],
  failWords: ['khong dat'],
  exemptWords: ['r', 'mien'],
  provenance: prov(),
};

export function subject(id: string, periods: number, lessons: [string, number][] | null, opts: Partial<Subject> = {}): Subject {
  const ls: Lesson[] = lessons
    ? lessons.map(([lid, p]) => ({ id: lid, title: loc(`Bài ${lid}`), periods: p, subjectId: id, implicit: false, provenance: prov(opts.provenance?.verified ?? true) }))
    : [{ id, title: loc(`Môn ${id}`), periods, subjectId: id, implicit: true, provenance: prov() }];
  return { id, name: loc(`Môn ${id}`), periods, required: true, minRatio: 0.8, lessons: ls, provenance: prov(), ...opts };
}

export function program(id: string, rank: number, subjects: Subject[], policy: Program['policy'], extra: Partial<Program> = {}): Program {
  return {
    id,
    rank,
    name: loc(id),
    totalPeriods: subjects.reduce((n, s) => n + s.periods, 0),
    policy,
    subjects,
    lessons: subjects.flatMap((s) => s.lessons),
    effective: {},
    legalBasis: [],
    provenance: prov(),
    ...extra,
  };
}

export interface RuleSpec {
  id: string;
  names?: string[];
  codes?: string[];
  keywords?: { all: string[]; none?: string[] }[];
  targets: (string | { lessonId: string; share: number })[];
  verified?: boolean;
}

export function ruleSet(programs: Program[], specs: RuleSpec[], abbreviations: [string, string][] = []): RuleSet {
  const abbr = abbreviations.map(([from, to]) => ({ from: baseKey(from), to: baseKey(to) }));
  const expander = compileAbbreviations(abbr);
  const key = (s: string) => matchingKey(s, { expander });
  const rules: MappingRule[] = specs.map((s, order) => ({
    id: s.id,
    order,
    label: loc(s.id),
    match: {
      names: (s.names ?? []).map(key),
      codes: (s.codes ?? []).map((c) => baseKey(c).replace(/ /g, '')),
      keywords: (s.keywords ?? []).map((k) => ({ all: k.all.map(key), none: (k.none ?? []).map(key) })),
    },
    targets: s.targets.map((t) => (typeof t === 'string' ? { lessonId: t } : t)),
    provenance: prov(s.verified ?? true),
  }));
  const lessonIndex = new Map<string, { program: Program; subject: Subject; lesson: Lesson }>();
  for (const p of programs) for (const s of p.subjects) for (const l of s.lessons) lessonIndex.set(l.id, { program: p, subject: s, lesson: l });
  return {
    id: 'test',
    name: loc('test'),
    version: '0',
    dir: '/rules',
    effective: {},
    periodsPerUnit: { credit: 15, dvht: 15 },
    grading,
    programs: [...programs].sort((a, b) => a.rank - b.rank),
    abbreviations: abbr,
    dropToken: null,
    parts: {
      numbers: new Map([['1', 1], ['2', 2], ['i', 1], ['ii', 2]]),
      before: new Set(['phan', 'part', 'hp']),
      notAfter: new Set(['lan', 'ky', 'hk', 'dot']),
    },
    rules,
    lessonIndex,
    mustNotMatch: [],
  };
}

let nextLine = 2;
export function row(name: string, fields: Partial<Omit<TranscriptRow, 'grade'>> & { grade?: string } = {}): Omit<TranscriptRow, 'id'> {
  const { grade, ...rest } = fields;
  return { source: { file: 't.csv', line: nextLine++ }, name, ...(grade !== undefined ? { grade: { text: grade } } : {}), ...rest };
}

export function transcript(rows: Omit<TranscriptRow, 'id'>[]): Transcript {
  return { rows: rows.map((r, i) => ({ ...r, id: i + 1 })), files: ['t.csv'] };
}

/** A miniature of the shipped shape: a course-policy level 1 and a per-subject level 2. */
export function miniRules(): RuleSet {
  const elementary = program(
    'elem',
    1,
    [subject('P1', 30, [['L1', 10], ['L2', 10], ['L3', 10]]), subject('P2', 20, [['L4', 10], ['L5', 10]])],
    { kind: 'course', minPeriods: 40, minLessons: 4, provenance: prov() },
  );
  const intermediate = program('inter', 2, [subject('S1', 60, null), subject('S2', 40, null)], { kind: 'per-subject', provenance: prov() });
  return ruleSet(
    [elementary, intermediate],
    [
      { id: 'philosophy', names: ['Triết học', 'Triết học Mác-Lênin'], keywords: [{ all: ['triet hoc', 'mac lenin'] }], targets: ['L1', 'L2', 'S1'] },
      { id: 'economy', keywords: [{ all: ['kinh te chinh tri'] }], targets: ['L3', 'S1'] },
      { id: 'hcm', keywords: [{ all: ['tu tuong', 'ho chi minh'] }], targets: ['L4', 'L5', 'S2'] },
      { id: 'vocational', names: ['Giáo dục chính trị'], targets: ['L1'] },
      { id: 'other-only', names: ['Chỉ trung cấp'], targets: ['S2'] },
    ],
    [['tthcm', 'tu tuong ho chi minh'], ['ml', 'mac lenin']],
  );
}
