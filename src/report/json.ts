// The machine-readable report of one check: a versioned plain object with stable English keys (printed elsewhere).

import type { CheckResult, Evaluation, ProgramResult, RowOutcome, SubjectEvaluation, Verdict } from '../coverage/types.js';
import type { Localized, RuleSet } from '../rules/types.js';
import type { Person, RowSource } from '../transcript/types.js';
import { findProgram, findSubject, lessonTitle, ruleLabel } from './lookup.js';
import { notCountedMessage, noticeMessage, uncertainMessage } from './messages.js';

/** 2: final and computed verdicts, and the officer decisions applied (§6.10). */
export const JSON_SCHEMA_VERSION = 2;

export interface JsonMeta {
  files: string[];
  toolVersion: string;
  person?: Person;
}

export interface JsonLesson {
  id: string;
  title: Localized;
}

export interface JsonSubject {
  id: string;
  name: Localized;
  required: boolean;
  periodsRequired: number;
  periodsMinimum: number | null;
  periodsCounted: number;
  periodsAllocated: number;
  periodsMissing: number;
  lessonsCovered: JsonLesson[];
  lessonsMissing: JsonLesson[];
  pass: boolean | null;
}

export interface JsonEvaluation {
  pass: boolean;
  periodsCounted: number;
  lessonsCovered: number;
  rows: number[];
  subjects: JsonSubject[];
}

export interface JsonProgram {
  id: string;
  name: Localized;
  rank: number;
  policy: 'course' | 'per-subject';
  /** the final verdict (the officer's where a decision settles it) */
  verdict: Verdict;
  /** the verdict computed from the transcript alone */
  computedVerdict: Verdict;
  /** indexes into `decisions` of the program decisions applied to this program */
  decisions: number[];
  totalPeriods: number;
  totalLessons: number;
  minPeriods: number | null;
  minLessons: number | null;
  effective: { from?: string; to?: string };
  usesUnverifiedData: boolean;
  decidingRows: number[];
  /** rows of different modules feeding the same lessons (counted once, the larger, in the pessimistic evaluation) */
  overlapRows: number[];
  overlapLessons: string[];
  shortfall: {
    periodsMissing: number;
    lessonsMissing: number;
    subjects: { id: string; name: Localized; periodsMissing: number; lessonsMissing: JsonLesson[] }[];
  };
  evaluations: { pessimistic: JsonEvaluation; optimistic: JsonEvaluation };
}

export interface JsonReason {
  code: string;
  message: Localized;
}

export interface JsonRow {
  id: number;
  source: RowSource;
  name: string;
  code: string | null;
  key: string;
  match: { ruleId: string; by: 'name' | 'code' | 'keywords' | 'decision'; label: Localized; tiedWith: string[] } | null;
  grade: RowOutcome['grade'];
  periods: RowOutcome['periods'];
  state: RowOutcome['state'];
  /** why the row is uncertain (state `uncertain`) or not counted (state `not-counted`) */
  reasons: JsonReason[];
  supersededBy: number | null;
  contributions: {
    programId: string;
    /** sum of the lesson shares; null when the row's periods are unknown */
    periods: number | null;
    lessons: { lessonId: string; subjectId: string; title: Localized; periods: number | null }[];
  }[];
}

export interface JsonDecision {
  target: { kind: 'row'; file: string; sheet: string | null; line: number | null; path: string | null; courseName: string; rowId: number | null } | { kind: 'program'; programId: string };
  action: string;
  value: string | number | null;
  reason: string;
  decidedBy: string;
  date: string;
  reference: string | null;
  /** where the decision was written */
  origin: { file: string; line: number | null; path: string | null };
  /** row ids whose outcome the decision changed */
  rowsChanged: number[];
}

export interface JsonReport {
  schemaVersion: typeof JSON_SCHEMA_VERSION;
  tool: { name: 'llct'; version: string };
  ruleSet: { id: string; version: string; name: Localized; dir: string; effective: { from?: string; to?: string } };
  asOf: string;
  files: string[];
  person?: Person;
  highestPassed: { id: string; name: Localized } | null;
  programs: JsonProgram[];
  rows: JsonRow[];
  notices: { code: string; args: Record<string, unknown>; message: Localized }[];
  /** the officer decisions applied, in the order given */
  decisions: JsonDecision[];
}

const both = (f: (lang: 'vi' | 'en') => string): Localized => ({ vi: f('vi'), en: f('en') });

export function buildJsonReport(result: CheckResult, ruleSet: RuleSet, meta: JsonMeta): JsonReport {
  const programName = (id: string): Localized => findProgram(ruleSet, id)?.name ?? { vi: id, en: id };
  const lesson = (id: string): JsonLesson => ({ id, title: both((l) => lessonTitle(ruleSet, id, l)) });
  const subjectName = (programId: string, id: string): Localized =>
    findSubject(ruleSet, programId, id)?.name ?? { vi: id, en: id };

  const subject = (programId: string, s: SubjectEvaluation): JsonSubject => ({
    id: s.subjectId,
    name: subjectName(programId, s.subjectId),
    required: s.required,
    periodsRequired: s.periodsRequired,
    periodsMinimum: s.periodsMinimum,
    periodsCounted: s.periodsCounted,
    periodsAllocated: s.periodsAllocated,
    periodsMissing: s.periodsMissing,
    lessonsCovered: s.lessonsCovered.map(lesson),
    lessonsMissing: s.lessonsMissing.map(lesson),
    pass: s.pass,
  });
  const evaluation = (programId: string, e: Evaluation): JsonEvaluation => ({
    pass: e.pass,
    periodsCounted: e.periodsCounted,
    lessonsCovered: e.lessonsCovered,
    rows: [...e.rows],
    subjects: e.subjects.map((s) => subject(programId, s)),
  });
  const program = (p: ProgramResult): JsonProgram => {
    const def = findProgram(ruleSet, p.programId);
    return {
      id: p.programId,
      name: programName(p.programId),
      rank: p.rank,
      policy: p.policy,
      verdict: p.verdict,
      computedVerdict: p.computedVerdict,
      decisions: result.decisions.flatMap((a, i) => (a.programId === p.programId ? [i] : [])),
      totalPeriods: p.totalPeriods,
      totalLessons: p.totalLessons,
      minPeriods: p.minPeriods,
      minLessons: p.minLessons,
      effective: { ...(def?.effective ?? {}) },
      usesUnverifiedData: p.usesUnverifiedData,
      decidingRows: [...p.decidingRows],
      overlapRows: [...p.overlapRows],
      overlapLessons: [...p.overlapLessons],
      shortfall: {
        periodsMissing: p.shortfall.periodsMissing,
        lessonsMissing: p.shortfall.lessonsMissing,
        subjects: p.shortfall.subjects.map((s) => ({
          id: s.subjectId,
          name: subjectName(p.programId, s.subjectId),
          periodsMissing: s.periodsMissing,
          lessonsMissing: s.lessonsMissing.map(lesson),
        })),
      },
      evaluations: { pessimistic: evaluation(p.programId, p.pessimistic), optimistic: evaluation(p.programId, p.optimistic) },
    };
  };
  const row = (r: RowOutcome): JsonRow => ({
    id: r.rowId,
    source: { ...r.source },
    name: r.name,
    code: r.code ?? null,
    key: r.key,
    match: r.match
      ? {
          ruleId: r.match.ruleId,
          by: r.match.by,
          label: both((l) => ruleLabel(ruleSet, r.match!.ruleId, l)),
          tiedWith: [...r.match.tiedWith],
        }
      : null,
    grade: { ...r.grade },
    periods: { ...r.periods },
    state: r.state,
    reasons:
      r.state === 'not-counted' && r.notCounted
        ? [{ code: r.notCounted, message: both((l) => notCountedMessage(l, r, ruleSet)) }]
        : r.uncertain.map((u) => ({ code: u, message: both((l) => uncertainMessage(l, u)) })),
    supersededBy: r.supersededBy ?? null,
    contributions: r.contributions.map((k) => ({
      programId: k.programId,
      periods: k.lessons.some((l) => l.periods === null) ? null : k.lessons.reduce((t, l) => t + (l.periods ?? 0), 0),
      lessons: k.lessons.map((l) => ({
        lessonId: l.lessonId,
        subjectId: l.subjectId,
        title: both((lang) => lessonTitle(ruleSet, l.lessonId, lang)),
        periods: l.periods,
      })),
    })),
  });

  const highest = result.highestPassed;
  const report: JsonReport = {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: { name: 'llct', version: meta.toolVersion },
    ruleSet: {
      id: result.ruleSet.id,
      version: result.ruleSet.version,
      name: ruleSet.name,
      dir: result.ruleSet.dir,
      effective: { ...ruleSet.effective },
    },
    asOf: result.asOf,
    files: [...meta.files],
    ...(meta.person ? { person: meta.person } : {}),
    highestPassed: highest ? { id: highest, name: programName(highest) } : null,
    programs: [...result.programs].sort((a, b) => a.rank - b.rank).map(program),
    rows: result.rows.map(row),
    notices: result.notices.map((n) => ({
      code: n.code,
      args: n.args,
      message: both((l) => noticeMessage(l, n, ruleSet)),
    })),
    decisions: result.decisions.map(({ decision: d, rowId, rowsChanged }) => ({
      target:
        d.target.kind === 'row'
          ? { kind: 'row' as const, file: d.target.row.file, sheet: d.target.row.sheet ?? null, line: d.target.row.line ?? null, path: d.target.row.path ?? null, courseName: d.target.row.name, rowId }
          : { kind: 'program' as const, programId: d.target.programId },
      action: d.action,
      value: d.value,
      reason: d.reason,
      decidedBy: d.decidedBy,
      date: d.date,
      reference: d.reference ?? null,
      origin: { file: d.origin.file, line: d.origin.line ?? null, path: d.origin.path ?? null },
      rowsChanged: [...rowsChanged],
    })),
  };
  return report;
}
