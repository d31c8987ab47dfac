// `rules diff` as data: one dossier checked under two rule sets → what changed (verdicts, periods, lessons) and the
// rows and rules responsible. Pure: the CLI evaluates each dossier twice (the batch's own path) and hands both here.

import type { SummaryRow } from '../batch/types.js';
import type { CheckResult, RowOutcome, Verdict } from '../coverage/types.js';

/** One dossier as checked under one rule set: its summary row and, when it could be evaluated, its check result. */
export interface DiffSide {
  summary: SummaryRow;
  result: CheckResult | null;
}

export interface ProgramState {
  verdict: Verdict;
  periods: number;
  periodsOptimistic: number;
  lessons: number;
}

export interface ProgramChange {
  programId: string;
  /** null: the program is not in that rule set, or the dossier could not be evaluated */
  old: ProgramState | null;
  new: ProgramState | null;
}

export interface RowState {
  ruleId: string | null;
  state: RowOutcome['state'];
  /** "program:lesson=periods" per lesson fed, sorted */
  feeds: string[];
}

export interface RowChange {
  rowId: number;
  name: string;
  file: string;
  line: number | null;
  old: RowState;
  new: RowState;
}

export interface DossierDiff {
  dossier: string;
  /** the dossier's error code under each rule set (null: evaluated) */
  error: { old: string | null; new: string | null };
  programs: ProgramChange[];
  rows: RowChange[];
  /** the rules of the changed rows, old and new, in first-seen order */
  rules: string[];
  verdictChanged: boolean;
}

/** A verdict, or ERROR for a dossier that could not be evaluated, or — for a program absent from a rule set. */
export type Outcome = Verdict | 'ERROR' | '—';

export interface Transition {
  programId: string;
  from: Outcome;
  to: Outcome;
  dossiers: number;
}

export interface CorpusDiff {
  dossiers: number;
  changed: DossierDiff[];
  /** dossiers with at least one verdict change */
  verdictChanges: number;
  /** counts by change, e.g. so-cap PASS → REVIEW: 2 */
  transitions: Transition[];
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function programStates(side: DiffSide): Map<string, ProgramState> {
  return new Map(
    side.summary.levels.map((l) => [
      l.programId,
      { verdict: l.verdict, periods: round(l.periods), periodsOptimistic: round(l.periodsOptimistic), lessons: l.lessons },
    ]),
  );
}

function rowState(r: RowOutcome | undefined): RowState {
  if (!r) return { ruleId: null, state: 'not-counted', feeds: [] };
  return {
    ruleId: r.match?.ruleId ?? null,
    state: r.state,
    feeds: r.contributions
      .flatMap((c) => c.lessons.map((l) => `${c.programId}:${l.lessonId}=${l.periods === null ? '?' : round(l.periods)}`))
      .sort(),
  };
}

const sameRow = (a: RowState, b: RowState) => a.ruleId === b.ruleId && a.state === b.state && a.feeds.join('|') === b.feeds.join('|');

const sameProgram = (a: ProgramState | null, b: ProgramState | null) =>
  a === b ||
  (a !== null && b !== null && a.verdict === b.verdict && a.periods === b.periods && a.periodsOptimistic === b.periodsOptimistic && a.lessons === b.lessons);

/** What changed for one dossier between the old and the new rule set (null: nothing). */
function diffDossier(oldSide: DiffSide, newSide: DiffSide): DossierDiff | null {
  const error = { old: oldSide.summary.error?.code ?? null, new: newSide.summary.error?.code ?? null };
  const oldPrograms = programStates(oldSide);
  const newPrograms = programStates(newSide);
  const ids = [...new Set([...oldPrograms.keys(), ...newPrograms.keys()])];
  const programs: ProgramChange[] = ids
    .map((programId) => ({ programId, old: oldPrograms.get(programId) ?? null, new: newPrograms.get(programId) ?? null }))
    .filter((c) => !sameProgram(c.old, c.new));
  if (programs.length === 0 && error.old === error.new) return null;

  const oldRows = new Map((oldSide.result?.rows ?? []).map((r) => [r.rowId, r]));
  const newRows = new Map((newSide.result?.rows ?? []).map((r) => [r.rowId, r]));
  const rows: RowChange[] = [];
  for (const id of [...new Set([...oldRows.keys(), ...newRows.keys()])].sort((a, b) => a - b)) {
    const o = oldRows.get(id);
    const n = newRows.get(id);
    const before = rowState(o);
    const after = rowState(n);
    if (sameRow(before, after)) continue;
    const r = (n ?? o)!;
    rows.push({ rowId: id, name: r.name, file: r.source.file, line: r.source.line ?? null, old: before, new: after });
  }
  const rules: string[] = [];
  for (const r of rows) for (const id of [r.old.ruleId, r.new.ruleId]) if (id && !rules.includes(id)) rules.push(id);
  const outcome = (s: ProgramState | null, err: string | null): Outcome => (err ? 'ERROR' : (s?.verdict ?? '—'));
  const verdictChanged =
    error.old !== error.new || programs.some((p) => outcome(p.old, error.old) !== outcome(p.new, error.new));
  return { dossier: newSide.summary.dossier, error, programs, rows, rules, verdictChanged };
}

/** The diff of a whole corpus from its per-dossier diffs, in batch order. */
export function diffCorpus(pairs: readonly { old: DiffSide; new: DiffSide }[]): CorpusDiff {
  const changed: DossierDiff[] = [];
  const counts = new Map<string, Transition>();
  for (const pair of pairs) {
    const d = diffDossier(pair.old, pair.new);
    if (!d) continue;
    changed.push(d);
    // every program of the dossier whose verdict (or error) changed counts once under its transition
    const oldP = programStates(pair.old);
    const newP = programStates(pair.new);
    const ids = d.error.old !== d.error.new ? [...new Set([...oldP.keys(), ...newP.keys()])] : d.programs.map((p) => p.programId);
    for (const programId of ids) {
      const from: Outcome = d.error.old ? 'ERROR' : (oldP.get(programId)?.verdict ?? '—');
      const to: Outcome = d.error.new ? 'ERROR' : (newP.get(programId)?.verdict ?? '—');
      if (from === to) continue;
      const key = `${programId}\u0000${from}\u0000${to}`;
      const t = counts.get(key);
      if (t) t.dossiers += 1;
      else counts.set(key, { programId, from, to, dossiers: 1 });
    }
  }
  return {
    dossiers: pairs.length,
    changed,
    verdictChanges: changed.filter((d) => d.verdictChanged).length,
    transitions: [...counts.values()],
  };
}
