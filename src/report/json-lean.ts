// The lean machine-readable report of one check (schemaVersion 3): ids and codes that refer to the rule set and to
// the message tables, never the words themselves, and nothing the rule set already says (names, titles, totals,
// minimums). Small enough to keep one per dossier for tens of thousands of dossiers; the full form (json.ts,
// schemaVersion 2) spells everything out.

import type { CheckResult, Evaluation, ProgramResult, RowOutcome, Verdict } from '../coverage/types.js';
import type { Person } from '../transcript/types.js';

/** 3: the lean form — ids instead of texts; the full form stays schemaVersion 2. */
export const LEAN_SCHEMA_VERSION = 3;

export interface LeanMeta {
  files: string[];
  toolVersion: string;
  person?: Person;
}

/** One evaluation of a program: what the rows give it. */
export interface LeanEvaluation {
  pass: boolean;
  periods: number;
  /** number of lessons covered */
  lessons: number;
  /** course policy: the lesson ids not covered (per-subject policy: the subjects' periods say it) */
  lessonsMissing?: string[];
  /**
   * periods counted per subject id, for the subjects that got any (per-subject policy: capped at the subject's
   * periods; a subject passes at its `minRatio` × periods in the rule set)
   */
  subjects: Record<string, number>;
  /** the rows counted in it */
  rows: number[];
}

export interface LeanProgram {
  id: string;
  verdict: Verdict;
  computedVerdict: Verdict;
  pessimistic: LeanEvaluation;
  /** absent when the optimistic evaluation equals the pessimistic one (no uncertain row mattered) */
  optimistic?: LeanEvaluation;
  /** what is surely missing: periods and (course policy) lessons below the minimums */
  shortfall: { periods: number; lessons: number };
  decidingRows?: number[];
  /** the verdict rests on rule data marked unverified (the notice `unverified-rules` says which) */
  unverified?: true;
  /** indexes into `decisions` of the program decisions applied to it */
  decisions?: number[];
}

/** One transcript row. Absent keys mean: none (no rule, no reasons, no contributions…). */
export interface LeanRow {
  id: number;
  /** index into `files` (absent: 0) */
  file?: number;
  sheet?: string;
  line?: number;
  path?: string;
  state: RowOutcome['state'];
  /** `not-counted`: one not-counted code; `uncertain`: the uncertain codes */
  reasons?: string[];
  rule?: string;
  by?: 'code' | 'keywords' | 'decision';
  tiedWith?: string[];
  grade?: number | string | null;
  gradeStatus?: RowOutcome['grade']['status'];
  periods?: number | null;
  origin?: RowOutcome['periods']['origin'];
  supersededBy?: number;
  /**
   * Which programs a row feeds is the rule's targets in the rule set (the programs checked, when the row counts);
   * only where some program gets other than the row's `periods`: the periods per program (null: unknown)
   */
  periodsPerProgram?: Record<string, number | null>;
}

export interface LeanDecision {
  rowId?: number;
  programId?: string;
  action: string;
  value: string | number | null;
  reason: string;
  decidedBy: string;
  date: string;
  reference?: string;
  /** the decisions file and line (or JSON path) it was written at */
  origin: string;
  rowsChanged?: number[];
}

export interface LeanReport {
  schemaVersion: typeof LEAN_SCHEMA_VERSION;
  tool: string;
  ruleSet: { id: string; version: string };
  asOf: string;
  files: string[];
  person?: Person;
  highestPassed: string | null;
  programs: LeanProgram[];
  /** the rows a rule matched (or an officer's decision addresses), in transcript order */
  rows: LeanRow[];
  /** ids of the rows no rule matched (not counted): their names are in the transcript and in unmatched.csv */
  unmatched: number[];
  notices: { code: string; args: Record<string, unknown> }[];
  decisions?: LeanDecision[];
}

const round = (n: number): number => Math.round(n * 100) / 100;

// Programs and evaluations are built as one literal with every key, in key order (undefined where absent:
// JSON.stringify leaves those out): one shape each, so the code reading them stays monomorphic. Rows by assignment
// in key order. Never by spreading optional parts: V8 (Node 20) copies a spread followed by more keys through a
// slow path, and these objects are built for every row of every dossier.

function evaluation(e: Evaluation, policy: ProgramResult['policy']): LeanEvaluation {
  const subjects: Record<string, number> = {};
  const missing: string[] = [];
  for (const s of e.subjects) {
    if (s.periodsCounted > 0) subjects[s.subjectId] = round(s.periodsCounted);
    if (policy === 'course') for (const l of s.lessonsMissing) missing.push(l);
  }
  const rows: number[] = [];
  for (const r of e.rows) rows.push(r);
  return {
    pass: e.pass,
    periods: round(e.periodsCounted),
    lessons: e.lessonsCovered,
    lessonsMissing: missing.length > 0 ? missing : undefined,
    subjects,
    rows,
  };
}

function sameList<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): boolean {
  const n = a === undefined ? 0 : a.length;
  if (n !== (b === undefined ? 0 : b.length)) return false;
  for (let i = 0; i < n; i++) if (a![i] !== b![i]) return false;
  return true;
}

function sameEvaluation(a: LeanEvaluation, b: LeanEvaluation): boolean {
  if (a.pass !== b.pass || a.periods !== b.periods || a.lessons !== b.lessons) return false;
  if (!sameList(a.lessonsMissing, b.lessonsMissing) || !sameList(a.rows, b.rows)) return false;
  const ka = Object.keys(a.subjects);
  if (!sameList(ka, Object.keys(b.subjects))) return false;
  for (const k of ka) if (a.subjects[k] !== b.subjects[k]) return false;
  return true;
}

function program(p: ProgramResult, decisions: number[]): LeanProgram {
  const pessimistic = evaluation(p.pessimistic, p.policy);
  const optimistic = evaluation(p.optimistic, p.policy);
  return {
    id: p.programId,
    verdict: p.verdict,
    computedVerdict: p.computedVerdict,
    pessimistic,
    optimistic: sameEvaluation(pessimistic, optimistic) ? undefined : optimistic,
    shortfall: { periods: round(p.shortfall.periodsMissing), lessons: p.shortfall.lessonsMissing },
    decidingRows: p.decidingRows.length > 0 ? p.decidingRows.slice() : undefined,
    unverified: p.usesUnverifiedData ? true : undefined,
    decisions: decisions.length > 0 ? decisions : undefined,
  };
}

function row(r: RowOutcome, files: readonly string[]): LeanRow {
  // by assignment, absent keys left out: nothing but JSON.stringify reads a row, and it writes an object without
  // undefined values faster than one with them
  const out = { id: r.rowId } as LeanRow;
  // where the row is: its file (an index into `files`), sheet, line or JSON path
  const s = r.source;
  const at = files.indexOf(s.file);
  if (at > 0) out.file = at;
  if (s.sheet !== undefined) out.sheet = s.sheet;
  if (s.line !== undefined) out.line = s.line;
  if (s.path !== undefined) out.path = s.path;
  out.state = r.state;
  if (r.state === 'not-counted' && r.notCounted) out.reasons = [r.notCounted];
  else if (r.uncertain.length > 0) {
    // copied by push: the list is empty or not, made here or there, and slice would see each kind of array
    const reasons: string[] = [];
    for (const u of r.uncertain) reasons.push(u);
    out.reasons = reasons;
  }
  const m = r.match;
  if (!m) return out;
  out.rule = m.ruleId;
  if (m.by !== 'name') out.by = m.by;
  if (m.tiedWith.length > 0) out.tiedWith = m.tiedWith.slice();
  out.grade = r.grade.value ?? r.grade.text;
  if (r.grade.status !== 'pass') out.gradeStatus = r.grade.status;
  out.periods = r.periods.value;
  out.origin = r.periods.origin;
  if (r.supersededBy !== undefined) out.supersededBy = r.supersededBy;
  if (r.contributions.length > 0) {
    const periods = periodsPerProgram(r);
    if (periods) out.periodsPerProgram = periods;
  }
  return out;
}

/** The periods per program of a row, only where some program gets other than the row's periods. */
function periodsPerProgram(r: RowOutcome): Record<string, number | null> | undefined {
  const periods: Record<string, number | null> = {};
  const own = r.periods.value === null ? null : round(r.periods.value);
  let differs = false;
  for (const k of r.contributions) {
    let unknown = false;
    let sum = 0;
    for (const l of k.lessons) {
      if (l.periods === null) unknown = true;
      else sum += l.periods;
    }
    const p = unknown ? null : round(sum);
    periods[k.programId] = p;
    if (p !== own) differs = true;
  }
  return differs ? periods : undefined;
}

const isUnmatched = (r: RowOutcome): boolean => r.match === null && r.state === 'not-counted' && r.notCounted === 'unmatched';

const byRank = (a: ProgramResult, b: ProgramResult): number => a.rank - b.rank;

/** The lean report of one check: a plain object (printed elsewhere), the same for the same result. */
export function buildLeanReport(result: CheckResult, meta: LeanMeta): LeanReport {
  const files = meta.files;
  const decisions = result.decisions.length > 0 ? leanDecisions(result) : undefined;
  const programs: LeanProgram[] = [];
  for (const p of result.programs.slice().sort(byRank)) programs.push(program(p, programDecisions(result, p.programId)));
  const rows: LeanRow[] = [];
  const unmatched: number[] = [];
  for (const r of result.rows) {
    if (isUnmatched(r)) unmatched.push(r.rowId);
    else rows.push(row(r, files));
  }
  const notices: LeanReport['notices'] = [];
  for (const n of result.notices) notices.push({ code: n.code, args: n.args });
  return {
    schemaVersion: LEAN_SCHEMA_VERSION,
    tool: meta.toolVersion,
    ruleSet: { id: result.ruleSet.id, version: result.ruleSet.version },
    asOf: result.asOf,
    files: files.slice(),
    person: meta.person ? meta.person : undefined,
    highestPassed: result.highestPassed,
    programs,
    rows,
    unmatched,
    notices,
    decisions,
  };
}

/** The indexes of the decisions about a program. */
function programDecisions(result: CheckResult, id: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < result.decisions.length; i++) if (result.decisions[i]!.programId === id) out.push(i);
  return out;
}

function leanDecisions(result: CheckResult): LeanDecision[] {
  return result.decisions.map(({ decision: d, rowId, rowsChanged }): LeanDecision => {
    const o = d.origin;
    return {
      ...(d.target.kind === 'row' ? (rowId !== null ? { rowId } : {}) : { programId: d.target.programId }),
      action: d.action,
      value: d.value,
      reason: d.reason,
      decidedBy: d.decidedBy,
      date: d.date,
      ...(d.reference ? { reference: d.reference } : {}),
      origin: `${o.file}${o.line !== undefined ? `:${o.line}` : o.path !== undefined ? `:${o.path}` : ''}`,
      ...(rowsChanged.length > 0 ? { rowsChanged: [...rowsChanged] } : {}),
    };
  });
}
