// Running totals of a batch (counts, statistics, unmatched names) and the pieces of the batch JSON document.

import type { Lang } from '../lang.js';
import type { Program, RuleSet, StatisticsLayout } from '../rules/types.js';
import { addToStatistics, emptyStatistics, statisticsJson, statisticsTable, type StatisticsCounts, type StatisticsTable } from './statistics.js';
import { addUnmatched, emptyUnmatched, unmatchedList, type UnmatchedCounts, type UnmatchedEntry } from './unmatched.js';
import { summaryJson } from './summary.js';
import type { ResultHead, SummaryRow } from './types.js';

/** Version of summary.json (and of `--format json` on stdout). */
/** 2: per level the computed verdict beside the final one, and each dossier's decisions count (§6.10). */
const BATCH_JSON_VERSION = 2;

export interface BatchCounts {
  dossiers: number;
  evaluated: number;
  notEvaluated: number;
  /** dossiers that passed at least one level */
  passed: number;
  /** per program id: dossiers whose highest level passed is that program */
  highestPassed: Record<string, number>;
  review: number;
  /** dossiers with a final verdict an officer's decision settled */
  decided: number;
}

export interface Tally {
  levels: Program[];
  counts: BatchCounts;
  statistics: StatisticsCounts;
  unmatched: UnmatchedCounts;
}

export function createTally(levels: Program[], layout: StatisticsLayout | undefined): Tally {
  // a loaded rule set always has a layout (its own or the shipped one)
  if (!layout) throw new Error('the rule set has no statistics layout');
  return {
    levels,
    counts: {
      dossiers: 0,
      evaluated: 0,
      notEvaluated: 0,
      passed: 0,
      highestPassed: Object.fromEntries(levels.map((l) => [l.id, 0])),
      review: 0,
      decided: 0,
    },
    statistics: emptyStatistics(levels, layout),
    unmatched: emptyUnmatched(),
  };
}

/** Add one outcome; call in batch order (the unmatched examples are the first spelling met). */
export function addOutcome(t: Tally, o: ResultHead): void {
  const c = t.counts;
  c.dossiers++;
  if (o.stats.evaluated) c.evaluated++;
  else c.notEvaluated++;
  const hp = o.stats.highestPassed;
  if (hp !== null) {
    c.passed++;
    c.highestPassed[hp] = (c.highestPassed[hp] ?? 0) + 1;
  }
  if (o.stats.review) c.review++;
  if (o.stats.decided) c.decided++;
  addToStatistics(t.statistics, o.stats);
  addUnmatched(t.unmatched, o.unmatched);
}

export interface TallyResult {
  counts: BatchCounts;
  statistics: StatisticsTable;
  unmatched: UnmatchedEntry[];
}

export function finishTally(t: Tally, ruleSet: RuleSet, lang: Lang): TallyResult {
  return { counts: t.counts, statistics: statisticsTable(t.statistics), unmatched: unmatchedList(t.unmatched, ruleSet, lang) };
}

/** The batch JSON document is streamed: this head, one line per dossier (comma-separated), then the tail. */
export function batchJsonHead(ruleSet: RuleSet, levels: readonly Program[]): string {
  const head = {
    schemaVersion: BATCH_JSON_VERSION,
    kind: 'llct-batch',
    ruleSet: { id: ruleSet.id, version: ruleSet.version },
    levels: levels.map((l) => ({ id: l.id, rank: l.rank, name: l.name })),
  };
  // drop the closing brace so the dossier array can follow
  return `${JSON.stringify(head).slice(0, -1)},\n"dossiers": [\n`;
}

export function batchJsonRow(summary: SummaryRow, first: boolean): string {
  return `${first ? '' : ',\n'}${JSON.stringify(summaryJson(summary))}`;
}

export function batchJsonTail(r: TallyResult, anyRows: boolean): string {
  const rest = JSON.stringify({ totals: r.counts, statistics: statisticsJson(r.statistics), unmatched: r.unmatched });
  return `${anyRows ? '\n' : ''}],\n${rest.slice(1)}\n`;
}
