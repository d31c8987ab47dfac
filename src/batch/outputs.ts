// Edge: where batch results go — a summary on stdout, or the output folder (summary, reports, statistics, unmatched,
// review worklist).

import {
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
  type Dirent,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import type { Lang } from '../lang.js';
import type { Program, RuleSet } from '../rules/types.js';
import { indexHead, indexTail } from './index-html.js';
import { csvText, LINE_FILES, segment, summaryCsvRecord, type LineFile } from './lines.js';
import { batchMessages } from './messages.js';
import { AtomicFile, isTempName, writeFileAtomic } from '../file-io.js';
import { SystemError } from '../fs-errors.js';
import { reportBaseName } from './report-names.js';
import type { BatchSink } from './run-batch.js';
import { statisticsCsv, statisticsText } from './statistics.js';
import { summaryColumns, summaryLine } from './summary.js';
import { addOutcome, batchJsonHead, batchJsonRow, batchJsonTail, createTally, finishTally, type Tally, type TallyResult } from './tally.js';
import type { BatchResult, DossierFileFormat, SummaryRow } from './types.js';
import { memorySheet, SheetWriter } from '../report/xlsx-writer.js';
import { FileSpool, writeWorkbookFile } from '../report/xlsx-file.js';
import { xlsxStyle, type XlsxSheetSpec } from '../report/xlsx-xml.js';
import { reviewPeopleHeader, reviewSheet, statisticsPeopleCsv, statisticsSheet, summaryHeader, summarySheet, unmatchedPeopleCsv } from './workbooks.js';
import { unmatchedCsv } from './unmatched.js';
import { WORKLIST_COLUMNS } from '../decisions/worklist.js';
import { REPORT_EXTENSIONS, type OutputFormat } from '../report/formats.js';


export interface OutputSettings {
  ruleSet: RuleSet;
  levels: Program[];
  lang: Lang;
  excel: boolean;
  /** shown in the footer of index.html */
  toolVersion?: string;
  /** the per-dossier report files written into reports/ (`--reports`); index.html links to the HTML ones */
  reportFiles?: readonly DossierFileFormat[];
}

/** A sink that also keeps the running tally every output needs at the end. */
export interface FinishingSink extends BatchSink {
  finish(): Promise<TallyResult>;
}

// ── stdout ────────────────────────────────────────────────────────────────────────────────────────────────

/** How a summary printed on stdout writes a dossier's row and its ending, per format. */
interface SummaryWriter {
  row(summary: SummaryRow, first: boolean, s: OutputSettings): string;
  /** `first` is still true when no dossier was written */
  end(r: TallyResult, first: boolean, s: OutputSettings): string;
}

/** With --excel the CSV is for a person: the workbook's headers and words in the report's language; else stable ids. */
const summaryCsvHeader = (s: OutputSettings) => (s.excel ? summaryHeader(s.levels, s.lang) : summaryColumns(s.levels));
const csvHead = (s: OutputSettings) => csvText([summaryCsvHeader(s)], s.excel, s.excel);

const SUMMARY_WRITERS: Record<OutputFormat, SummaryWriter> = {
  text: {
    row: (row, _first, s) => `${summaryLine(row, s.levels, s.lang)}\n`,
    end: (r, _first, s) => `\n${totalsLine(r, s.lang)}\n\n${statisticsText(r.statistics, s.lang, batchMessages(s.lang).statisticsTitle)}`,
  },
  json: {
    row: (row, first, s) => `${first ? batchJsonHead(s.ruleSet, s.levels) : ''}${batchJsonRow(row, first)}`,
    end: (r, first, s) => `${first ? batchJsonHead(s.ruleSet, s.levels) : ''}${batchJsonTail(r, !first)}`,
  },
  csv: {
    row: (row, first, s) => `${first ? csvHead(s) : ''}${csvText([summaryCsvRecord(row, s)], s.excel, false)}`,
    end: (_r, first, s) => (first ? csvHead(s) : ''),
  },
};

export function stdoutSink(out: { write(s: string): unknown }, format: OutputFormat, s: OutputSettings): FinishingSink {
  const tally = createTally(s.levels, s.ruleSet.statistics);
  const writer = SUMMARY_WRITERS[format];
  let first = true;
  return {
    write(o) {
      if (!('summary' in o)) throw new Error('a summary on stdout needs each dossier\'s summary row');
      addOutcome(tally, o);
      out.write(writer.row(o.summary, first, s));
      first = false;
    },
    async finish() {
      const r = finishTally(tally, s.ruleSet, s.lang);
      const end = writer.end(r, first, s);
      if (end !== '') out.write(end);
      return r;
    },
  };
}

function totalsLine(r: TallyResult, lang: Lang): string {
  const c = r.counts;
  return batchMessages(lang).totals({ dossiers: c.dossiers, evaluated: c.evaluated, failed: c.notEvaluated, passed: c.passed });
}

// ── output folder ─────────────────────────────────────────────────────────────────────────────────────────

/** Files the batch writes at the top of the output folder. */
const OUTPUT_FILES = ['summary.csv', 'summary.json', 'summary.xlsx', 'index.html', 'reports.jsonl', 'statistics.csv', 'statistics.txt', 'statistics.xlsx', 'unmatched.csv', 'review.csv', 'review.xlsx'] as const;
const REPORTS_DIR = 'reports';
/** The list of files this tool wrote into the folder: `--force` replaces or removes those, never anything else. */
const MANIFEST_FILE = '.llct-manifest.json';
/** One batch at a time per output folder: the owner's pid, so a lock left by a killed run is known as stale. */
const LOCK_FILE = '.llct-lock.json';
const STAGING = /^\.llct-staging-\d+$/u;

interface Manifest {
  tool: 'llct';
  files: string[];
}

function readManifest(dir: string): Set<string> {
  try {
    const m = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as Partial<Manifest>;
    if (m.tool === 'llct' && Array.isArray(m.files)) {
      // only plain relative names of ours: a hand-edited manifest cannot point outside the folder
      return new Set(m.files.filter((f): f is string => typeof f === 'string' && /^(?:reports\/)?[^/]+$/u.test(f) && !f.includes('..')));
    }
  } catch {
    // no manifest (a new folder, or one this tool never wrote): nothing in it is ours
  }
  return new Set();
}

function writeManifest(dir: string, files: Iterable<string>): void {
  const m: Manifest = { tool: 'llct', files: [...files].sort() };
  writeFileAtomic(join(dir, MANIFEST_FILE), `${JSON.stringify(m, null, 1)}\n`);
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The real path of `p`, resolving the links of its nearest existing parent (the rest does not exist yet). */
function realPathOfNearest(p: string): string {
  const abs = resolve(p);
  const missing: string[] = [];
  let at = abs;
  for (;;) {
    try {
      return join(realpathSync(at), ...missing.reverse());
    } catch {
      const up = dirname(at);
      if (up === at) return abs;
      missing.push(basename(at));
      at = up;
    }
  }
}

/** Whether process `pid` is alive (a lock's owner). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface LockInfo {
  pid: number;
  started: string;
}

/** Take the folder's lock; a stale lock (its owner was killed) is replaced and reported through `onStale`. */
function takeLock(dir: string, shownAs: string, onStale: (pid: number) => void): void {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o644);
      try {
        writeSync(fd, JSON.stringify({ pid: process.pid, started: new Date().toISOString() } satisfies LockInfo));
      } catch (e) {
        // a disk too full for the lock itself: leave nothing behind
        closeSync(fd);
        rmSync(path, { force: true });
        throw e;
      }
      closeSync(fd);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new SystemError(e, 'write', shownAs);
    }
    let owner: Partial<LockInfo> = {};
    try {
      owner = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockInfo>;
    } catch {
      // unreadable or half-written: judged by its pid below (none → stale)
    }
    const pid = typeof owner.pid === 'number' ? owner.pid : 0;
    if (pid > 0 && alive(pid)) {
      throw new UsageError({ code: 'out-locked', args: { pid, started: owner.started ?? '?', out: shownAs }, file: shownAs });
    }
    onStale(pid);
    rmSync(path, { force: true });
  }
  throw new UsageError({ code: 'out-lock-failed', args: { out: shownAs }, file: shownAs });
}

/** An output folder opened for one batch: outputs go to a private staging folder, published only at the end. */
export interface OutDir {
  /** where the workers write the per-dossier report files (inside the staging folder), or null without `--reports` */
  reportsDir: string | null;
  sink: FinishingSink;
  /** move every output into place, remove the earlier outputs this run did not rewrite, update the manifest */
  publish(): void;
  /** drop the staging folder (interrupted, or failed): the folder keeps its earlier outputs as they were */
  discard(): void;
  release(): void;
}

/**
 * Check and open the output folder for a batch. Refused when it is, lies inside, or holds the input folder (real
 * paths, links resolved), when another batch holds its lock, when it has results and `force` is not given, and
 * when one of the files this batch writes exists but was not written by this tool (not in its manifest).
 */
export function openOutDir(
  outDir: string,
  shownAs: string,
  inputDir: string,
  force: boolean,
  dossierNames: readonly string[],
  s: OutputSettings,
  onStaleLock: (pid: number) => void = () => undefined,
): OutDir {
  const out = realPathOfNearest(outDir);
  const input = realPathOfNearest(inputDir);
  if (isInside(out, input)) {
    throw new UsageError({ code: 'out-inside-input', args: { out: shownAs }, file: shownAs });
  }
  if (isInside(input, out)) {
    throw new UsageError({ code: 'out-holds-input', args: { out: shownAs }, file: shownAs });
  }
  try {
    if (!statSync(out).isDirectory()) {
      throw new UsageError({ code: 'out-is-file', args: { out: shownAs }, file: shownAs });
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    try {
      mkdirSync(out, { recursive: true });
    } catch (e2) {
      throw new SystemError(e2, 'create', shownAs);
    }
  }
  takeLock(out, shownAs, onStaleLock);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    try {
      const owner = JSON.parse(readFileSync(join(out, LOCK_FILE), 'utf8')) as Partial<LockInfo>;
      if (owner.pid === process.pid) unlinkSync(join(out, LOCK_FILE));
    } catch {
      // gone already
    }
  };
  try {
    return openLocked(out, shownAs, force, dossierNames, s, release);
  } catch (e) {
    release();
    throw e;
  }
}

function openLocked(
  out: string,
  shownAs: string,
  force: boolean,
  dossierNames: readonly string[],
  s: OutputSettings,
  release: () => void,
): OutDir {
  const list = (dir: string): Dirent[] => {
    try {
      return readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      throw new SystemError(e, 'list', dir === out ? shownAs : join(shownAs, REPORTS_DIR));
    }
  };
  // we hold the lock: staging folders and temp files left here belong to runs that were killed
  for (const e of list(out)) {
    if (e.isDirectory() && STAGING.test(e.name)) rmSync(join(out, e.name), { recursive: true, force: true });
    else if (e.isFile() && isTempName(e.name)) rmSync(join(out, e.name), { force: true });
  }
  const ours = readManifest(out);
  const present: { rel: string; file: boolean }[] = [];
  for (const e of list(out)) {
    if (e.name === LOCK_FILE || e.name === MANIFEST_FILE) continue;
    if (e.name === REPORTS_DIR && e.isDirectory()) {
      for (const r of list(join(out, REPORTS_DIR))) present.push({ rel: `${REPORTS_DIR}/${r.name}`, file: r.isFile() });
    } else present.push({ rel: e.name, file: e.isFile() });
  }
  if (present.length > 0 && !force) {
    throw new UsageError({ code: 'out-not-empty', args: { out: shownAs }, file: shownAs });
  }
  const planned = new Set<string>(OUTPUT_FILES);
  const reportFiles = s.reportFiles ?? [];
  for (const d of dossierNames) {
    const base = `${REPORTS_DIR}/${reportBaseName(d)}`;
    for (const f of reportFiles) planned.add(`${base}.${REPORT_EXTENSIONS[f]}`);
  }
  const blocking = present.find((p) => (planned.has(p.rel) || p.rel === REPORTS_DIR) && !(p.file && ours.has(p.rel)));
  if (blocking) {
    throw new UsageError({ code: 'out-foreign-file', args: { rel: blocking.rel, out: shownAs, manifest: MANIFEST_FILE }, file: shownAs });
  }

  const staging = join(out, `.llct-staging-${process.pid}`);
  const reportsDir = reportFiles.length > 0 ? join(staging, REPORTS_DIR) : null;
  try {
    mkdirSync(reportsDir ?? staging, { recursive: true });
  } catch (e) {
    throw new SystemError(e, 'create', shownAs);
  }
  const discard = () => rmSync(staging, { recursive: true, force: true });

  const publish = () => {
    // the manifest names every file before it lands, so a run killed half-way can still be cleaned up by --force
    writeManifest(out, new Set([...ours, ...planned]));
    try {
      if (reportsDir !== null) publishReports(reportsDir, join(out, REPORTS_DIR));
      for (const f of OUTPUT_FILES) renameSync(join(staging, f), join(out, f));
    } catch (e) {
      throw new SystemError(e, 'write', shownAs);
    }
    // earlier outputs this run did not write again (dossiers since removed): ours, so they go
    for (const rel of ours) {
      if (planned.has(rel)) continue;
      const path = join(out, rel);
      try {
        if (lstatSync(path).isFile()) unlinkSync(path);
      } catch {
        // already gone
      }
    }
    // a reports/ folder that held only our files, none of them written again: ours too
    if (reportsDir === null && [...ours].some((rel) => rel.startsWith(`${REPORTS_DIR}/`))) {
      try {
        rmdirSync(join(out, REPORTS_DIR));
      } catch {
        // not empty (the user's files stay), or gone
      }
    }
    writeManifest(out, planned);
    discard();
  };

  return { reportsDir, sink: stagingSink(staging, shownAs, s), publish, discard, release };
}

/**
 * Move the staged per-dossier files into reports/: the whole folder in one rename when there is none yet, else
 * file by file (an earlier run's reports, or the user's own files, are there).
 */
function publishReports(staged: string, target: string): void {
  let exists = true;
  try {
    lstatSync(target);
  } catch {
    exists = false;
  }
  if (!exists) {
    renameSync(staged, target);
    return;
  }
  for (const r of readdirSync(staged)) renameSync(join(staged, r), join(target, r));
}

/** The summary, statistics, unmatched, index and reports.jsonl files, written into the staging folder. */
function stagingSink(dir: string, shownAs: string, s: OutputSettings): FinishingSink {
  const tally: Tally = createTally(s.levels, s.ruleSet.statistics);
  const file = (name: string) => new AtomicFile(join(dir, name), join(shownAs, name));
  /** the files a dossier's lines go to (LINE_FILES), opened with the first dossier */
  let streamed: Record<LineFile, AtomicFile> | null = null;
  // the workbooks' rows are compressed into spool files in the staging folder as they come; the zip is made at the end
  const style = xlsxStyle(s.lang);
  const sheet = (spec: XlsxSheetSpec, name: string) => new SheetWriter(spec, style, new FileSpool(join(dir, `${name}.rows`), join(shownAs, name)));
  let summaryBook: SheetWriter | null = null;
  let reviewBook: SheetWriter | null = null;
  const linked = (s.reportFiles ?? []).includes('html');
  const start = (): Record<LineFile, AtomicFile> => {
    const f = Object.fromEntries(LINE_FILES.map((name) => [name, file(name)])) as Record<LineFile, AtomicFile>;
    summaryBook = sheet(summarySheet(s.levels, s.lang), 'summary.xlsx');
    reviewBook = sheet(reviewSheet(s.lang), 'review.xlsx');
    f['summary.csv'].write(csvHead(s));
    f['summary.json'].write(batchJsonHead(s.ruleSet, s.levels));
    // the worklist is filled in a spreadsheet: always the form Vietnamese Excel opens (BOM, ';', CRLF)
    f['review.csv'].write(csvText([s.excel ? reviewPeopleHeader(s.lang) : [...WORKLIST_COLUMNS]], true, true));
    f['index.html'].write(indexHead(s.ruleSet, s.levels, s.lang, s.toolVersion, linked));
    return f;
  };
  let first = true;
  return {
    write(o: BatchResult) {
      // the lines come rendered from where the dossier was evaluated (a worker, or here when its worker died)
      if (!('lines' in o)) throw new Error('an output folder needs each dossier\'s rendered lines');
      const f = (streamed ??= start());
      addOutcome(tally, o);
      LINE_FILES.forEach((name, i) => {
        const text = segment(o.lines, i);
        if (text === '') return;
        // summary.json's entries are one array: a comma before every entry but the first
        if (name === 'summary.json' && !first) f[name].write(',\n');
        f[name].write(text);
      });
      summaryBook!.addRendered(o.sheetRows.summary);
      for (const row of o.sheetRows.review) reviewBook!.addRendered(row);
      first = false;
    },
    async finish() {
      const f = (streamed ??= start());
      const r = finishTally(tally, s.ruleSet, s.lang);
      f['summary.json'].write(batchJsonTail(r, !first));
      f['index.html'].write(indexTail(r, s.lang));
      for (const name of LINE_FILES) f[name].commit();
      const stats = s.excel ? statisticsPeopleCsv(r.statistics, s.lang) : statisticsCsv(r.statistics, s.lang);
      writeFileAtomic(join(dir, 'statistics.csv'), csvText([stats.header, ...stats.records], s.excel, s.excel), join(shownAs, 'statistics.csv'));
      writeFileAtomic(join(dir, 'statistics.txt'), statisticsText(r.statistics, s.lang, batchMessages(s.lang).statisticsTitle), join(shownAs, 'statistics.txt'));
      const un = s.excel ? unmatchedPeopleCsv(r.unmatched, s.lang) : unmatchedCsv(r.unmatched);
      writeFileAtomic(join(dir, 'unmatched.csv'), csvText([un.header, ...un.records], s.excel, s.excel), join(shownAs, 'unmatched.csv'));
      const book = (name: string, w: SheetWriter) => writeWorkbookFile(join(dir, name), join(shownAs, name), [w], style);
      book('summary.xlsx', summaryBook!);
      book('statistics.xlsx', memorySheet(statisticsSheet(r.statistics, s.lang), style));
      book('review.xlsx', reviewBook!);
      return r;
    },
  };
}
