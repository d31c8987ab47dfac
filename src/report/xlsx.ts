// XLSX output: sheets of typed cells → workbook bytes (frozen header, autofilter, column widths, drop-down lists).
//
// The spreadsheet library is loaded only here and only when a workbook is written. Its community build writes
// cells, number formats, widths and autofilters but not frozen panes or data validation, so those two are added
// to the sheet XML inside the written zip (`embellish`). Text is always a text cell: a name starting with "="
// is never run as a formula, so no escaping is needed (unlike CSV).

import { loadSpreadsheetLibrary, type SpreadsheetLibrary } from '../transcript/spreadsheet.js';
import { displayWidth } from './format.js';
import type { Lang } from '../lang.js';

/** A typed cell: numbers stay numbers, `{ date }` (YYYY-MM-DD) becomes an Excel date shown DD/MM/YYYY in Vietnamese. */
export type XlsxCell = string | number | boolean | null | { date: string };

export interface XlsxSheet {
  /** the tab name (Excel allows 31 characters and no []:*?/\) */
  name: string;
  /** lines above the header (a title); the header row is frozen below them */
  title?: string[];
  header: string[];
  rows: XlsxCell[][];
  /** freeze the panes below the header and put an autofilter on it (default true) */
  table?: boolean;
  /** a drop-down list of allowed values on a column (0-based), for every data row */
  lists?: { column: number; values: readonly string[] }[];
}

/** Days since Excel's epoch (1899-12-30) of an ISO date, or null if it is not one. */
export function excelDate(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  if (!m) return null;
  return (Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

const SHEET_NAME_BAD = /[[\]:*?/\\]/gu;

function sheetName(name: string, used: Set<string>): string {
  let base = name.replace(SHEET_NAME_BAD, ' ').slice(0, 31).trim() || 'Sheet';
  for (let i = 2; used.has(base.toLowerCase()); i++) base = `${name.slice(0, 28)} ${i}`;
  used.add(base.toLowerCase());
  return base;
}

function cellText(c: XlsxCell): string {
  if (c === null) return '';
  if (typeof c === 'object') return '00/00/0000';
  return String(c);
}

function cellObject(c: XlsxCell, boolWords: readonly [string, string], dateFormat: string): { t: string; v: unknown; z?: string } | null {
  if (c === null || c === '') return null;
  if (typeof c === 'number') return { t: 'n', v: c };
  if (typeof c === 'boolean') return { t: 's', v: c ? boolWords[0] : boolWords[1] };
  if (typeof c === 'object') {
    const serial = excelDate(c.date);
    return serial === null ? { t: 's', v: c.date } : { t: 'n', v: serial, z: dateFormat };
  }
  // Excel refuses a cell over 32,767 characters (and the writer throws): a huge field is cut, never fatal
  return { t: 's', v: c.length > XLSX_MAX_CELL ? `${c.slice(0, XLSX_MAX_CELL - 1)}…` : c };
}

/** The most characters an Excel cell holds. */
const XLSX_MAX_CELL = 32_767;

function escapeXml(s: string): string {
  return s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
}

/** Elements that must come after <dataValidations> in a worksheet (OOXML's fixed order). */
const AFTER_VALIDATIONS = /<(hyperlinks|printOptions|pageMargins|pageSetup|headerFooter|rowBreaks|colBreaks|customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/u;

/** Frozen header and drop-down lists, added to one sheet's XML. */
function embellishSheet(xml: string, frozenRows: number, lists: { ref: string; values: readonly string[] }[]): string {
  let out = xml;
  if (frozenRows > 0) {
    const topLeft = `A${frozenRows + 1}`;
    out = out.replace(
      /<sheetView ([^>]*?)\/>/u,
      `<sheetView $1><pane ySplit="${frozenRows}" topLeftCell="${topLeft}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView>`,
    );
  }
  if (lists.length > 0) {
    const items = lists
      .map((l) => `<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${l.ref}"><formula1>"${escapeXml(l.values.join(','))}"</formula1></dataValidation>`)
      .join('');
    const at = AFTER_VALIDATIONS.exec(out)!.index;
    out = `${out.slice(0, at)}<dataValidations count="${lists.length}">${items}</dataValidations>${out.slice(at)}`;
  }
  return out;
}

export interface WorkbookOptions {
  lang: Lang;
}

/** Build an .xlsx workbook from sheets (the library is loaded on first use). */
export async function buildWorkbook(sheets: readonly XlsxSheet[], opts: WorkbookOptions): Promise<Uint8Array> {
  const XLSX: SpreadsheetLibrary = await loadSpreadsheetLibrary();
  const boolWords: readonly [string, string] = opts.lang === 'vi' ? ['Có', 'Không'] : ['Yes', 'No'];
  const dateFormat = opts.lang === 'vi' ? 'dd/mm/yyyy' : 'yyyy-mm-dd';
  const book = XLSX.utils.book_new();
  const used = new Set<string>();
  const extras: { frozen: number; lists: { ref: string; values: readonly string[] }[] }[] = [];
  for (const s of sheets) {
    const title = s.title ?? [];
    const width = s.header.length;
    const ws: Record<string, unknown> = {};
    // column letters once per sheet: the address of each of tens of thousands of cells is then one concatenation
    const letters: string[] = [];
    const put = (r: number, c: number, v: XlsxCell) => {
      const cell = cellObject(v, boolWords, dateFormat);
      if (cell) ws[`${(letters[c] ??= XLSX.utils.encode_col(c))}${r + 1}`] = cell;
    };
    title.forEach((t, r) => put(r, 0, t));
    const headerRow = title.length;
    s.header.forEach((h, c) => put(headerRow, c, h));
    s.rows.forEach((row, i) => row.forEach((v, c) => put(headerRow + 1 + i, c, v)));
    const lastRow = headerRow + Math.max(1, s.rows.length);
    ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: lastRow, c: Math.max(0, width - 1) } });
    // widths from the longest text of each column (dates and numbers as shown), within reason
    ws['!cols'] = s.header.map((h, c) => {
      const longest = Math.max(displayWidth(h), ...s.rows.map((r) => displayWidth(r[c] === undefined ? '' : cellText(r[c]!))));
      return { wch: Math.min(60, Math.max(6, longest + 2)) };
    });
    const table = s.table !== false;
    if (table) ws['!autofilter'] = { ref: XLSX.utils.encode_range({ s: { r: headerRow, c: 0 }, e: { r: lastRow, c: Math.max(0, width - 1) } }) };
    XLSX.utils.book_append_sheet(book, ws as import('@e965/xlsx').WorkSheet, sheetName(s.name, used));
    extras.push({
      frozen: table ? headerRow + 1 : 0,
      lists: (s.lists ?? []).map((l) => {
        const col = XLSX.utils.encode_col(l.column);
        return { ref: `${col}${headerRow + 2}:${col}${Math.max(headerRow + 2, lastRow + 1)}`, values: l.values };
      }),
    });
  }
  const plain = extras.every((e) => e.frozen === 0 && e.lists.length === 0);
  // a workbook that is opened again to add the frozen panes and lists is compressed once, when written the second time
  const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: plain }) as Uint8Array;
  if (plain) return bytes;
  const zip = XLSX.CFB.read(bytes, { type: 'buffer' });
  // one fixed entry time (the zip epoch), so the same results give the same bytes
  for (const entry of zip.FileIndex) entry.mt = new Date(1980, 0, 1);
  extras.forEach((e, i) => {
    const entry = XLSX.CFB.find(zip, `/xl/worksheets/sheet${i + 1}.xml`);
    if (!entry?.content) throw new Error(`internal: sheet ${i + 1} missing from the written workbook`);
    const xml = Buffer.from(entry.content as Uint8Array).toString('utf8');
    entry.content = Buffer.from(embellishSheet(xml, e.frozen, e.lists), 'utf8');
    entry.size = (entry.content as Buffer).length;
  });
  return XLSX.CFB.write(zip, { fileType: 'zip', type: 'buffer', compression: true }) as Uint8Array;
}
