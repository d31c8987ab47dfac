// The officer's decisions (§6.10), applied as two pure stages: row decisions between matching and attempt
// grouping, program decisions after the verdict. A decision that cannot apply is refused (DecisionRefused).

import type { Decision, DecisionOrigin, Refusal } from '../../decisions/types.js';
import { DecisionRefused } from '../../decisions/types.js';
import { matcherFor } from '../../match/match.js';
import type { RuleSet } from '../../rules/types.js';
import { reading as gradeReading } from '../grade.js';
import { attemptKey } from '../modules.js';
import type { ProgramResult, Verdict } from '../types.js';
import type { MatchedRow, MatchedRows } from './match-rows.js';
import { highestPassed, type Verdicts } from './verdict.js';

type RowDecision = Extract<Decision, { action: 'count' | 'exclude' | 'set-periods' | 'set-grade' | 'map' }>;
type ProgramDecision = Extract<Decision, { action: 'confirm' | 'overturn' }>;

const refuse = (origin: DecisionOrigin, code: Refusal['code'], args: Record<string, unknown> = {}): never => {
  throw new DecisionRefused({ code, args, origin });
};

/** The course name as compared: NFC, spaces collapsed, a spreadsheet's formula guard (`'=…`) dropped. */
function comparableName(name: string): string {
  const s = name.normalize('NFC').replace(/\s+/gu, ' ').trim();
  return /^'[=+\-@\t\r]/u.test(s) ? s.slice(1) : s;
}

const slashes = (p: string) => p.replace(/\\/gu, '/');

/** A decision's file names the row's file when it is the same path or a trailing part of it (`bang-diem.csv`). */
function sameFile(decisionFile: string, rowFile: string): boolean {
  const d = slashes(decisionFile).replace(/^\.\//u, '');
  const r = slashes(rowFile);
  return d === r || r.endsWith(`/${d}`);
}

export interface DecidedRows extends MatchedRows {
  /** per row decision (by its index in the decisions list): the row it addresses */
  readonly targets: ReadonlyMap<number, number>;
}

/**
 * Slot between matching and attempt grouping/allocation: decisions about single rows (this row is that rule,
 * this grade passes, leave this row out) replace the matched rows they name, as new values, before anything
 * is counted. Every later stage sees the decided rows only.
 */
export function applyRowDecisions(matched: MatchedRows, decisions: readonly Decision[] = [], ruleSet?: RuleSet): DecidedRows {
  const targets = new Map<number, number>();
  const rowDecisions = decisions.flatMap((d, i) => (d.target.kind === 'row' ? [{ d: d as RowDecision, i }] : []));
  if (rowDecisions.length === 0) return { ...matched, targets };
  const rulesById = new Map((ruleSet?.rules ?? []).map((r) => [r.id, r]));
  const matcher = ruleSet ? matcherFor(ruleSet) : null;
  const byRow = new Map<number, { d: RowDecision; i: number }[]>();

  for (const { d, i } of rowDecisions) {
    const index = findRow(matched.rows, d);
    const m = matched.rows[index]!;
    if (d.action === 'map' && !rulesById.has(d.value)) refuse(d.origin, 'unknown-rule', { ruleId: d.value });
    if (d.action === 'count' && m.rule === null) refuse(d.origin, 'count-unmatched', { name: m.row.name });
    const earlier = byRow.get(index) ?? [];
    for (const e of earlier) if (contradicts(e.d, d)) refuse(d.origin, 'contradicts', { other: e.d.origin });
    byRow.set(index, [...earlier, { d, i }]);
    targets.set(i, m.row.id);
  }

  const rows = matched.rows.map((m, index) => {
    const list = byRow.get(index);
    if (!list) return m;
    // a map first, so a count or a grade decided for the same row applies to the row under its new rule
    const ordered = [...list].sort((a, b) => Number(b.d.action === 'map') - Number(a.d.action === 'map'));
    return ordered.reduce((row, { d }) => decideRow(row, d, rulesById, matcher), m);
  });
  return { ...matched, rows, targets };
}

function findRow(rows: readonly MatchedRow[], d: RowDecision): number {
  const ref = d.target.kind === 'row' ? d.target.row : null;
  if (!ref) return refuse(d.origin, 'row-not-found', {});
  const inFile = rows.map((m, i) => ({ m, i })).filter(({ m }) => sameFile(ref.file, m.row.source.file));
  const files = [...new Set(inFile.map(({ m }) => m.row.source.file))];
  if (files.length > 1) refuse(d.origin, 'row-ambiguous', { file: ref.file, files });
  const sameSheet = (m: MatchedRow) => ref.sheet === undefined || m.row.source.sheet === ref.sheet;
  const hit = inFile.find(({ m }) => sameSheet(m) && (ref.line !== undefined ? m.row.source.line === ref.line : m.row.source.path === ref.path));
  if (!hit) return refuse(d.origin, 'row-not-found', { file: ref.file, ...(ref.sheet !== undefined ? { sheet: ref.sheet } : {}), ...(ref.line !== undefined ? { line: ref.line } : {}), ...(ref.path !== undefined ? { path: ref.path } : {}) });
  if (comparableName(ref.name) !== comparableName(hit.m.row.name)) {
    refuse(d.origin, 'row-name-changed', { expected: ref.name, actual: hit.m.row.name, file: hit.m.row.source.file, line: hit.m.row.source.line ?? null });
  }
  return hit.i;
}

/** Two decisions about one row that cannot both hold (the same decision twice is not a contradiction). */
function contradicts(a: RowDecision, b: RowDecision): boolean {
  if (a.action === b.action) return a.value !== b.value;
  if (a.action === 'exclude' || b.action === 'exclude') return true;
  const failed = (x: RowDecision) => x.action === 'set-grade' && x.value === 'fail';
  return (a.action === 'count' && failed(b)) || (b.action === 'count' && failed(a));
}

function decideRow(m: MatchedRow, d: RowDecision, rulesById: ReadonlyMap<string, MatchedRow['rule'] & object>, matcher: ReturnType<typeof matcherFor> | null): MatchedRow {
  switch (d.action) {
    case 'exclude':
      return { ...m, excluded: true };
    case 'set-periods':
      return { ...m, periods: { value: d.value, origin: 'decided', credits: undefined, unit: undefined, perUnit: undefined } };
    case 'set-grade':
      return { ...m, reading: gradeReading(m.reading.text, m.reading.scale, m.reading.value, d.value, undefined, undefined) };
    case 'count': {
      // counting accepts the grade (an exemption stays an exemption) and a near match's leftover words
      const status = m.reading.status === 'exempt' ? 'exempt' : 'pass';
      const match = m.match ? { ruleId: m.match.ruleId, by: m.match.by, tiedWith: m.match.tiedWith, leftover: undefined } : null;
      return { ...m, match, reading: gradeReading(m.reading.text, m.reading.scale, m.reading.value, status, undefined, undefined) };
    }
    case 'map': {
      const rule = rulesById.get(d.value)!;
      const code = m.row.code && matcher ? matcher.codeKey(m.row.code) : null;
      return { ...m, rule, match: { ruleId: rule.id, by: 'decision', tiedWith: [], leftover: undefined }, module: attemptKey(rule.id, m.key, code) };
    }
  }
}

/**
 * Slot after the verdict: decisions about a whole program (confirm, overturn) set the final verdict; the
 * computed verdict (before any decision) stays beside it, so a report can show both.
 */
export function applyProgramDecisions(verdicts: Verdicts, decisions: readonly Decision[] = [], computed?: ReadonlyMap<string, Verdict>, ruleSet?: RuleSet): Verdicts & { readonly decidedPrograms: ReadonlyMap<number, string> } {
  const decidedPrograms = new Map<number, string>();
  const byProgram = new Map<string, { d: ProgramDecision; i: number }>();
  decisions.forEach((d, i) => {
    if (d.target.kind !== 'program') return;
    const pd = d as ProgramDecision;
    const programId = d.target.programId;
    if (ruleSet && !ruleSet.programs.some((p) => p.id === programId)) refuse(d.origin, 'unknown-program', { programId });
    const earlier = byProgram.get(programId);
    if (earlier && (earlier.d.action !== pd.action || earlier.d.value !== pd.value)) refuse(d.origin, 'contradicts', { other: earlier.d.origin });
    if (!earlier) byProgram.set(programId, { d: pd, i });
  });
  const programs: ProgramResult[] = [];
  for (const p of verdicts.programs) programs.push(programDecided(p));
  function programDecided(p: ProgramResult): ProgramResult {
    const computedVerdict = computed?.get(p.programId) ?? p.verdict;
    // as computed (no decision about it): the result itself rather than an equal copy
    const withComputed = computedVerdict === p.computedVerdict ? p : { ...p, computedVerdict };
    const decided = byProgram.get(p.programId);
    if (!decided) return withComputed;
    decisions.forEach((d, i) => {
      if (d.target.kind === 'program' && d.target.programId === p.programId) decidedPrograms.set(i, p.programId);
    });
    const { d } = decided;
    if (d.action === 'confirm') {
      if (p.verdict === 'REVIEW') refuse(d.origin, 'confirm-review', { programId: p.programId });
      if (d.value !== null && d.value !== p.verdict) refuse(d.origin, 'confirm-stale', { programId: p.programId, value: d.value, verdict: p.verdict });
      return withComputed;
    }
    return { ...withComputed, verdict: d.value };
  }
  if (decisions.every((d) => d.target.kind !== 'program') && !computed) return { ...verdicts, decidedPrograms };
  return { programs, highestPassed: highestPassed(programs), notices: verdicts.notices, decidedPrograms };
}
