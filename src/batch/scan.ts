// File-system edge of discovery: lists the batch folder, its dossier sub-folders, and folders nested inside those.
//
// A batch lists only the batch folder up front (`scanBatchTop`); each dossier folder is listed by the thread that
// checks it (`listDossier`), so the main thread never holds the listing of a whole archive and the listing work is
// spread over the workers. Synchronous on purpose, like the file reads: one small folder at a time per thread.

import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { SystemError } from '../fs-errors.js';
import { completeDossier, isNoise, type Dossier, type FolderEntry } from './discover.js';

/** How deep folders nested inside a dossier folder are listed (their files are only named in warnings). */
const NESTED_DEPTH = 4;

function kindOf(dir: string, ent: Dirent): FolderEntry['kind'] {
  if (ent.isFile()) return 'file';
  if (ent.isDirectory()) return 'dir';
  if (ent.isSymbolicLink()) {
    // a link to a transcript or a dossier folder counts like the real thing; a dangling link is 'other'
    try {
      const s = statSync(join(dir, ent.name));
      return s.isFile() ? 'file' : s.isDirectory() ? 'dir' : 'other';
    } catch {
      return 'other';
    }
  }
  return 'other';
}

function list(dir: string): FolderEntry[] {
  // a loop, not map: the list has the same kind of array however hot this code is (see read-dossier.ts)
  const out: FolderEntry[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) out.push({ name: e.name, kind: kindOf(dir, e) });
  return out;
}

/** List a sub-folder into `entry.children`, and its own sub-folders `depth - 1` levels further down. */
function listFolder(dir: string, entry: FolderEntry, depth: number): void {
  if (entry.kind !== 'dir' || isNoise(entry.name)) return;
  const path = join(dir, entry.name);
  try {
    entry.children = list(path);
  } catch (e) {
    entry.children = [];
    entry.unreadable = (e as NodeJS.ErrnoException).code ?? String(e);
    return;
  }
  if (depth > 1) for (const child of entry.children) listFolder(path, child, depth - 1);
}

/**
 * The batch folder's entries, one level deep (dossier folders without their children). Throws a one-line
 * UsageError when the path is not a readable folder.
 */
export function scanBatchTop(dir: string, shownAs: string = dir): FolderEntry[] {
  let isDir: boolean;
  let top: FolderEntry[];
  try {
    isDir = statSync(dir).isDirectory();
    top = isDir ? list(dir) : [];
  } catch (e) {
    throw new SystemError(e, 'list', shownAs);
  }
  if (!isDir) {
    throw new UsageError({ code: 'batch-on-file', args: {}, file: shownAs });
  }
  return top;
}

/** An unlisted dossier of the batch folder `root` with its folder listed (the folders nested inside it too). */
export function listDossier(root: string, d: Dossier): Dossier {
  if (!d.unlisted) return d;
  const entry: FolderEntry = { name: d.name, kind: 'dir' };
  listFolder(root, entry, 1 + NESTED_DEPTH);
  return completeDossier(d, entry);
}

/**
 * The batch folder's entries, each dossier sub-folder's entries as children (and, for warnings, the folders nested
 * inside a dossier, up to NESTED_DEPTH). Throws a one-line UsageError when the path is not a readable folder.
 */
export async function scanBatchFolder(dir: string, shownAs: string = dir): Promise<FolderEntry[]> {
  const top = scanBatchTop(dir, shownAs);
  for (const entry of top) listFolder(dir, entry, 1 + NESTED_DEPTH);
  return top;
}
