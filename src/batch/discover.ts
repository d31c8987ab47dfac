// Dossier discovery: turns a listing of the batch folder into the sorted list of dossiers to check.

import { isDecisionsFile } from '../decisions/schema.js';
import { METADATA_FILE } from './metadata.js';

/** One entry of the batch folder (or of a dossier sub-folder) as listed by the scanning edge. */
export interface FolderEntry {
  name: string;
  kind: 'file' | 'dir' | 'other';
  /** the entries of a sub-folder (dirs only; absent when the folder was not listed, e.g. too deep) */
  children?: FolderEntry[];
  /** why a sub-folder could not be listed (an error code such as EACCES) */
  unreadable?: string;
}

export interface Dossier {
  /** position in the sorted batch: results are written in this order */
  index: number;
  /** folder name, or file name for a file at the top level; unique within the batch */
  name: string;
  /**
   * `folder`: a dossier sub-folder · `file`: a transcript file directly in the batch folder · `unsupported`: a file
   * directly in the batch folder that is not a transcript (an Excel workbook, a scan): it still gets a summary row,
   * with the `unsupported-file` error, so nothing the officer put in the folder vanishes from the summary
   */
  kind: 'folder' | 'file' | 'unsupported';
  /** transcript files, relative to the batch folder, sorted; several are merged (e.g. a second degree) */
  transcripts: string[];
  /** metadata file relative to the batch folder, or null */
  metadata: string | null;
  /** the officer's decisions files (`decisions.csv`, `decisions.json`) relative to the batch folder, if any */
  decisions?: string[];
  /** files inside a dossier folder that are not read (scans, documents; files of nested folders), sorted */
  ignored: string[];
  /**
   * transcript-looking files (.csv, .tsv, .txt, .json, .xlsx…) inside a nested sub-folder of the dossier: NOT read (a
   * nested folder may hold another person's file or an old copy, and merging it could pass one person on another's
   * modules), but warned about loudly, since it may be the person's second-degree transcript
   */
  nested: string[];
  /** why the dossier folder could not be listed: the dossier fails with this reason */
  unreadable?: string;
  /**
   * a dossier folder not listed yet (a batch lists each folder on the thread that checks it, so the list of a large
   * batch stays small): its files are known once `completeDossier` has its entries
   */
  unlisted?: true;
}

const TRANSCRIPT_EXTENSIONS = ['.csv', '.tsv', '.txt', '.json', '.xlsx', '.xlsm', '.xlsb', '.xls', '.ods'];

export function isTranscriptFile(name: string): boolean {
  const lower = name.toLowerCase();
  return TRANSCRIPT_EXTENSIONS.some((ext) => lower.endsWith(ext) && lower.length > ext.length);
}

/** Files the system or an office program leaves beside documents: never part of a dossier, never reported. */
const SYSTEM_FILES = new Set(['thumbs.db', 'ehthumbs.db', 'desktop.ini']);

/** Hidden files, Office lock files (`~$…`) and system files are never part of a dossier. */
export function isNoise(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$') || SYSTEM_FILES.has(name.toLowerCase());
}

// Vietnamese order as officers read it: "Ánh" with the A's and "Đặng" after D, "hồ sơ 2" before "hồ sơ 10".
// The collation is fixed ('vi', numeric) and not the machine's locale; names it calls equal (case, Unicode
// normal forms) fall back to code-unit order, so the order is total and outputs stay byte-identical.
// Built on first use: a plain `check` never sorts names and does not pay for the ICU collator.
let vi: Intl.Collator | undefined;

/** Vietnamese, numeric-aware name order, made total by a code-unit tie-break. */
export function compareNames(a: string, b: string): number {
  vi ??= new Intl.Collator('vi', { numeric: true });
  return vi.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

const sorted = (entries: readonly FolderEntry[] | undefined): FolderEntry[] =>
  [...(entries ?? [])].filter((e) => !isNoise(e.name)).sort((a, b) => compareNames(a.name, b.name));

/** Every file below a nested folder of a dossier, as paths relative to the batch folder (folders not listed end in `/`). */
function nestedFiles(entry: FolderEntry, rel: string, out: { nested: string[]; ignored: string[] }): void {
  if (entry.unreadable !== undefined || entry.children === undefined) {
    out.ignored.push(`${rel}/`);
    return;
  }
  for (const child of sorted(entry.children)) {
    const path = `${rel}/${child.name}`;
    if (child.kind === 'dir') nestedFiles(child, path, out);
    else if (isTranscriptFile(child.name) && child.name.toLowerCase() !== METADATA_FILE) out.nested.push(path);
    else out.ignored.push(path);
  }
}

/**
 * Each sub-folder is one dossier (its transcript files plus an optional `metadata.json`); each transcript file
 * directly in the batch folder is a dossier of its own. A sub-folder with no transcript is still a dossier
 * (it fails later with a reason), and so is any other file directly in the batch folder (it fails with
 * `unsupported-file`), so everything the officer filed shows up in the summary. Hidden and system files are skipped.
 */
export function discoverDossiers(entries: readonly FolderEntry[], skip: ReadonlySet<string> = new Set()): Dossier[] {
  return discover(entries, skip, false);
}

/** No files yet: shared by every unlisted dossier. */
const NONE: string[] = Object.freeze([]) as unknown as string[];

/**
 * The dossiers of a batch folder listed one level deep (`FolderEntry`s without children): as `discoverDossiers`,
 * in the same order, with each dossier folder `unlisted` until `completeDossier` gets its entries.
 */
export function discoverUnlisted(entries: readonly FolderEntry[], skip: ReadonlySet<string> = new Set()): Dossier[] {
  return discover(entries, skip, true);
}

/** An unlisted dossier with its folder's entries (or why they could not be listed): the dossier `discoverDossiers` gives. */
export function completeDossier(d: Dossier, folder: Pick<FolderEntry, 'children' | 'unreadable'>): Dossier {
  if (!d.unlisted) return d;
  return { index: d.index, ...folderDossier({ name: d.name, kind: 'dir', ...folder }) };
}

/** A dossier folder with its entries. */
function folderDossier(entry: FolderEntry): Omit<Dossier, 'index'> {
  const transcripts: string[] = [];
  const found = { nested: [] as string[], ignored: [] as string[] };
  let metadata: string | null = null;
  const decisions: string[] = [];
  for (const child of sorted(entry.children)) {
    const rel = `${entry.name}/${child.name}`;
    if (child.kind === 'dir') nestedFiles(child, rel, found);
    else if (child.name.toLowerCase() === METADATA_FILE) metadata = rel;
    else if (isDecisionsFile(child.name)) decisions.push(rel);
    else if (isTranscriptFile(child.name)) transcripts.push(rel);
    else found.ignored.push(rel);
  }
  return {
    name: entry.name,
    kind: 'folder',
    transcripts,
    metadata,
    ...(decisions.length > 0 ? { decisions } : {}),
    ignored: found.ignored.sort(compareNames),
    nested: found.nested.sort(compareNames),
    ...(entry.unreadable !== undefined ? { unreadable: entry.unreadable } : {}),
  };
}

function discover(entries: readonly FolderEntry[], skip: ReadonlySet<string>, unlisted: boolean): Dossier[] {
  const dossiers: Omit<Dossier, 'index'>[] = [];
  for (const entry of sorted(entries)) {
    if (entry.kind === 'dir') {
      dossiers.push(unlisted ? { name: entry.name, kind: 'folder', transcripts: NONE, metadata: null, ignored: NONE, nested: NONE, unlisted: true } : folderDossier(entry));
    } else if (isDecisionsFile(entry.name) || skip.has(entry.name)) {
      // decisions kept beside the dossiers (or the --decisions file itself) are not a dossier
      continue;
    } else if (isTranscriptFile(entry.name) && entry.name.toLowerCase() !== METADATA_FILE) {
      // a link to nowhere ('other') is kept as a transcript: reading it fails with a reason on its row
      dossiers.push({ name: entry.name, kind: 'file', transcripts: [entry.name], metadata: null, ignored: [], nested: [] });
    } else {
      dossiers.push({ name: entry.name, kind: 'unsupported', transcripts: [], metadata: null, ignored: [], nested: [] });
    }
  }
  return dossiers.map((d, index) => ({ index, ...d }));
}

/** A path of a dossier's file as shown in its warnings: relative to the dossier folder. */
export function inDossier(dossier: Pick<Dossier, 'name' | 'kind'>, path: string): string {
  const prefix = `${dossier.name}/`;
  return dossier.kind === 'folder' && path.startsWith(prefix) ? path.slice(prefix.length) : path;
}
