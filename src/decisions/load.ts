// Edge: reads a decisions file from disk (bounded, regular files only) and hands its text to the pure reader.

import { stringify } from 'csv-stringify/sync';
import { firstSheetRecords, isSpreadsheetBytes } from '../transcript/spreadsheet.js';
import { DEFAULT_MAX_FILE_MB, MB, readRegularFileSync } from '../file-io.js';
import { KnownError } from '../errors.js';
import { SystemError } from '../fs-errors.js';
import { decodeText } from '../transcript/decode.js';
import { readDecisions, type ReadDecisions, type ReadDecisionsOptions } from './read.js';

/** Decode a decisions file's bytes (UTF-8 with or without BOM, or UTF-16 as Excel's "Unicode text") and read it. */
export function decisionsFromBytes(bytes: Uint8Array, shownAs: string, options: ReadDecisionsOptions = {}): ReadDecisions {
  if (isSpreadsheetBytes(bytes)) return readDecisions(workbookAsCsv(bytes, shownAs), shownAs, options);
  return readDecisions(decodeText(bytes, shownAs), shownAs, options);
}

/**
 * A filled-in review.xlsx as the CSV text the decisions reader takes: one line per sheet row (empty rows kept
 * empty), so a problem names the row the officer sees in Excel. Dates typed as dates arrive as DD/MM/YYYY.
 */
function workbookAsCsv(bytes: Uint8Array, shownAs: string): string {
  const { records } = firstSheetRecords(bytes, shownAs);
  const lines: string[] = [];
  for (const r of records) {
    while (lines.length < r.line - 1) lines.push('');
    lines.push(stringify([r.cells], { record_delimiter: '' }));
  }
  return `${lines.join('\n')}\n`;
}

/** Read a decisions file; a file that cannot be read is a one-line error naming it. */
export function loadDecisionsFile(path: string, shownAs: string, options: ReadDecisionsOptions = {}): ReadDecisions {
  let bytes: Uint8Array;
  try {
    bytes = readRegularFileSync(path, DEFAULT_MAX_FILE_MB * MB, shownAs);
  } catch (e) {
    if (e instanceof KnownError) throw e;
    throw new SystemError(e, 'read', shownAs);
  }
  return decisionsFromBytes(bytes, shownAs, options);
}
