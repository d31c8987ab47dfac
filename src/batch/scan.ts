// File-system edge of discovery: lists the batch folder and its sub-folders (one level deep).

import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import type { FolderEntry } from './discover.js';

async function kindOf(dir: string, ent: { name: string; isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): Promise<FolderEntry['kind']> {
  if (ent.isFile()) return 'file';
  if (ent.isDirectory()) return 'dir';
  if (ent.isSymbolicLink()) {
    // a link to a transcript or a dossier folder counts like the real thing; a dangling link is 'other'
    try {
      const s = await stat(join(dir, ent.name));
      return s.isFile() ? 'file' : s.isDirectory() ? 'dir' : 'other';
    } catch {
      return 'other';
    }
  }
  return 'other';
}

async function list(dir: string): Promise<FolderEntry[]> {
  const ents = await readdir(dir, { withFileTypes: true });
  return Promise.all(ents.map(async (e) => ({ name: e.name, kind: await kindOf(dir, e) })));
}

/** The batch folder's entries, with each sub-folder's entries as children. Throws UsageError when not a folder. */
export async function scanBatchFolder(dir: string, shownAs: string = dir): Promise<FolderEntry[]> {
  let top: FolderEntry[];
  try {
    const s = await stat(dir);
    if (!s.isDirectory()) throw new Error('not a directory');
    top = await list(dir);
  } catch {
    throw new UsageError(
      'not a readable folder; give the folder that holds the dossiers',
      'không phải thư mục đọc được; hãy chỉ ra thư mục chứa các hồ sơ',
      shownAs,
    );
  }
  for (const entry of top) {
    if (entry.kind !== 'dir') continue;
    try {
      entry.children = await list(join(dir, entry.name));
    } catch (e) {
      // an unreadable dossier folder still becomes a dossier; it fails later with this reason
      entry.children = [];
      entry.unreadable = (e as NodeJS.ErrnoException).code ?? String(e);
    }
  }
  return top;
}
