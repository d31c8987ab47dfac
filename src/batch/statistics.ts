// The statistics table of the seed's appendix ("Kết quả xác nhận trình độ LLCT"), counted from dossier results; its
// rows, labels and columns are rule data (rules/statistics.json), short level titles are each program's shortName.

import type { Localized, Program, StatisticsCondition, StatisticsCount, StatisticsLayout, StatisticsRowDef } from '../rules/types.js';
import { displayWidth, padEnd, padStart } from '../report/format.js';
import type { Lang } from '../lang.js';
import type { Metadata } from './metadata.js';
import { levelPrefix, type Cell } from './summary.js';
import type { StatsEntry } from './types.js';

/**
 * Whether a dossier counts in a row: every condition of the row's `when` holds. A field absent (or null) is "not
 * stated"; a dossier without metadata states nothing.
 */
function rowHas(row: StatisticsRowDef, m: Metadata | null): boolean {
  for (const [field, cond] of Object.entries(row.when) as [keyof StatisticsRowDef['when'], StatisticsCondition][]) {
    const value = m?.[field] ?? null;
    if (cond === 'stated' ? value === null : !cond.includes(value)) return false;
  }
  return true;
}

export interface StatisticsColumn {
  id: string;
  /** the official column title (statistics.csv, summary.json) */
  label: Localized;
  /** the program a level column counts, if any */
  programId?: string;
  /** what a counting column counts (level columns: the program) */
  counts?: StatisticsCount;
  /** the short title of the screen table (absent: the official title, wrapped); not part of summary.json */
  short?: Localized;
}

/** The short column title of the screen table (statistics.txt, index.html): a program's shortName, else its full name. */
export function shortTitle(c: StatisticsColumn): Localized {
  return c.short ?? c.label;
}

/**
 * The columns of the layout, the level columns expanded (one per program, highest passed only). Every column counts
 * final verdicts; `decided` counts those an officer's decision settled.
 */
function statisticsColumns(levels: readonly Program[], layout: StatisticsLayout): StatisticsColumn[] {
  return layout.columns.flatMap((c): StatisticsColumn[] =>
    c.counts === 'levels'
      ? levels.map((p) => ({ id: levelPrefix(p.id), label: p.name, programId: p.id, ...(p.shortName ? { short: p.shortName } : {}) }))
      : [{ id: c.id, label: c.label, counts: c.counts, ...(c.short ? { short: c.short } : {}) }],
  );
}

/** Running counts: add dossiers one at a time, so a batch never holds every result. */
export interface StatisticsCounts {
  columns: StatisticsColumn[];
  rows: readonly StatisticsRowDef[];
  /** per row id, one count per column */
  counts: Map<string, number[]>;
}

export function emptyStatistics(levels: readonly Program[], layout: StatisticsLayout): StatisticsCounts {
  const columns = statisticsColumns(levels, layout);
  return { columns, rows: layout.rows, counts: new Map(layout.rows.map((r) => [r.id, columns.map(() => 0)])) };
}

/** The columns one dossier adds 1 to (independent of its metadata). */
function columnsHit(columns: readonly StatisticsColumn[], e: StatsEntry): boolean[] {
  return columns.map((c) => {
    if (c.counts === 'dossiers') return true;
    if (!e.evaluated) return c.counts === 'not-evaluated';
    if (c.programId !== undefined) return e.highestPassed === c.programId;
    if (c.counts === 'confirmed') return e.highestPassed !== null;
    if (c.counts === 'review') return e.review;
    if (c.counts === 'decided') return e.decided === true;
    return false;
  });
}

export function addToStatistics(stats: StatisticsCounts, e: StatsEntry): void {
  const hit = columnsHit(stats.columns, e);
  for (const row of stats.rows) {
    if (!rowHas(row, e.metadata)) continue;
    const counts = stats.counts.get(row.id)!;
    hit.forEach((h, i) => {
      if (h) counts[i]! += 1;
    });
  }
}

export interface StatisticsRow {
  id: string;
  depth: number;
  label: Localized;
  /** keyed by column id */
  cells: Record<string, number>;
}

export interface StatisticsTable {
  columns: StatisticsColumn[];
  rows: StatisticsRow[];
}

export function statisticsTable(stats: StatisticsCounts): StatisticsTable {
  return {
    columns: stats.columns,
    rows: stats.rows.map((r) => {
      const counts = stats.counts.get(r.id)!;
      return { id: r.id, depth: r.depth, label: r.label, cells: Object.fromEntries(stats.columns.map((c, i) => [c.id, counts[i]!])) };
    }),
  };
}

/** summary.json's statistics: the columns without their screen titles. */
export function statisticsJson(t: StatisticsTable): StatisticsTable {
  return { columns: t.columns.map(({ short: _short, counts: _counts, ...c }) => c), rows: t.rows };
}

/** Convenience for tests and small batches: the table of a list of entries. */
export function buildStatistics(entries: Iterable<StatsEntry>, levels: readonly Program[], layout: StatisticsLayout): StatisticsTable {
  const stats = emptyStatistics(levels, layout);
  for (const e of entries) addToStatistics(stats, e);
  return statisticsTable(stats);
}

/** statistics.csv: stable ids in the header and the `row` column; the label in the chosen language. */
export function statisticsCsv(t: StatisticsTable, lang: Lang): { header: string[]; records: Cell[][] } {
  return {
    header: ['row', 'label', ...t.columns.map((c) => c.id)],
    records: t.rows.map((r) => [r.id, r.label[lang], ...t.columns.map((c) => r.cells[c.id] ?? 0)]),
  };
}

/** The screen table aims to fit this many columns (a 120-column terminal, with room to spare). */
const STATISTICS_TEXT_WIDTH = 116;
const MIN_NUMBER_WIDTH = 8;
const HEAD_LINES = 2;
const MIN_LABEL_WIDTH = 32;
const GAP = '  ';

/** Greedy word wrap by display width; a word longer than the width is cut. */
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/u).filter((w) => w !== '')) {
    while (displayWidth(word) > width) {
      if (line) lines.push(line);
      line = '';
      const chars = [...word];
      lines.push(chars.slice(0, width).join(''));
      word = chars.slice(width).join('');
    }
    if (!line) line = word;
    else if (displayWidth(line) + 1 + displayWidth(word) <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * The table for people (statistics.txt, and the end of the text summary), readable in ~120 columns: short column
 * titles wrapped over a few lines, long row labels wrapped onto indented continuation lines, numbers right-aligned
 * in every column. statistics.csv keeps the full official titles and labels.
 */
export function statisticsText(t: StatisticsTable, lang: Lang, title: string): string {
  const heads = t.columns.map((c) => shortTitle(c)[lang]);
  // each number column as narrow as its title allows in at most HEAD_LINES lines
  const widths = t.columns.map((c, i) => {
    let w = Math.max(MIN_NUMBER_WIDTH, ...heads[i]!.split(/\s+/u).map(displayWidth), ...t.rows.map((r) => String(r.cells[c.id] ?? 0).length));
    while (wrapWords(heads[i]!, w).length > HEAD_LINES) w++;
    return w;
  });
  const numbersWidth = widths.reduce((sum, w) => sum + GAP.length + w, 0);
  const labelWidth = Math.max(MIN_LABEL_WIDTH, STATISTICS_TEXT_WIDTH - numbersWidth);

  const headLines = heads.map((h, i) => wrapWords(h, widths[i]!));
  const height = Math.max(...headLines.map((l) => l.length));
  const lines: string[] = [];
  for (let k = 0; k < height; k++) {
    const cells = headLines.map((l, i) => padStart(l[k - (height - l.length)] ?? '', widths[i]!));
    lines.push((' '.repeat(labelWidth) + GAP + cells.join(GAP)).trimEnd());
  }
  lines.push('-'.repeat(labelWidth + numbersWidth));

  t.rows.forEach((r, index) => {
    if (r.depth === 0 && index > 0) lines.push('');
    const bullet = r.depth === 0 ? '' : `${'  '.repeat(r.depth)}- `;
    const label = r.label[lang];
    // continuation lines start under the label's text: after the bullet, or after "1. " of a section
    const hang = bullet.length + (r.depth === 0 ? (/^\d+\.\s+/u.exec(label)?.[0].length ?? 0) : 0);
    const first = wrapWords(label, labelWidth - bullet.length);
    const wrapped = [first[0]!, ...wrapWords(first.slice(1).join(' '), labelWidth - hang).filter((l) => l !== '')];
    const numbers = t.columns.map((c, i) => padStart(String(r.cells[c.id] ?? 0), widths[i]!)).join(GAP);
    wrapped.forEach((text, k) => {
      const shown = k === 0 ? bullet + text : ' '.repeat(hang) + text;
      lines.push(k === 0 ? padEnd(shown, labelWidth) + GAP + numbers : shown);
    });
  });
  return `${title}\n\n${lines.map((l) => l.trimEnd()).join('\n')}\n`;
}
