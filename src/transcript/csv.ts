// CSV/TSV text → Transcript: delimiter detection, header location (title lines skipped), rows with their line numbers.

import { parse } from 'csv-parse/sync';
import { InputError } from '../errors.js';
import { tokenizeCsv } from './csv-tokenize.js';
import { findHeader, HEADER_SEARCH_ROWS, noNameColumn, transcriptFromTable, type HeaderHit, type TableRecord } from './table.js';
import type { Transcript } from './types.js';

export { HEADER_SEARCH_ROWS } from './table.js';

export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface CsvOptions {
  delimiter?: Delimiter;
  scale?: '10' | '4';
}

/** One CSV record and the 1-based physical line it starts on. */
export type CsvRecord = TableRecord;

interface CsvParseError {
  code?: string;
  lines?: number;
  message: string;
}

/** Where a quote that is never closed was opened (same quoting rules as csv-parse with `relax_quotes`). */
function findUnclosedQuote(text: string, delimiter: string): number | undefined {
  let line = 1;
  let fieldStart = true;
  let inQuote = false;
  let openedAt = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuote) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inQuote = false;
      } else if (ch === '\n') line++;
      continue;
    }
    if (ch === '\n') {
      line++;
      fieldStart = true;
    } else if (ch === delimiter) fieldStart = true;
    else if (ch === '"' && fieldStart) {
      inQuote = true;
      openedAt = line;
    } else if (ch !== ' ' && ch !== '\t') fieldStart = false;
  }
  return inQuote ? openedAt : undefined;
}

/** Parse records, skipping empty lines and lines whose cells are all empty (",,,," rows from Excel). */
export function readCsvRecords(text: string, file: string, delimiter: Delimiter): CsvRecord[] {
  // the small tokenizer gives csv-parse's records for every text csv-parse accepts; csv-parse words the errors
  const records = tokenizeCsv(text, delimiter) ?? referenceCsvRecords(text, file, delimiter);
  return records.filter((r) => !r.cells.every((c) => c === ''));
}

/** The records as csv-parse gives them (empty ones included), with `readCsvRecords`'s lines; the reference. */
export function referenceCsvRecords(text: string, file: string, delimiter: Delimiter): CsvRecord[] {
  let parsed: { record: string[]; raw: string; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      raw: true,
      record_delimiter: '\n',
    }) as unknown as typeof parsed;
  } catch (e) {
    throw csvError(e as CsvParseError, text, file, delimiter);
  }
  const records: CsvRecord[] = [];
  for (const { record, raw, info } of parsed) {
    // `info.lines` is the record's last line; raw holds the record plus any skipped empty lines before it
    const body = raw.endsWith('\n') ? raw.slice(0, -1) : raw;
    const leading = /^(?:[ \t]*\n)*/u.exec(body)![0];
    const extra = countNewlines(body) - countNewlines(leading);
    records.push({ line: info.lines - extra, cells: record });
  }
  return records;
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

function csvError(e: CsvParseError, text: string, file: string, delimiter: string): InputError {
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
    const line = findUnclosedQuote(text, delimiter) ?? e.lines;
    return new InputError({ code: 'csv-quote-not-closed', args: { line }, file, ...(line !== undefined ? { place: { line } } : {}) });
  }
  if (e.code === 'CSV_INVALID_CLOSING_QUOTE') {
    return new InputError({ code: 'csv-closing-quote', args: {}, file, ...(e.lines !== undefined ? { place: { line: e.lines } } : {}) });
  }
  return new InputError({ code: 'csv-unparsable', args: { message: e.message }, file, ...(e.lines !== undefined ? { place: { line: e.lines } } : {}) });
}

/** The delimiter that occurs most often, outside quotes, on the first non-empty line (',' on a tie or none). */
export function countDelimiters(text: string): Delimiter {
  return rankDelimiters(text, 1)[0]!;
}

/**
 * Delimiters by how often they occur outside quotes on the first non-empty lines (title lines above the header
 * have few), most frequent first; ties keep the order `,` `;` tab.
 */
export function rankDelimiters(text: string, lines = HEADER_SEARCH_ROWS): Delimiter[] {
  // counts in DELIMITERS' order: , ; tab
  const counts = [0, 0, 0];
  let seen = 0;
  let start = 0;
  while (seen < lines && start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const from = start;
    start = end + 1;
    if (isBlank(text, from, end)) continue;
    seen++;
    let inQuote = false;
    for (let i = from; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) inQuote = !inQuote;
      else if (!inQuote) {
        if (c === 44) counts[0]!++;
        else if (c === 59) counts[1]!++;
        else if (c === 9) counts[2]!++;
      }
    }
  }
  const count = (d: Delimiter) => counts[DELIMITERS.indexOf(d)]!;
  return [...DELIMITERS].sort((a, b) => count(b) - count(a));
}

/** Whether text[from, to) is empty or white space only (`String.prototype.trim`'s white space). */
function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // ASCII: only tab, LF, VT, FF, CR and space are white space; anything else outside ASCII is left to trim()
    if (c > 32 && c < 128) return false;
    if (c >= 128) return text.slice(from, to).trim() === '';
    if (c !== 32 && (c < 9 || c > 13)) return false;
  }
  return true;
}

/**
 * Records and header under the given delimiter, or else under the first delimiter (most frequent first) with
 * which a header row (one with a course-name column) is found: one parse for an ordinary file.
 */
function recordsWithHeader(text: string, file: string, given: Delimiter | undefined): { records: CsvRecord[]; hit: HeaderHit } {
  const candidates = given ? [given] : rankDelimiters(text);
  let first: { records: CsvRecord[] } | { error: unknown } | undefined;
  for (const d of candidates) {
    let records: CsvRecord[];
    try {
      records = readCsvRecords(text, file, d);
    } catch (error) {
      first ??= { error };
      continue;
    }
    first ??= { records };
    const hit = findHeader(records);
    if (hit) return { records, hit };
  }
  // nothing fits: report what the most likely delimiter gave
  if (first && 'error' in first) throw first.error;
  throw noNameColumn({ file }, first?.records ?? []);
}

/** Parse a CSV/TSV transcript (text already decoded and NFC). Row ids are 1..n in file order. */
export function parseCsvTranscript(input: string, file: string, opts: CsvOptions = {}): Transcript {
  const text = input.includes('\r') ? input.replace(/\r\n?/gu, '\n') : input;
  const { records, hit } = recordsWithHeader(text, file, opts.delimiter);
  return transcriptFromTable(records, hit, { file }, opts.scale ? { scale: opts.scale } : {});
}
