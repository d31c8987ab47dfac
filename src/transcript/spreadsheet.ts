// Spreadsheet bytes (.xlsx, .xlsm, .xls, .ods) → Transcript: the first sheet with a course-name header, typed cells.
//
// The spreadsheet library is large, so it is loaded (dynamic import) only when a spreadsheet is read or written:
// a CSV check never pays for it. `loadSpreadsheetLibrary()` must have resolved before a spreadsheet is parsed.

import { InputError } from '../errors.js';
import { displayName } from '../text/normalize.js';
import { findHeader, noNameColumn, transcriptFromTable, type TableRecord, type TableOptions } from './table.js';
import type { Transcript } from './types.js';

export type SpreadsheetLibrary = typeof import('@e965/xlsx');

let library: SpreadsheetLibrary | null = null;

/** Load the spreadsheet library once (later calls reuse it). */
export async function loadSpreadsheetLibrary(): Promise<SpreadsheetLibrary> {
  library ??= await import('@e965/xlsx');
  return library;
}

/** The loaded library; a caller that parses a spreadsheet without loading it first is a bug. */
function spreadsheetLibrary(): SpreadsheetLibrary {
  if (!library) throw new Error('internal: the spreadsheet library was not loaded before reading a spreadsheet');
  return library;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04] as const;
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * Whether bytes are a workbook this reader takes: a zip (.xlsx, .xlsm, .ods) or an OLE compound file (.xls), by
 * their first bytes; a .doc is also OLE and fails later with "no sheet" — the same advice either way.
 */
export function isSpreadsheetBytes(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP) || startsWith(bytes, OLE);
}

/** A spreadsheet file name (`.xlsx`, `.xlsm`, `.xls`, `.ods`). */
export function isSpreadsheetName(name: string): boolean {
  return /\.(xlsx|xlsm|xlsb|xls|ods)$/iu.test(name);
}

type Cell = { t?: string; v?: unknown; f?: string; w?: string };

/** The date an Excel date cell holds, written DD/MM/YYYY (the officers' form, accepted wherever dates are read). */
function dateText(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/**
 * One sheet as table records: every non-empty row with its 1-based sheet row number. Merged ranges take their
 * top-left value in every cell they cover, so a title merged over the width reads like a CSV title line and a
 * header cell merged over two rows appears on both (see `findHeader`).
 */
function sheetRecords(XLSX: SpreadsheetLibrary, sheet: import('@e965/xlsx').WorkSheet, file: string, name: string): TableRecord[] {
  const ref = sheet['!ref'];
  if (!ref) return [];
  const range = XLSX.utils.decode_range(ref);
  const dense = (sheet as unknown as { '!data'?: (Cell | undefined)[][] })['!data'] ?? [];
  const at = (r: number, c: number): Cell | undefined => dense[r]?.[c];
  const filled = new Map<string, Cell>();
  for (const m of sheet['!merges'] ?? []) {
    const top = at(m.s.r, m.s.c);
    if (!top) continue;
    for (let r = m.s.r; r <= m.e.r; r++) for (let c = m.s.c; c <= m.e.c; c++) if (r !== m.s.r || c !== m.s.c) filled.set(`${r}:${c}`, top);
  }
  const records: TableRecord[] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const cells: string[] = [];
    const values: (string | number | undefined)[] = [];
    for (let c = 0; c <= range.e.c; c++) {
      const cell = at(r, c) ?? filled.get(`${r}:${c}`);
      let value: string | number | undefined;
      if (cell && cell.v !== undefined && cell.t !== 'z') {
        if (cell.t === 'n' && typeof cell.v === 'number') value = cell.v;
        else if (cell.t === 'd' && cell.v instanceof Date) value = dateText(cell.v);
        else if (cell.t === 'b') value = cell.v ? 'TRUE' : 'FALSE';
        else if (cell.t === 'e') value = cell.w ?? '#ERROR';
        else value = displayName(String(cell.v));
      } else if (cell?.f !== undefined) {
        // a formula saved without its result (written by a program that does not calculate)
        throw new InputError({ code: 'formula-without-value', args: { cell: XLSX.utils.encode_cell({ r, c }) }, file, place: { sheet: name, line: r + 1 } });
      }
      values.push(value);
      cells.push(value === undefined ? '' : typeof value === 'number' ? String(value) : value);
    }
    while (cells.length > 0 && cells[cells.length - 1] === '') {
      cells.pop();
      values.pop();
    }
    if (cells.length === 0) continue;
    records.push({ line: r + 1, cells, values });
  }
  return records;
}

/**
 * The first sheet of a workbook as records (sheet row numbers kept), for tables that are not transcripts: the
 * officer's filled-in review.xlsx. The library must be loaded.
 */
export function firstSheetRecords(bytes: Uint8Array, file: string): { sheet: string; records: TableRecord[] } {
  const XLSX = spreadsheetLibrary();
  const book = XLSX.read(bytes, { type: 'buffer', dense: true, cellDates: true, cellFormula: true, cellHTML: false, cellNF: false, cellStyles: false });
  const name = book.SheetNames[0];
  if (name === undefined || !book.Sheets[name]) return { sheet: '', records: [] };
  return { sheet: name, records: sheetRecords(XLSX, book.Sheets[name], file, name) };
}

/**
 * Parse a workbook transcript: the first sheet (in workbook order) whose first rows hold a course-name header.
 * Numbers stay numbers; formulas are read by the value Excel saved with them. Rows are identified by sheet + row.
 */
export function parseSpreadsheetTranscript(bytes: Uint8Array, file: string, opts: TableOptions = {}): Transcript {
  const XLSX = spreadsheetLibrary();
  let book: import('@e965/xlsx').WorkBook;
  try {
    book = XLSX.read(bytes, { type: 'buffer', dense: true, cellDates: true, cellFormula: true, cellHTML: false, cellNF: false, cellStyles: false });
  } catch (e) {
    throw new InputError({ code: 'spreadsheet-unreadable', args: { message: (e as Error).message }, file });
  }
  let first: { name: string; records: TableRecord[] } | undefined;
  for (const name of book.SheetNames) {
    const sheet = book.Sheets[name];
    if (!sheet) continue;
    const records = sheetRecords(XLSX, sheet, file, name);
    if (records.length > 0) first ??= { name, records };
    const hit = findHeader(records);
    if (hit) return transcriptFromTable(records, hit, { file, sheet: name }, opts);
  }
  if (!first) {
    throw new InputError({ code: 'workbook-empty', args: {}, file, place: { line: 1 } });
  }
  throw noNameColumn({ file, sheet: first.name }, first.records);
}
