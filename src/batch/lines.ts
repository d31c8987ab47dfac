// A dossier's lines of the output folder's streamed files (summary.csv, summary.json, index.html, review.csv,
// reports.jsonl) and its rows of summary.xlsx and review.xlsx, rendered where the dossier was evaluated: on a worker
// thread, so the writing thread only appends text in batch order. The lines cross to it as one string (`packLines`).

import type { Lang } from '../lang.js';
import { csvCellText, csvRecords, type CsvCell } from '../report/csv.js';
import type { Program } from '../rules/types.js';
import { indexRow } from './index-html.js';
import { summaryJson, summaryRecord } from './summary.js';
import type { DossierOutcome, SummaryRow } from './types.js';
import { summaryCells, summaryPeopleRow } from './workbooks.js';
import { rowXml, xlsxStyle, type RenderedRow } from '../report/xlsx-xml.js';

/** What the lines depend on besides the dossier: the batch's settings. */
export interface LineSettings {
  levels: readonly Program[];
  lang: Lang;
  excel: boolean;
  /** index.html links each dossier to its HTML report (`--reports html`) */
  linked: boolean;
}

/** CSV records as text with the check command's cell rules (numbers stay numbers, formulas escaped, --excel). */
export function csvText(records: CsvCell[][], excel: boolean, bom: boolean): string {
  // loops, not map: the same kind of array however hot this code is (see read-dossier.ts)
  const texts: string[][] = [];
  const options = { excel };
  for (const r of records) {
    const cells: string[] = [];
    for (const c of r) cells.push(csvCellText(c, options));
    texts.push(cells);
  }
  return csvRecords(texts, { bom, delimiter: excel ? ';' : ',', recordDelimiter: excel ? '\r\n' : '\n' });
}

/** With --excel the CSV is for a person: the workbook's words in the report's language; else stable ids. */
export const summaryCsvRecord = (row: SummaryRow, s: Pick<LineSettings, 'levels' | 'lang' | 'excel'>): CsvCell[] =>
  s.excel ? summaryPeopleRow(row, s.levels, s.lang) : summaryRecord(row, s.levels);

/** The streamed files, in the order of a packed string's segments. */
export const LINE_FILES = ['reports.jsonl', 'summary.csv', 'summary.json', 'index.html', 'review.csv'] as const;
export type LineFile = (typeof LINE_FILES)[number];

/**
 * One dossier's text in each streamed file, in LINE_FILES order. summary.json's entry comes without the comma that
 * separates it from the one before (the writer adds it); reports.jsonl's is empty without a JSON record and
 * review.csv's without worklist lines.
 */
export function renderLines(o: DossierOutcome, s: LineSettings): string[] {
  return [
    o.reports.json ?? '',
    csvText([summaryCsvRecord(o.summary, s)], s.excel, false),
    JSON.stringify(summaryJson(o.summary)),
    indexRow(o.summary, s.levels, s.lang, s.linked),
    o.review && o.review.length > 0 ? csvText(o.review, true, false) : '',
  ];
}

/** A dossier's rows of summary.xlsx (one) and review.xlsx (one per worklist line), rendered for the sheet writers. */
export interface SheetRows {
  summary: RenderedRow;
  review: RenderedRow[];
}

export function renderSheetRows(o: DossierOutcome, s: Pick<LineSettings, 'levels' | 'lang'>): SheetRows {
  const style = xlsxStyle(s.lang);
  return { summary: rowXml(summaryCells(o.summary, s.levels, s.lang), style), review: (o.review ?? []).map((line) => rowXml(line, style)) };
}

/**
 * Texts joined into one string, and where each ends in it. One flat string is the cheapest thing to send to another
 * thread: cheaper to copy than the objects it is rendered from, and, unlike a moved buffer, it is ordinary heap
 * memory on the other side (moved buffers are external memory, which the writing thread collected only rarely:
 * +37 MB at 40,000 dossiers).
 */
export interface PackedLines {
  text: string;
  ends: number[];
}

export function packLines(texts: readonly string[]): PackedLines {
  const ends: number[] = [];
  let at = 0;
  for (const t of texts) ends.push((at += t.length));
  return { text: texts.join(''), ends };
}

/** Text `i` of a packed string. */
export function segment(p: PackedLines, i: number): string {
  return p.text.slice(i === 0 ? 0 : p.ends[i - 1]!, p.ends[i]!);
}
