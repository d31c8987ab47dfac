// Summary rows: one per dossier, built from a check result (or a failure), and their CSV / text forms.

import { requiredPassed } from '../coverage/required.js';
import type { CheckResult, NoticeCode, ProgramResult } from '../coverage/types.js';
import { num } from '../report/format.js';
import { messages, verdictWord } from '../report/messages.js';
import type { Lang } from '../lang.js';
import type { Program, RuleSet } from '../rules/types.js';
import type { Transcript } from '../transcript/types.js';
import { inDossier, type Dossier } from './discover.js';
import { warningText, type DossierWarning, type FileWarning } from '../findings/dossier.js';
import { batchMessages } from './messages.js';
import type { Metadata } from './metadata.js';
import type { DossierError, LevelSummary, StatsEntry, SummaryRow, UnmatchedName } from './types.js';

/** Notices every report carries (they are about the rule set, not the person): left out of the summary. */
const ROUTINE_NOTICES: ReadonlySet<NoticeCode> = new Set<NoticeCode>(['unverified-rules', 'periods-from-credits']);

/** The programs a batch reports on, lowest level first (the summary's level columns). */
export function batchLevels(ruleSet: RuleSet, programIds?: readonly string[]): Program[] {
  return ruleSet.programs
    .filter((p) => !programIds || programIds.length === 0 || programIds.includes(p.id))
    .sort((a, b) => a.rank - b.rank);
}

function shortfallText(p: ProgramResult, lang: Lang): string {
  if (p.verdict === 'PASS') return '';
  const m = messages(lang);
  const s = p.shortfall;
  const parts: string[] = [];
  if (p.policy === 'course') {
    if (s.periodsMissing > 0 || s.lessonsMissing > 0) {
      parts.push(m.courseShort({ periods: num(lang, s.periodsMissing), lessons: s.lessonsMissing }));
    }
  } else if (s.subjects.length > 0) {
    parts.push(m.perSubjectShort({ subjects: s.subjects.length, periods: num(lang, s.periodsMissing) }));
  }
  if (p.verdict === 'REVIEW' && p.decidingRows.length > 0) parts.push(batchMessages(lang).reviewRows(p.decidingRows));
  return parts.join(' ');
}

export function levelSummary(p: ProgramResult, lang: Lang): LevelSummary {
  const course = p.policy === 'course';
  const subjects = course ? null : requiredPassed(p.pessimistic);
  return {
    programId: p.programId,
    verdict: p.verdict,
    verdictComputed: p.computedVerdict,
    periods: p.pessimistic.periodsCounted,
    periodsOptimistic: p.optimistic.periodsCounted,
    periodsRequired: course ? (p.minPeriods ?? p.totalPeriods) : p.totalPeriods,
    lessons: p.pessimistic.lessonsCovered,
    lessonsRequired: course ? (p.minLessons ?? p.totalLessons) : p.totalLessons,
    lessonsTotal: p.totalLessons,
    subjectsPassed: subjects ? subjects.passed : null,
    subjectsRequired: subjects ? subjects.required : null,
    shortfall: shortfallText(p, lang),
    decidingRows: p.decidingRows.slice(),
  };
}

/** True when a level above the highest passed is REVIEW: the dossier may still be confirmed higher. */
export function reviewAbove(result: CheckResult): boolean {
  let passedRank = -Infinity;
  for (const p of result.programs) {
    if (p.programId === result.highestPassed) {
      passedRank = p.rank;
      break;
    }
  }
  for (const p of result.programs) if (p.verdict === 'REVIEW' && p.rank > passedRank) return true;
  return false;
}

export interface DossierFacts {
  dossier: Dossier;
  /** the transcript files read (relative to the batch folder): the dossier's, less `.txt` files left out */
  files: string[];
  /** `.txt` files of the dossier that are not transcripts and were left out */
  ignoredTxt: string[];
  metadata: Metadata | null;
  /** the merged transcript, when the files could be read */
  transcript: Transcript | null;
  result: CheckResult | null;
  error: DossierError | null;
  asOf: string | null;
}

/** The dossier's file warnings, each naming its files not read (relative to the dossier folder). */
export function fileWarnings(f: Pick<DossierFacts, 'dossier' | 'ignoredTxt'>): FileWarning[] {
  const out: FileWarning[] = [];
  addFileWarning(out, f.dossier, 'nested-transcripts', f.dossier.nested);
  addFileWarning(out, f.dossier, 'ignored-txt', f.ignoredTxt);
  addFileWarning(out, f.dossier, 'ignored-files', f.dossier.ignored);
  return out;
}

function addFileWarning(out: FileWarning[], d: Dossier, code: FileWarning['code'], paths: readonly string[]): void {
  if (paths.length === 0) return;
  const files: string[] = [];
  for (const p of paths) files.push(inDossier(d, p));
  out.push({ code, args: { files } });
}

function hasCode(warnings: readonly DossierWarning[], code: string): boolean {
  for (const w of warnings) if (w.code === code) return true;
  return false;
}

const byRank = (a: ProgramResult, b: ProgramResult): number => a.rank - b.rank;

/** The summary row of one dossier. */
export function buildSummaryRow(f: DossierFacts, lang: Lang): SummaryRow {
  const warnings: DossierWarning[] = [];
  if (f.result) {
    for (const n of f.result.notices) {
      if (!ROUTINE_NOTICES.has(n.code) && !hasCode(warnings, n.code)) warnings.push({ code: n.code, args: {} });
    }
  }
  // a file that is not a transcript gets its error, not advice about metadata
  if (f.dossier.metadata === null && f.dossier.kind !== 'unsupported') warnings.push({ code: 'no-metadata', args: {} });
  for (const w of fileWarnings(f)) warnings.push(w);
  const levels: LevelSummary[] = [];
  if (f.result) for (const p of f.result.programs.slice().sort(byRank)) levels.push(levelSummary(p, lang));
  let unmatchedRows = 0;
  if (f.result) for (const r of f.result.rows) if (r.match === null) unmatchedRows++;
  return {
    no: f.dossier.index + 1,
    dossier: f.dossier.name,
    id: f.metadata?.id ?? stringOrNull(f.transcript?.person?.id),
    name: f.metadata?.fullName ?? stringOrNull(f.transcript?.person?.name),
    files: f.files.slice(),
    asOf: f.asOf,
    highestPassed: f.result?.highestPassed ?? null,
    levels,
    rows: f.transcript?.rows.length ?? 0,
    unmatchedRows,
    decisions: f.result && !f.error ? f.result.decisions.length : 0,
    warnings,
    error: f.error ? { code: f.error.code, message: f.error.message[lang] } : null,
  };
}

/** A summary row as summary.json (and `--format json`) writes it: each warning as its text. */
export function summaryJson(row: SummaryRow): Omit<SummaryRow, 'warnings'> & { warnings: string[] } {
  return { ...row, warnings: row.warnings.map(warningText) };
}

function stringOrNull(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

/** What the statistics table takes from one dossier. */
export function statsEntry(f: DossierFacts): StatsEntry {
  return {
    metadata: f.metadata,
    evaluated: f.result !== null && f.error === null,
    highestPassed: f.error ? null : (f.result?.highestPassed ?? null),
    review: f.result && !f.error ? reviewAbove(f.result) : false,
    decided: f.result && !f.error ? anyDecided(f.result.programs) : false,
  };
}

function anyDecided(programs: readonly ProgramResult[]): boolean {
  for (const p of programs) if (p.verdict !== p.computedVerdict) return true;
  return false;
}

/** The distinct unmatched course names of one dossier, in row order. */
export function unmatchedNames(result: CheckResult | null): UnmatchedName[] {
  if (!result) return [];
  const seen = new Set<string>();
  const out: UnmatchedName[] = [];
  for (const r of result.rows) {
    if (r.match !== null || r.key === '' || seen.has(r.key)) continue;
    seen.add(r.key);
    out.push({ key: r.key, name: r.name });
  }
  return out;
}

// ── CSV form ──────────────────────────────────────────────────────────────────────────────────────────────

/** Column id prefix of a level: its program id with '-' → '_' (e.g. `so_cap_verdict`). */
export function levelPrefix(programId: string): string {
  return programId.replace(/[^A-Za-z0-9]+/g, '_');
}

const LEVEL_FIELDS = [
  'verdict',
  'verdict_computed',
  'periods',
  'periods_optimistic',
  'periods_required',
  'lessons',
  'lessons_required',
  'lessons_total',
  'subjects_passed',
  'subjects_required',
  'shortfall',
] as const;

/** Stable column ids of summary.csv for the given levels. */
export function summaryColumns(levels: readonly Pick<Program, 'id'>[]): string[] {
  return [
    'no',
    'dossier',
    'id',
    'name',
    'files',
    'as_of',
    'highest_passed',
    ...levels.flatMap((l) => LEVEL_FIELDS.map((f) => `${levelPrefix(l.id)}_${f}`)),
    'rows',
    'unmatched_rows',
    'decisions',
    'warnings',
    'error_code',
    'error',
  ];
}

export type Cell = string | number | null;

/**
 * One level's summary cells in column order (`summaryColumns`); empty when the level was not evaluated. The words
 * for the verdicts and the empty shortfall are the caller's: ids for CSV/JSON, words for a person's workbook.
 */
export function levelCells(l: LevelSummary | undefined, verdict: (v: LevelSummary['verdict']) => string = (v) => v, emptyShortfall: string | null = ''): Cell[] {
  if (!l) return Array<null>(11).fill(null);
  return [verdict(l.verdict), verdict(l.verdictComputed), l.periods, l.periodsOptimistic, l.periodsRequired, l.lessons, l.lessonsRequired, l.lessonsTotal, l.subjectsPassed, l.subjectsRequired, l.shortfall || emptyShortfall];
}

/** One summary row as CSV cells (numbers stay numbers; lists joined with "; "). */
export function summaryRecord(row: SummaryRow, levels: readonly Pick<Program, 'id'>[]): Cell[] {
  const cells: Cell[] = [row.no, row.dossier, row.id, row.name, row.files.join('; '), row.asOf, row.highestPassed];
  for (const level of levels) for (const c of levelCells(levelOf(row, level.id))) cells.push(c);
  cells.push(row.rows, row.unmatchedRows, row.decisions, warningsText(row.warnings), row.error?.code ?? null, row.error?.message ?? null);
  return cells;
}

/** A row's summary of one level, if evaluated. */
export function levelOf(row: SummaryRow, programId: string): LevelSummary | undefined {
  for (const l of row.levels) if (l.programId === programId) return l;
  return undefined;
}

/** A row's warnings as text, joined with "; ". */
export function warningsText(warnings: readonly DossierWarning[]): string {
  let out = '';
  for (let i = 0; i < warnings.length; i++) out += (i > 0 ? '; ' : '') + warningText(warnings[i]!);
  return out;
}

// ── text form ─────────────────────────────────────────────────────────────────────────────────────────────

/** One summary row as one line for a terminal: verdict per level, or the error. */
export function summaryLine(row: SummaryRow, levels: readonly Program[], lang: Lang): string {
  const b = batchMessages(lang);
  const who = [row.name, row.id].filter((x): x is string => x !== null).join(', ');
  const head = `${String(row.no).padStart(3)}. ${row.dossier}${who ? ` (${who})` : ''}`;
  const files = row.warnings.filter((w) => 'files' in w.args).map(warningText);
  // a no-transcript reason already names the files the folder holds
  const tail = files.length > 0 && row.error?.code !== 'no-transcript' ? ` | ${b.warnings}: ${files.join('; ')}` : '';
  if (row.error) return `${head}: ${b.error} [${row.error.code}] ${row.error.message}${tail}`;
  const highest = levels.find((l) => l.id === row.highestPassed);
  const parts = row.levels.map((l) => {
    const name = levels.find((p) => p.id === l.programId)?.name[lang] ?? l.programId;
    const figures =
      l.subjectsPassed === null
        ? b.courseFigures({ periods: num(lang, l.periods), minPeriods: num(lang, l.periodsRequired), lessons: l.lessons, total: l.lessonsTotal, minLessons: l.lessonsRequired })
        : b.subjectFigures({ passed: l.subjectsPassed, required: l.subjectsRequired ?? 0, periods: num(lang, l.periods), total: num(lang, l.periodsRequired) });
    const decided = l.verdictComputed !== l.verdict ? ` (${b.computed}: ${verdictWord(lang, l.verdictComputed)})` : '';
    return `${name} ${verdictWord(lang, l.verdict)}${decided} ${figures}`;
  });
  return `${head}: ${b.highest}: ${highest ? highest.name[lang] : b.none} | ${parts.join(' | ')}${tail}`;
}
