// Edge: where batch results go — a summary on stdout, or the output folder (summary, reports, statistics, unmatched).

import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readdir, realpath, rename, stat, unlink } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { UsageError } from '../errors.js';
import { csvCellText, type CsvCell } from '../report/csv.js';
import type { Lang } from '../report/messages.js';
import type { Program, RuleSet } from '../rules/types.js';
import { batchMessages } from './messages.js';
import { isTempName, type BatchSink } from './run-batch.js';
import { statisticsCsv, statisticsText } from './statistics.js';
import { summaryColumns, summaryLine, summaryRecord } from './summary.js';
import { addOutcome, batchJsonHead, batchJsonRow, batchJsonTail, createTally, finishTally, type Tally, type TallyResult } from './tally.js';
import type { DossierOutcome } from './types.js';
import { unmatchedCsv } from './unmatched.js';

/** What a summary on stdout can be (the CLI's `--format` choices). */
export type OutputFormat = 'text' | 'json' | 'csv';

export interface OutputSettings {
  ruleSet: RuleSet;
  levels: Program[];
  lang: Lang;
  excel: boolean;
}

/** CSV records as text with the check command's cell rules (numbers stay numbers, formulas escaped, --excel). */
export function csvText(records: CsvCell[][], excel: boolean, bom: boolean): string {
  return stringify(
    records.map((r) => r.map((c) => csvCellText(c, { excel }))),
    { bom, delimiter: excel ? ';' : ',', record_delimiter: excel ? '\r\n' : '\n' },
  );
}

/** A sink that also keeps the running tally every output needs at the end. */
export interface FinishingSink extends BatchSink {
  finish(): Promise<TallyResult>;
}

// ── stdout ────────────────────────────────────────────────────────────────────────────────────────────────

export function stdoutSink(out: { write(s: string): unknown }, format: OutputFormat, s: OutputSettings): FinishingSink {
  const tally = createTally(s.levels);
  let first = true;
  const levelIds = s.levels;
  return {
    write(o) {
      addOutcome(tally, o);
      if (format === 'csv') {
        if (first) out.write(csvText([summaryColumns(levelIds)], s.excel, s.excel));
        out.write(csvText([summaryRecord(o.summary, levelIds)], s.excel, false));
      } else if (format === 'json') {
        if (first) out.write(batchJsonHead(s.ruleSet, s.levels));
        out.write(batchJsonRow(o, first));
      } else {
        out.write(`${summaryLine(o.summary, s.levels, s.lang)}\n`);
      }
      first = false;
    },
    async finish() {
      const r = finishTally(tally, s.ruleSet, s.lang);
      if (format === 'csv') {
        if (first) out.write(csvText([summaryColumns(levelIds)], s.excel, s.excel));
      } else if (format === 'json') {
        if (first) out.write(batchJsonHead(s.ruleSet, s.levels));
        out.write(batchJsonTail(r, !first));
      } else {
        out.write(`\n${totalsLine(r, s.lang)}\n\n${statisticsText(r.statistics, s.lang, batchMessages(s.lang).statisticsTitle)}`);
      }
      return r;
    },
  };
}

function totalsLine(r: TallyResult, lang: Lang): string {
  const c = r.counts;
  return batchMessages(lang).totals({ dossiers: c.dossiers, evaluated: c.evaluated, failed: c.notEvaluated, passed: c.passed });
}

// ── output folder ─────────────────────────────────────────────────────────────────────────────────────────

/** A file written through a temp name in the same folder and renamed into place when complete. */
class AtomicFile {
  private readonly temp: string;
  private readonly stream: WriteStream;
  private failure: Error | null = null;
  constructor(readonly path: string) {
    const dir = resolve(path, '..');
    this.temp = join(dir, `.${path.slice(dir.length + 1)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    this.stream = createWriteStream(this.temp);
    this.stream.on('error', (e) => {
      this.failure = e;
    });
  }
  /** Resolves once the stream can take more, so a fast producer never piles data up in memory. */
  async write(s: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.stream.write(s)) await new Promise<void>((r) => this.stream.once('drain', r));
  }
  async commit(): Promise<void> {
    await new Promise<void>((res, rej) => this.stream.end((e?: Error | null) => (e ? rej(e) : res())));
    if (this.failure) throw this.failure;
    await rename(this.temp, this.path);
  }
  async abort(): Promise<void> {
    // wait for the stream to close (it may still be opening the temp file), so the unlink cannot come first
    if (!this.stream.closed) {
      await new Promise<void>((r) => {
        this.stream.once('close', () => r());
        this.stream.destroy();
      });
    }
    await unlink(this.temp).catch(() => undefined);
  }
}

async function writeAtomic(path: string, data: string): Promise<void> {
  const f = new AtomicFile(path);
  try {
    await f.write(data);
    await f.commit();
  } catch (e) {
    await f.abort();
    throw e;
  }
}

/** Files the batch writes at the top of the output folder. */
export const OUTPUT_FILES = ['summary.csv', 'summary.json', 'statistics.csv', 'statistics.txt', 'unmatched.csv'] as const;
export const REPORTS_DIR = 'reports';

/** A temp file of ours at the top of the output folder: `.summary.csv.<pid>.<8 hex>.tmp` (of process `pid` only, if given). */
function isOurTopTemp(name: string, pid?: number): boolean {
  return name.startsWith('.') && OUTPUT_FILES.some((f) => name.startsWith(`.${f}.`)) && isTempName(name, pid);
}

/** A temp file of ours in reports/: `<dossier>.json.<pid>.<8 hex>.tmp` or `.txt.…`. */
function isOurReportTemp(name: string, pid?: number): boolean {
  return /\.(json|txt)\.\d+\.[0-9a-f]{8}\.tmp$/u.test(name) && isTempName(name, pid);
}

/**
 * Remove the temp files the batch writes through (top-level outputs and reports/) from an output folder: those
 * of process `pid` after an interrupted run, or everyone's stale ones before a new run. Never anything else.
 */
export async function removeTempFiles(outDir: string, pid?: number): Promise<void> {
  const remove = async (dir: string, ours: (name: string) => boolean) => {
    const names = await readdir(dir).catch(() => [] as string[]);
    await Promise.all(names.filter(ours).map((n) => unlink(join(dir, n)).catch(() => undefined)));
  };
  await remove(outDir, (n) => isOurTopTemp(n, pid));
  await remove(join(outDir, REPORTS_DIR), (n) => isOurReportTemp(n, pid));
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

async function realOrResolved(p: string): Promise<string> {
  try {
    return await realpath(p);
  } catch {
    return resolve(p);
  }
}

/**
 * Check and prepare the output folder: it must not be (or lie inside) the input folder; an existing non-empty
 * folder is refused unless `force`, and then only the batch's own files (top-level outputs, reports/) are replaced.
 */
export async function prepareOutDir(outDir: string, inputDir: string, force: boolean): Promise<void> {
  const out = await realOrResolved(outDir);
  const input = await realOrResolved(inputDir);
  if (isInside(out, input)) {
    throw new UsageError(
      `--out ${outDir} is inside the input folder ${inputDir}; choose a folder outside it`,
      `--out ${outDir} nằm trong thư mục hồ sơ ${inputDir}; hãy chọn thư mục khác bên ngoài`,
      outDir,
    );
  }
  let entries: string[] | null = null;
  try {
    const s = await stat(out);
    if (!s.isDirectory()) {
      throw new UsageError(`--out ${outDir} is a file, not a folder`, `--out ${outDir} là một tệp, không phải thư mục`, outDir);
    }
    entries = await readdir(out);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    entries = null;
  }
  if (entries) {
    // temp files left by an interrupted run are ours and never results: they neither count nor stay
    const reports = join(out, REPORTS_DIR);
    const reportFiles = entries.includes(REPORTS_DIR) ? await readdir(reports).catch(() => [] as string[]) : [];
    await removeTempFiles(out);
    const results = entries.filter((f) => !isOurTopTemp(f) && !(f === REPORTS_DIR && reportFiles.every((r) => isOurReportTemp(r))));
    if (results.length > 0) {
      if (!force) {
        throw new UsageError(
          `--out ${outDir} already exists and is not empty; add --force to replace the batch files in it, or choose a new folder`,
          `thư mục --out ${outDir} đã có và không trống; thêm --force để ghi đè kết quả cũ, hoặc chọn thư mục mới`,
          outDir,
        );
      }
      // stale per-dossier reports from an earlier run would sit beside the new ones: remove only those
      await Promise.all(reportFiles.filter((f) => /\.(json|txt)$/u.test(f)).map((f) => unlink(join(reports, f)).catch(() => undefined)));
    }
  }
  try {
    await mkdir(join(out, REPORTS_DIR), { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new UsageError(`cannot create the output folder ${outDir}: ${code}`, `không tạo được thư mục kết quả ${outDir}: ${code}`, outDir);
  }
}

export function outDirSink(outDir: string, s: OutputSettings): FinishingSink & { abort(): Promise<void> } {
  const dir = resolve(outDir);
  const tally: Tally = createTally(s.levels);
  const summaryCsv = new AtomicFile(join(dir, 'summary.csv'));
  const summaryJson = new AtomicFile(join(dir, 'summary.json'));
  let first = true;
  const start = async () => {
    await summaryCsv.write(csvText([summaryColumns(s.levels)], s.excel, s.excel));
    await summaryJson.write(batchJsonHead(s.ruleSet, s.levels));
  };
  return {
    async write(o: DossierOutcome) {
      if (first) await start();
      addOutcome(tally, o);
      await summaryCsv.write(csvText([summaryRecord(o.summary, s.levels)], s.excel, false));
      await summaryJson.write(batchJsonRow(o, first));
      first = false;
    },
    async finish() {
      if (first) await start();
      const r = finishTally(tally, s.ruleSet, s.lang);
      await summaryJson.write(batchJsonTail(r, !first));
      await summaryCsv.commit();
      await summaryJson.commit();
      const stats = statisticsCsv(r.statistics, s.lang);
      await writeAtomic(join(dir, 'statistics.csv'), csvText([stats.header, ...stats.records], s.excel, s.excel));
      await writeAtomic(join(dir, 'statistics.txt'), statisticsText(r.statistics, s.lang, batchMessages(s.lang).statisticsTitle));
      const un = unmatchedCsv(r.unmatched);
      await writeAtomic(join(dir, 'unmatched.csv'), csvText([un.header, ...un.records], s.excel, s.excel));
      return r;
    },
    async abort() {
      await Promise.all([summaryCsv.abort(), summaryJson.abort()]);
    },
  };
}

