// Edge: reads a transcript from a file or stdin (`-`) and hands the bytes to the pure parser.

import { KnownError } from '../errors.js';
import { DEFAULT_MAX_FILE_MB, MB, readRegularFileSync, readStreamBounded } from '../file-io.js';
import { SystemError } from '../fs-errors.js';
import { parseTranscript, type ReadOptions } from './parse.js';
import { isSpreadsheetBytes, loadSpreadsheetLibrary } from './spreadsheet.js';
import type { Transcript } from './types.js';

/**
 * Read and parse one transcript (`-` = the given standard input): regular files only, at most `maxBytes`;
 * missing or unreadable files become one line naming the reason and the fix.
 */
export async function readTranscriptFile(path: string, opts: ReadOptions = {}, stdin: NodeJS.ReadableStream = process.stdin): Promise<Transcript> {
  const max = opts.maxBytes ?? DEFAULT_MAX_FILE_MB * MB;
  let bytes: Uint8Array;
  try {
    bytes = path === '-' ? await readStreamBounded(stdin, max, path) : readRegularFileSync(path, max);
  } catch (e) {
    if (e instanceof KnownError) throw e;
    throw new SystemError(e, 'read', path);
  }
  // the spreadsheet library is loaded only for a spreadsheet
  if (isSpreadsheetBytes(bytes)) await loadSpreadsheetLibrary();
  return parseTranscript(bytes, path, opts);
}
