// A table of cells (from CSV or a spreadsheet) → Transcript: header location (title rows skipped), person lines, rows.

import { InputError, type Place } from '../errors.js';
import { baseKey, displayName } from '../text/normalize.js';
import { mapColumns, type ColumnMap } from './headers.js';
import { buildRow, isSectionOrTotalName, isSummaryName, parseNumberText, type RowValues } from './rows.js';
import type { ColumnNote, GradeScaleHint, Person, RawGrade, Transcript, TranscriptRow } from './types.js';

/**
 * One record of a table and the 1-based line (CSV) or row (spreadsheet) it starts on. `values` holds a
 * spreadsheet's typed cells: a number stays a number, never re-read from its displayed text.
 */
export interface TableRecord {
  line: number;
  cells: string[];
  values?: readonly (string | number | undefined)[];
}

/** Where the table came from: the file, and the sheet of a workbook. */
export interface TableSource {
  file: string;
  sheet?: string;
}

/** The header must be among the first rows: Excel exports put a title and a person line above it. */
export const HEADER_SEARCH_ROWS = 15;

export interface HeaderHit {
  index: number;
  map: ColumnMap;
  /** the header's cells (two header rows joined when the course-name cell spans both) */
  cells: string[];
  /** records the header takes: 1, or 2 for a two-row header */
  rows: number;
}

/**
 * The first record (within HEADER_SEARCH_ROWS) with a course-name column. A header of two rows — a merged
 * "Điểm" over "Hệ 10 | Chữ", with "Tên học phần" merged down over both rows so the next row repeats it — is
 * read as one: each column's two texts joined ("Điểm Hệ 10"), so the sub-columns keep their meaning.
 */
export function findHeader(records: readonly TableRecord[]): HeaderHit | undefined {
  const limit = Math.min(records.length, HEADER_SEARCH_ROWS);
  for (let index = 0; index < limit; index++) {
    const cells = records[index]!.cells;
    const map = mapColumns(cells);
    if (!map) continue;
    const next = records[index + 1]?.cells;
    if (next && next[map.name] !== undefined && next[map.name] !== '' && next[map.name] === cells[map.name]) {
      const width = Math.max(cells.length, next.length);
      const joined = Array.from({ length: width }, (_, i) => {
        const top = cells[i] ?? '';
        const below = next[i] ?? '';
        return below === '' || below === top ? top : top === '' ? below : `${top} ${below}`;
      });
      const map2 = mapColumns(joined);
      if (map2) return { index, map: map2, cells: joined, rows: 2 };
    }
    return { index, map, cells, rows: 1 };
  }
  return undefined;
}

const PERSON_KEYS: ReadonlyMap<string, 'id' | 'name' | 'birthDate' | 'unit'> = new Map([
  ['ho va ten', 'name'], ['ho ten', 'name'], ['ten sinh vien', 'name'], ['ho va ten sinh vien', 'name'],
  ['full name', 'name'], ['name', 'name'], ['student name', 'name'],
  ['ngay sinh', 'birthDate'], ['ngay thang nam sinh', 'birthDate'], ['date of birth', 'birthDate'], ['birth date', 'birthDate'],
  ['mssv', 'id'], ['ma sinh vien', 'id'], ['ma sv', 'id'], ['ma hoc vien', 'id'], ['student id', 'id'],
  ['don vi', 'unit'], ['co quan', 'unit'], ['unit', 'unit'],
]);

/** "Họ và tên: Nguyễn Văn A" style cells above the header (value in the same cell or the next non-empty one). */
function personFromPreamble(records: readonly TableRecord[]): Person | undefined {
  const person: Person = {};
  for (const { cells } of records) {
    cells.forEach((cell, i) => {
      const colon = cell.indexOf(':');
      if (colon < 0) return;
      const field = PERSON_KEYS.get(baseKey(cell.slice(0, colon)));
      if (!field || person[field] !== undefined) return;
      let value = displayName(cell.slice(colon + 1));
      if (value === '') value = displayName(cells.slice(i + 1).find((c) => c.trim() !== '' && c !== cell) ?? '');
      if (value !== '') person[field] = value;
    });
  }
  return Object.keys(person).length > 0 ? person : undefined;
}

/** A place in the table for an error: the line, and the sheet of a workbook. */
function tablePlace(source: TableSource, line: number): Place {
  return source.sheet !== undefined ? { sheet: source.sheet, line } : { line };
}

/** The error for a table with no course-name column, naming the columns of the likeliest header row. */
export function noNameColumn(source: TableSource, records: readonly TableRecord[]): InputError {
  // the best guess at the header: the widest of the first rows
  let guess: TableRecord | undefined;
  for (const r of records.slice(0, HEADER_SEARCH_ROWS)) {
    const n = r.cells.filter((c) => c !== '').length;
    if (!guess || n > guess.cells.filter((c) => c !== '').length) guess = r;
  }
  const found = guess ? [...new Set(guess.cells.filter((c) => c !== ''))] : [];
  return new InputError({ code: 'no-name-column', args: { found }, file: source.file, ...(guess ? { place: tablePlace(source, guess.line) } : {}) });
}

export interface TableOptions {
  scale?: '10' | '4';
}

/** The records below the header → a transcript. Row ids are 1..n in table order. */
export function transcriptFromTable(records: readonly TableRecord[], hit: HeaderHit, source: TableSource, opts: TableOptions = {}): Transcript {
  const { map, cells: headerCells } = hit;
  const { file } = source;
  const rows: TranscriptRow[] = [];
  for (let r = hit.index + hit.rows; r < records.length; r++) {
    const rec = records[r]!;
    const name = displayName(cellText(rec, map.name));
    if (name === '') continue;
    let grade: RawGrade | undefined;
    for (const g of map.grades) {
      const text = displayName(cellText(rec, g.index));
      if (text === '') continue;
      const scale: GradeScaleHint | undefined = g.scale ?? opts.scale;
      grade = { text, scale: scale || undefined };
      break;
    }
    if ((!grade && isSectionOrTotalName(name)) || isSummaryName(name)) continue;
    // every key, in the JSON reader's order: one shape of values for buildRow
    const values: RowValues = {
      name,
      code: cellText(rec, map.code),
      credits: cellNumber(rec, map.credits, headerCells, source),
      creditUnit: undefined,
      dvht: cellNumber(rec, map.dvht, headerCells, source),
      periods: cellNumber(rec, map.periods, headerCells, source),
      // every teaching column adds up (LT + TL + TH + BT…); self-study columns never count
      lecture: sumOf(map.teaching, rec, headerCells, source),
      practice: undefined,
      grade,
      term: cellText(rec, map.term),
      institution: cellText(rec, map.institution),
    };
    // every key of the source set (undefined where absent): one shape
    const row = buildRow(values, { file, sheet: source.sheet, line: rec.line, path: undefined });
    row.id = rows.length + 1;
    rows.push(row);
  }
  const person = personFromPreamble(records.slice(0, hit.index));
  const columns = columnNote(records.slice(hit.index + hit.rows), hit, file);
  const transcript: Transcript = person ? { person, rows, files: [file] } : { rows, files: [file] };
  if (columns) transcript.columns = [columns];
  return transcript;
}

/** The sum of the numbers in the given columns; undefined when none holds one. */
function sumOf(columns: readonly number[], rec: TableRecord, headerCells: readonly string[], source: TableSource): number | undefined {
  let sum: number | undefined;
  for (const i of columns) {
    const v = cellNumber(rec, i, headerCells, source);
    if (v !== undefined) sum = (sum ?? 0) + v;
  }
  return sum;
}

/** A record's cell as text ('' when the column is absent or the record shorter). */
function cellText(rec: TableRecord, i: number | undefined): string {
  return i === undefined || i >= rec.cells.length ? '' : (rec.cells[i] ?? '');
}

/** A record's cell as a number: a spreadsheet's typed number, else the text read as one; not a number: an error. */
function cellNumber(rec: TableRecord, i: number | undefined, headerCells: readonly string[], source: TableSource): number | undefined {
  const typed = i === undefined ? undefined : rec.values?.[i];
  if (typeof typed === 'number') return typed;
  const text = cellText(rec, i);
  const n = parseNumberText(text);
  if (n !== undefined && Number.isNaN(n)) {
    const column = headerCells[i!] ?? '';
    throw new InputError({ code: 'not-a-number', args: { text, column }, file: source.file, place: tablePlace(source, rec.line) });
  }
  return n;
}

/**
 * The columns a report must name (§4): self-study columns (never counted) and columns whose header is not
 * understood but whose cells are numbers — a credit or period column under an unforeseen header is never
 * dropped silently.
 */
function columnNote(records: readonly TableRecord[], hit: HeaderHit, file: string): ColumnNote | undefined {
  const label = (i: number) => displayName(hit.cells[i] ?? '') || `#${i + 1}`;
  const unknownNumeric = hit.map.unknown.filter((i) => {
    let numbers = 0;
    for (const rec of records) {
      const typed = rec.values?.[i];
      const text = (rec.cells[i] ?? '').trim();
      if (typed === undefined && text === '') continue;
      const n = typeof typed === 'number' ? typed : parseNumberText(text);
      if (n === undefined || Number.isNaN(n)) return false;
      numbers++;
    }
    return numbers > 0;
  });
  if (unknownNumeric.length === 0 && hit.map.selfStudy.length === 0) return undefined;
  return { file, selfStudy: hit.map.selfStudy.map(label), unknownNumeric: unknownNumeric.map(label) };
}
