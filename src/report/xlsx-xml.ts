// The XML parts of an .xlsx workbook as strings: cells and rows, a sheet's head and tail, the workbook, its styles
// and relationships. Pure: the writer (xlsx-writer.ts) joins them into a zip.

import { displayWidth } from './format.js';
import type { Lang } from '../lang.js';

/** A typed cell: numbers stay numbers, `{ date }` (YYYY-MM-DD) becomes an Excel date shown DD/MM/YYYY in Vietnamese. */
export type XlsxCell = string | number | boolean | null | { date: string };

/** A sheet before its rows: name, title lines, header and what the table carries. */
export interface XlsxSheetSpec {
  /** the tab name (Excel allows 31 characters and no []:*?/\) */
  name: string;
  /** lines above the header (a title); the header row is frozen below them */
  title?: string[];
  header: string[];
  /** freeze the panes below the header and put an autofilter on it (default true) */
  table?: boolean;
  /** a drop-down list of allowed values on a column (0-based), for every data row */
  lists?: { column: number; values: readonly string[] }[];
}

/** How cells are shown, by the workbook's language. */
export interface XlsxStyle {
  boolWords: readonly [string, string];
  dateFormat: string;
}

export function xlsxStyle(lang: Lang): XlsxStyle {
  return lang === 'vi' ? { boolWords: ['Có', 'Không'], dateFormat: 'dd/mm/yyyy' } : { boolWords: ['Yes', 'No'], dateFormat: 'yyyy-mm-dd' };
}

/** Days since Excel's epoch (1899-12-30) of an ISO date, or null if it is not one. */
export function excelDate(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  if (!m) return null;
  return (Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

// ── text ──────────────────────────────────────────────────────────────────────────────────────────────────

/** The most characters an Excel cell holds. */
const XLSX_MAX_CELL = 32_767;

/**
 * What XML 1.0 cannot hold (control characters other than tab, LF and CR; lone surrogates — the `u` flag makes
 * the range match only those; U+FFFE and U+FFFF), what must be escaped, and CR, which a reader would turn into LF.
 */
const SPECIAL = /[&<>\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/u;
const SPECIAL_ALL = /[&<>\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/gu;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };

/** Text for an element's content: escaped, and characters XML cannot carry replaced by U+FFFD. */
function xmlText(s: string): string {
  if (!SPECIAL.test(s)) return s;
  return s.replace(SPECIAL_ALL, (c) => ESCAPES[c] ?? '\uFFFD');
}

/** Text for an attribute value in double quotes. */
function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/gu, '&quot;').replace(/\t/gu, '&#9;').replace(/\n/gu, '&#10;');
}

/** Excel refuses a cell over 32,767 characters: a huge field is cut (never fatal), not splitting a surrogate pair. */
function cutText(s: string): string {
  if (s.length <= XLSX_MAX_CELL) return s;
  let end = XLSX_MAX_CELL - 1;
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${s.slice(0, end)}…`;
}

/** Leading or trailing spaces, tabs and line breaks are kept only when the text says so. */
const NEEDS_PRESERVE = /^\s|\s$|[\t\n\r]/u;

const inlineString = (s: string): string => {
  const t = xmlText(cutText(s));
  return NEEDS_PRESERVE.test(s) ? `<c t="inlineStr"><is><t xml:space="preserve">${t}</t></is></c>` : `<c t="inlineStr"><is><t>${t}</t></is></c>`;
};

/** The style index of date cells (styles.xml's second cell format). */
const DATE_STYLE = 1;

// ── rows ──────────────────────────────────────────────────────────────────────────────────────────────────

/** One row rendered: its cells' XML (without the `<row>` element, which carries the row number) and each cell's width. */
export interface RenderedRow {
  xml: string;
  /** display width of each cell as shown (numbers and dates as written), for the column widths */
  widths: number[];
}

/** One cell's XML, or '' for an empty cell. */
function cellXml(c: XlsxCell, style: XlsxStyle): string {
  if (c === null || c === '') return '';
  if (typeof c === 'number') return Number.isFinite(c) ? `<c><v>${c}</v></c>` : inlineString(String(c));
  if (typeof c === 'string') return inlineString(c);
  if (typeof c === 'boolean') return inlineString(c ? style.boolWords[0] : style.boolWords[1]);
  const serial = excelDate(c.date);
  return serial === null ? inlineString(c.date) : `<c s="${DATE_STYLE}"><v>${serial}</v></c>`;
}

function cellWidth(c: XlsxCell, style: XlsxStyle): number {
  if (c === null) return 0;
  // a date is shown in the 10 characters of its format
  if (typeof c === 'object') return 10;
  if (typeof c === 'boolean') return displayWidth(c ? style.boolWords[0] : style.boolWords[1]);
  return displayWidth(String(c));
}

/**
 * One row's cells as XML. Cells carry no reference (`r`, optional in OOXML): their place is their order, an empty
 * cell in the middle is an empty `<c/>` and empty cells at the end are left out. So a row renders without knowing
 * its row number (in a worker thread, say), and the sheet writer wraps it in `<row r="…">`.
 */
export function rowXml(cells: readonly XlsxCell[], style: XlsxStyle): RenderedRow {
  let xml = '';
  let gap = 0;
  const widths: number[] = new Array<number>(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    widths[i] = cellWidth(c, style);
    const x = cellXml(c, style);
    if (x === '') {
      gap++;
      continue;
    }
    if (gap > 0) xml += '<c/>'.repeat(gap);
    gap = 0;
    xml += x;
  }
  return { xml, widths };
}

// ── a sheet's head and tail ───────────────────────────────────────────────────────────────────────────────

/** Column letters of a 0-based column: 0 → A, 26 → AA. */
function columnName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Where the header and data rows lie, 1-based as in a sheet. */
export interface SheetLayout {
  /** the header's row number (below the title lines) */
  headerRow: number;
  /** the last row number of the table: at least one row below the header, so an empty table still has a place */
  lastRow: number;
  /** the last column's letters */
  lastColumn: string;
}

export function sheetLayout(spec: XlsxSheetSpec, dataRows: number): SheetLayout {
  const headerRow = (spec.title?.length ?? 0) + 1;
  return { headerRow, lastRow: headerRow + Math.max(1, dataRows), lastColumn: columnName(Math.max(0, spec.header.length - 1)) };
}

/** Excel's stored width of a column `chars` characters wide (the rounding Excel and the earlier writer apply). */
const columnWidth = (chars: number): number => Math.round(((chars * 6 + 5) / 6) * 256) / 256;

/** A column's width in characters from its widest cell, within reason. */
const columnChars = (widest: number): number => Math.min(60, Math.max(6, widest + 2));

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The worksheet XML up to and including `<sheetData>`: extent, frozen pane, column widths (`widest` per column). */
export function sheetHead(spec: XlsxSheetSpec, layout: SheetLayout, widest: readonly number[]): string {
  const frozen = spec.table !== false ? layout.headerRow : 0;
  const topLeft = `A${frozen + 1}`;
  const view =
    frozen > 0
      ? `<sheetView workbookViewId="0"><pane ySplit="${frozen}" topLeftCell="${topLeft}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView>`
      : '<sheetView workbookViewId="0"/>';
  const cols = spec.header
    .map((_, c) => `<col min="${c + 1}" max="${c + 1}" width="${columnWidth(columnChars(widest[c] ?? 0))}" customWidth="1"/>`)
    .join('');
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><dimension ref="A1:${layout.lastColumn}${layout.lastRow}"/>` +
    `<sheetViews>${view}</sheetViews>${cols === '' ? '' : `<cols>${cols}</cols>`}<sheetData>`
  );
}

/** The worksheet XML after the rows: autofilter, drop-down lists. */
export function sheetTail(spec: XlsxSheetSpec, layout: SheetLayout): string {
  const table = spec.table !== false;
  const filter = table ? `<autoFilter ref="A${layout.headerRow}:${layout.lastColumn}${layout.lastRow}"/>` : '';
  const lists = spec.lists ?? [];
  const validations =
    lists.length === 0
      ? ''
      : `<dataValidations count="${lists.length}">${lists
          .map((l) => {
            const col = columnName(l.column);
            const first = layout.headerRow + 1;
            // a list formula is the values in quotes, comma-separated; a quote inside is doubled
            const formula = xmlText(`"${l.values.map((v) => v.replace(/"/gu, '""')).join(',')}"`);
            return `<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${col}${first}:${col}${Math.max(first, layout.lastRow)}"><formula1>${formula}</formula1></dataValidation>`;
          })
          .join('')}</dataValidations>`;
  // numbers written as text (ids like "012") are meant as text: no green corner on each
  const ignored = `<ignoredErrors><ignoredError numberStoredAsText="1" sqref="A1:${layout.lastColumn}${layout.lastRow}"/></ignoredErrors>`;
  return `</sheetData>${filter}${validations}${ignored}</worksheet>`;
}

// ── the workbook around the sheets ────────────────────────────────────────────────────────────────────────

const SHEET_NAME_BAD = /[[\]:*?/\\]/gu;

/** A tab name Excel takes (31 characters, none of []:*?/\), different from the ones in `used` (any case). */
export function sheetName(name: string, used: Set<string>): string {
  let base = name.replace(SHEET_NAME_BAD, ' ').slice(0, 31).trim() || 'Sheet';
  for (let i = 2; used.has(base.toLowerCase()); i++) base = `${name.replace(SHEET_NAME_BAD, ' ').slice(0, 28).trim()} ${i}`;
  used.add(base.toLowerCase());
  return base;
}

/** What the workbook part needs of each sheet: its tab name, and the autofilter range when it has one. */
export interface WorkbookSheet {
  name: string;
  filter: string | null;
}

const SHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

export function contentTypesXml(sheets: number): string {
  const overrides = Array.from({ length: sheets }, (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${SHEET_TYPE}"/>`).join('');
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    `${overrides}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`
  );
}

export const ROOT_RELS_XML =
  `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

export function workbookRelsXml(sheets: number): string {
  const rels = Array.from({ length: sheets }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  return (
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}` +
    `<Relationship Id="rId${sheets + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`
  );
}

export function workbookXml(sheets: readonly WorkbookSheet[]): string {
  const list = sheets.map((s, i) => `<sheet name="${xmlAttr(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  // Excel keeps an autofilter's range in this hidden name too; it opens a sheet without it, but expects it
  const names = sheets
    .map((s, i) => (s.filter === null ? '' : `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlText(`'${s.name.replace(/'/gu, "''")}'!${absolute(s.filter)}`)}</definedName>`))
    .join('');
  return `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr/><sheets>${list}</sheets>${names === '' ? '' : `<definedNames>${names}</definedNames>`}</workbook>`;
}

/** A1:P6 → $A$1:$P$6 */
const absolute = (range: string): string => range.replace(/([A-Z]+)(\d+)/gu, '$$$1$$$2');

/** Styles: the default cell and the date cell (the language's date format). */
export function stylesXml(style: XlsxStyle): string {
  return (
    `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="${xmlAttr(style.dateFormat)}"/></numFmts>` +
    '<fonts count="1"><font><sz val="12"/><name val="Calibri"/><family val="2"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
  );
}
