// XLSX output: sheets of typed cells → workbook bytes (frozen header, autofilter, column widths, drop-down lists).
//
// Written by our own streaming writer (xlsx-writer.ts); the spreadsheet library is only loaded to read workbooks.
// Text is always a text cell: a name starting with "=" is never run as a formula, so no escaping is needed
// (unlike CSV).

import type { Lang } from '../lang.js';
import { workbookBytes } from './xlsx-writer.js';
import { xlsxStyle, type XlsxCell, type XlsxSheetSpec } from './xlsx-xml.js';

export { excelDate, type XlsxCell, type XlsxSheetSpec } from './xlsx-xml.js';

/** A sheet with its rows in memory. */
export interface XlsxSheet extends XlsxSheetSpec {
  rows: XlsxCell[][];
}

export interface WorkbookOptions {
  lang: Lang;
}

/** Build an .xlsx workbook from sheets held in memory. */
export async function buildWorkbook(sheets: readonly XlsxSheet[], opts: WorkbookOptions): Promise<Uint8Array> {
  return workbookBytes(sheets, xlsxStyle(opts.lang));
}
