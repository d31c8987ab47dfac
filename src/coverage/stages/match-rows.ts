// Stage 1 of the core: each transcript row read once — its matching key, its rule, its grade and its periods.

import { matcherFor } from '../../match/match.js';
import type { MappingRule, RuleSet } from '../../rules/types.js';
import type { RawGrade, Transcript, TranscriptRow } from '../../transcript/types.js';
import { inferScale, readGrade, reading as gradeReading, type GradeReading } from '../grade.js';
import { periodsMismatch } from '../columns.js';
import { attemptKey } from '../modules.js';
import type { CheckOptions, Notice, RowOutcome, RuleMatchInfo } from '../types.js';

export interface PeriodsPerUnit {
  credit: number;
  dvht: number;
}

/** A row as matching saw it. Later stages read it and never change it. */
export interface MatchedRow {
  readonly row: TranscriptRow;
  /** the matching key the name normalised to */
  readonly key: string;
  readonly match: RuleMatchInfo | null;
  readonly rule: MappingRule | null;
  readonly reading: GradeReading;
  readonly periods: RowOutcome['periods'];
  /** attempt group (module) of a matched row; null when no rule matched */
  readonly module: string | null;
  /** an officer's decision leaves the row out (§6.10) */
  readonly excluded?: boolean;
}

export interface MatchedRows {
  readonly rows: readonly MatchedRow[];
  readonly perUnit: PeriodsPerUnit;
  readonly notices: Notice[];
}

export function matchRows(transcript: Transcript, ruleSet: RuleSet, options: CheckOptions): MatchedRows {
  const notices: Notice[] = [];
  const matcher = matcherFor(ruleSet);
  const rulesById = rulesByIdOf(ruleSet);
  const scales = scalesByFile(transcript.rows, options.scale);
  const inferredFiles: string[] = [];
  for (const [file, s] of scales) if (s.inferred) inferredFiles.push(file);
  if (inferredFiles.length > 0) notices.push({ code: 'four-point-scale-inferred', args: { files: inferredFiles } });
  if (transcript.rows.length === 0) notices.push({ code: 'no-rows', args: {} });

  const perUnit = {
    credit: options.periodsPerCredit ?? ruleSet.periodsPerUnit.credit,
    dvht: options.periodsPerCredit ?? ruleSet.periodsPerUnit.dvht,
  };

  const rows: MatchedRow[] = [];
  for (const row of transcript.rows) {
    const key = matcher.key(row.name);
    const match = matcher.matchKey(key, row.code);
    const rule = match ? (rulesById.get(match.ruleId) ?? null) : null;
    const reading = readRowGrade(row.grade, scales.get(row.source.file)!, ruleSet, options.passMark);
    if (match && match.tiedWith.length > 0) {
      notices.push({ code: 'rule-tie', args: { rowId: row.id, ruleId: match.ruleId, tiedWith: match.tiedWith } });
    }
    const module = rule ? attemptKey(rule.id, key, row.code ? matcher.codeKey(row.code) : null) : null;
    const periods = rowPeriods(row, perUnit);
    const mismatch = rule ? periodsMismatch(row, periods, perUnit) : null;
    if (mismatch) notices.push(mismatch);
    // excluded is always a key (a decision's copy sets it): one shape for every matched row
    rows.push({ row, key, match, rule, reading, periods, module, excluded: false });
  }
  return { rows, perUnit, notices };
}

const rulesByIdMemo = new WeakMap<RuleSet, ReadonlyMap<string, MappingRule>>();

/** The rules of a rule set by id (built once per rule set: rule sets are immutable values). */
export function rulesByIdOf(ruleSet: RuleSet): ReadonlyMap<string, MappingRule> {
  let byId = rulesByIdMemo.get(ruleSet);
  if (!byId) rulesByIdMemo.set(ruleSet, (byId = new Map(ruleSet.rules.map((r) => [r.id, r]))));
  return byId;
}

/** The numeric grade scale of each file: `--scale`, else inferred per file (a second degree may use another scale). */
function scalesByFile(rows: readonly TranscriptRow[], forced: '10' | '4' | undefined): Map<string, { scale: '10' | '4'; inferred: boolean }> {
  const grades = new Map<string, (RawGrade | undefined)[]>();
  for (const r of rows) {
    const list = grades.get(r.source.file);
    if (list) list.push(r.grade);
    else grades.set(r.source.file, [r.grade]);
  }
  const out = new Map<string, { scale: '10' | '4'; inferred: boolean }>();
  for (const [file, g] of grades) out.set(file, inferScale(g, forced));
  return out;
}

/**
 * A grade on its file's scale. When the 4-point scale was only inferred (all grades ≤ 4, no column says so),
 * a grade that passes on it but not on the 10-point scale is uncertain: a guess must not decide a PASS.
 */
function readRowGrade(raw: RawGrade | undefined, scale: { scale: '10' | '4'; inferred: boolean }, ruleSet: RuleSet, passMark?: number): GradeReading {
  const reading = readGrade(raw, ruleSet.grading, scale.scale, passMark);
  const stated = raw?.scale === '10' || raw?.scale === '4';
  if (!scale.inferred || reading.status !== 'pass' || stated) return reading;
  const onTen = readGrade(raw, ruleSet.grading, '10', passMark);
  return onTen.status === 'pass' ? reading : gradeReading(reading.text, reading.scale, reading.value, 'uncertain', 'grade-scale-inferred', reading.inBand);
}

/** Periods given, else credits × periods per unit, else unknown (never a silent zero: 0 counts as unknown). */
function rowPeriods(row: TranscriptRow, perUnit: PeriodsPerUnit): RowOutcome['periods'] {
  // "TC 5 | LT 4 | TH 1": lecture/practice columns that add up to no more than the credits split credits, not periods
  const creditSplit = row.periodsOrigin === 'parts' && row.credits !== undefined && row.periods !== undefined && row.periods <= row.credits;
  // every key set (undefined where it does not apply): one shape for all periods; JSON leaves undefined out
  if (row.periods !== undefined && row.periods > 0 && !creditSplit) {
    return { value: row.periods, origin: row.periodsOrigin ?? 'given', credits: undefined, unit: undefined, perUnit: undefined };
  }
  if (row.credits !== undefined && row.credits > 0) {
    const unit = row.creditUnit ?? 'credit';
    return { value: row.credits * perUnit[unit], origin: 'credits', credits: row.credits, unit, perUnit: perUnit[unit] };
  }
  if (row.credits === undefined) return { value: null, origin: 'unknown', credits: undefined, unit: undefined, perUnit: undefined };
  return { value: null, origin: 'unknown', credits: row.credits, unit: row.creditUnit ?? 'credit', perUnit: undefined };
}
