// Edge: reads a transcript from a file or stdin (`-`) and hands the bytes to the pure parser.

import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { distance } from 'fastest-levenshtein';
import { InputError, KnownError } from '../errors.js';
import { baseKey } from '../text/normalize.js';
import { DEFAULT_MAX_FILE_MB, MB, readRegularFileSync, readStreamBounded } from '../file-io.js';
import { SystemError } from '../fs-errors.js';
import { parseTranscriptLoading, type ReadOptions } from './parse.js';
import type { Transcript } from './types.js';

/**
 * Read and parse one transcript (`-` = standard input, `stdin()` or the process's): regular files only, at most
 * `maxBytes`; missing or unreadable files become one line naming the reason and the fix. Standard input is asked
 * for only for `-` (Node opens process.stdin on first access, a cost a check of files need not pay).
 */
export async function readTranscriptFile(path: string, opts: ReadOptions = {}, stdin?: () => NodeJS.ReadableStream): Promise<Transcript> {
  const max = opts.maxBytes ?? DEFAULT_MAX_FILE_MB * MB;
  let bytes: Uint8Array;
  try {
    bytes = path === '-' ? await readStreamBounded(stdin !== undefined ? stdin() : process.stdin, max, path) : readRegularFileSync(path, max);
  } catch (e) {
    if (e instanceof KnownError) throw e;
    throw pathError(e, path) ?? new SystemError(e, 'read', path);
  }
  // the spreadsheet library and the JSON reader are loaded only for a spreadsheet or JSON
  return parseTranscriptLoading(bytes, path, opts);
}

/**
 * The two path mistakes people make, with what to do: a folder given to `check` (that is `batch`'s job), and a
 * name that is not there (the folder's files with a close name are offered — typos, missing accents, .csv vs .xlsx).
 */
function pathError(e: unknown, path: string): InputError | null {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EISDIR') {
    return new InputError({ code: 'path-is-folder', args: { path }, file: path });
  }
  if (code !== 'ENOENT') return null;
  const dir = dirname(path);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return new InputError({ code: 'path-folder-missing', args: { dir }, file: path });
  }
  const want = baseKey(basename(path));
  const stem = (n: string) => baseKey(n.replace(/\.[^.]*$/u, ''));
  const close = names
    .filter((n) => !n.startsWith('.'))
    .map((n) => ({ n, d: stem(n) === stem(basename(path)) ? 0 : distance(baseKey(n), want) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(want.length / 4)))
    .sort((a, b) => a.d - b.d || (a.n < b.n ? -1 : 1))
    .slice(0, 3)
    .map((x) => (dir === '.' ? x.n : join(dir, x.n)));
  return new InputError({ code: 'path-missing', args: { close }, file: path });
}
