// Dossier discovery: turns a listing of the batch folder into the sorted list of dossiers to check.

import { METADATA_FILE } from './metadata.js';

/** One entry of the batch folder (or of a dossier sub-folder) as listed by the scanning edge. */
export interface FolderEntry {
  name: string;
  kind: 'file' | 'dir' | 'other';
  /** the entries of a sub-folder (dirs only) */
  children?: FolderEntry[];
  /** why a sub-folder could not be listed (an error code such as EACCES) */
  unreadable?: string;
}

export interface Dossier {
  /** position in the sorted batch: results are written in this order */
  index: number;
  /** folder name, or file name for a lone transcript at the top level; unique within the batch */
  name: string;
  kind: 'folder' | 'file';
  /** transcript files, relative to the batch folder, sorted; several are merged (e.g. a second degree) */
  transcripts: string[];
  /** metadata file relative to the batch folder, or null */
  metadata: string | null;
  /** files and folders inside a dossier folder that are not read (scans, nested folders) */
  ignored: string[];
  /** why the dossier folder could not be listed: the dossier fails with this reason */
  unreadable?: string;
}

const TRANSCRIPT_EXTENSIONS = ['.csv', '.tsv', '.txt', '.json'];

export function isTranscriptFile(name: string): boolean {
  const lower = name.toLowerCase();
  return TRANSCRIPT_EXTENSIONS.some((ext) => lower.endsWith(ext) && lower.length > ext.length);
}

/** Hidden files and Office lock files are never part of a dossier. */
function isNoise(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$');
}

/** Plain code-unit order: the same on every machine and locale, so outputs are byte-identical. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Each sub-folder is one dossier (its transcript files plus an optional `metadata.json`); each transcript file
 * directly in the batch folder is a dossier of its own. A sub-folder with no transcript is still a dossier
 * (it fails later with a reason), so every person the officer filed shows up in the summary.
 */
export function discoverDossiers(entries: readonly FolderEntry[]): Dossier[] {
  const dossiers: Omit<Dossier, 'index'>[] = [];
  for (const entry of [...entries].sort((a, b) => compareNames(a.name, b.name))) {
    if (isNoise(entry.name)) continue;
    if (entry.kind === 'dir') {
      const transcripts: string[] = [];
      const ignored: string[] = [];
      let metadata: string | null = null;
      for (const child of [...(entry.children ?? [])].sort((a, b) => compareNames(a.name, b.name))) {
        if (isNoise(child.name)) continue;
        const rel = `${entry.name}/${child.name}`;
        if (child.kind !== 'file') ignored.push(child.kind === 'dir' ? `${rel}/` : rel);
        else if (child.name.toLowerCase() === METADATA_FILE) metadata = rel;
        else if (isTranscriptFile(child.name)) transcripts.push(rel);
        else ignored.push(rel);
      }
      dossiers.push({
        name: entry.name,
        kind: 'folder',
        transcripts,
        metadata,
        ignored,
        ...(entry.unreadable !== undefined ? { unreadable: entry.unreadable } : {}),
      });
    } else if (entry.kind === 'file' && isTranscriptFile(entry.name) && entry.name.toLowerCase() !== METADATA_FILE) {
      dossiers.push({ name: entry.name, kind: 'file', transcripts: [entry.name], metadata: null, ignored: [] });
    }
  }
  return dossiers.map((d, index) => ({ index, ...d }));
}
