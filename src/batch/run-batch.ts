// Runs a batch: evaluates dossiers on worker threads (or in-process for one job) and hands the outcomes to a sink
// in batch order, holding only the results that arrive early, so memory stays flat however large the folder.

import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import type { Dossier } from './discover.js';
import { KnownError } from '../errors.js';
import { DEFAULT_MAX_FILE_MB, MB } from '../file-io.js';
import { SystemError, WORKER_DIED } from '../fs-errors.js';
import { wordFinding, type Finding } from '../findings/words.js';
import { evaluateDossier, failedOutcome, internalError, loadFileRenderers, type EvaluateContext } from './evaluate.js';
import { isSpreadsheetBytes, loadSpreadsheetLibrary } from '../transcript/spreadsheet.js';
import { readDossierFiles } from './read-dossier.js';
import { listDossier } from './scan.js';
import { reportBaseName } from './report-names.js';
import type { RuleCache } from '../rules/cache.js';
import { REPORT_EXTENSIONS } from '../report/formats.js';
import type { BatchResult, DossierFileFormat, DossierOutcome } from './types.js';
import { batchLevels } from './summary.js';
import { packLines, renderLines, renderSheetRows, type LineSettings } from './lines.js';

export interface Progress {
  done: number;
  total: number;
  elapsedMs: number;
  /** dossiers per second so far */
  rate: number;
  /** estimated milliseconds left, or null until the estimate means something (see `etaMs`) */
  etaMs: number | null;
}

/** An estimate needs this much history: start-up (workers, rule set) dominates the first dossiers. */
const ETA_MIN_ELAPSED_MS = 3000;
const ETA_MIN_DONE_SHARE = 0.05;

/**
 * Milliseconds left at the current rate, or null while the estimate would mislead: before ETA_MIN_ELAPSED_MS
 * and before ETA_MIN_DONE_SHARE of the dossiers (at least 5) are done, and when nothing is left.
 */
export function etaMs(done: number, total: number, elapsedMs: number): number | null {
  if (done >= total || done === 0) return null;
  if (elapsedMs < ETA_MIN_ELAPSED_MS || done < Math.max(5, total * ETA_MIN_DONE_SHARE)) return null;
  return ((total - done) * elapsedMs) / done;
}

/** Where results go, one at a time and in batch order. */
export interface BatchSink {
  write(result: BatchResult): Promise<void> | void;
}

export interface RunBatchOptions {
  /** the batch folder (dossier paths are relative to it) */
  root: string;
  /** where the per-dossier report files go (`--out DIR/reports` with `--reports`), or null */
  reportsDir: string | null;
  dossiers: readonly Dossier[];
  context: EvaluateContext;
  jobs: number;
  sink: BatchSink;
  onProgress?: (p: Progress) => void;
  /** the clock used for progress only (milliseconds); results never depend on it */
  now?: () => number;
  /** aborting it (Ctrl-C) stops the batch: no more dossiers are sent, workers are stopped, BatchInterrupted is thrown */
  signal?: AbortSignal;
  /** the compiled rule-set cache the workers load the rule set from (absent: they compile it) */
  ruleCache?: RuleCache | undefined;
  /** render each dossier's lines of the output folder's streamed files where it is evaluated (with --out) */
  lines?: LineOptions | undefined;
}

/** How the lines are rendered: the batch's settings less the levels, which each thread takes from its rule set. */
export type LineOptions = Omit<LineSettings, 'levels'>;

/** Thrown by runBatch when its signal is aborted; the caller discards the partial outputs. */
export class BatchInterrupted extends Error {
  constructor() {
    super('the batch was interrupted');
    this.name = 'BatchInterrupted';
  }
}

export interface BatchTotals {
  dossiers: number;
  /** dossiers that could not be evaluated (summary row with an error) */
  failed: number;
}

/** What a worker needs to rebuild the evaluation context: everything but the rule set, which it loads itself. */
export interface WorkerSetup {
  rulesDir: string;
  ruleCache?: RuleCache | undefined;
  root: string;
  reportsDir: string | null;
  context: Omit<EvaluateContext, 'ruleSet'>;
  lines?: LineOptions | undefined;
}

/** What one worker is given: its setup, and where it says which dossier it is on (see `WorkerRequest`). */
export interface WorkerData extends WorkerSetup {
  /** one Int32 in memory shared with the main thread: the index of the dossier being checked, or NOT_ON_A_DOSSIER */
  on: Int32Array;
}

export const NOT_ON_A_DOSSIER = -1;

/**
 * A chunk of dossiers, checked in order and answered in one reply: one message each way per chunk instead of per
 * dossier. The worker writes the index of each dossier into `WorkerData.on` as it starts it and clears it once the
 * reply is posted, so if it dies the main thread still knows which dossier it was on (the others are sent again).
 */
export type WorkerRequest = { dossiers: Dossier[] };
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'results'; results: BatchResult[] }
  /** the batch cannot go on (rules do not load, the output disk is full…); `known` is a known error's finding */
  | { type: 'fatal'; message: string; stack?: string; known?: Finding };

/** A known error rebuilt on the main thread from a worker's reply: the same one line as if thrown there. */
class WorkerKnownError extends KnownError {
  readonly kind = 'system' as const;
}

/** What a worker sends when the batch cannot go on. */
export function fatalReply(e: unknown): WorkerReply {
  if (e instanceof KnownError) {
    // the line names the file, not the place (as it always has from a worker)
    const { place: _place, ...known } = e.finding;
    return { type: 'fatal', message: e.message, known: known as Finding };
  }
  return { type: 'fatal', message: e instanceof Error ? e.message : String(e), ...(e instanceof Error && e.stack ? { stack: e.stack } : {}) };
}

/**
 * Dossiers in flight per worker: enough that a worker never waits for the main thread (which shares the cores and
 * may be off one for a few milliseconds), few enough to keep memory flat.
 */
const PER_WORKER = 24;
/**
 * Dossiers per request (and so per reply). Each message costs both threads a wake-up and its own bookkeeping; 8 make
 * those costs small beside the dossiers' and still leave each worker two more chunks queued.
 */
const CHUNK = 8;

/**
 * Write a dossier's per-dossier report files (`--reports`) into the (private, staging) reports folder: plain writes,
 * since the folder is published by renames only once the whole batch is done. A failure is not the dossier's fault:
 * it propagates (in the tool's words) and stops the batch.
 */
function writeReports(reportsDir: string, outcome: DossierOutcome, dossier: Dossier, formats: readonly DossierFileFormat[]): void {
  const base = join(reportsDir, reportBaseName(dossier.name));
  for (const format of formats) {
    const data = outcome.reports[format];
    if (data === undefined) continue;
    const path = `${base}.${REPORT_EXTENSIONS[format]}`;
    try {
      writeFileSync(path, data);
    } catch (e) {
      throw new SystemError(e, 'write', path);
    }
  }
}

/**
 * What crosses back to the writer (see BatchResult): with `lines`, the dossier's lines of the streamed files packed
 * into one string (its JSON record among them) and its workbook rows; else its summary row. Never the text or HTML,
 * written where rendered.
 */
function finishOutcome(o: DossierOutcome, lines: LineSettings | null): BatchResult {
  const head = {
    index: o.index,
    failed: o.summary.error !== null,
    nested: o.summary.warnings.some((w) => w.code === 'nested-transcripts'),
    stats: o.stats,
    unmatched: o.unmatched,
  };
  return lines === null ? { ...head, summary: o.summary } : { ...head, lines: packLines(renderLines(o, lines)), sheetRows: renderSheetRows(o, lines) };
}

/** The line settings of a thread: the options, with the levels from its rule set. */
export function lineSettings(lines: LineOptions | undefined, context: EvaluateContext): LineSettings | null {
  return lines ? { ...lines, levels: batchLevels(context.ruleSet, context.check.programs) } : null;
}

/**
 * Read, evaluate and (with --out) write one dossier's report files, wherever it runs (a worker or the main
 * thread): the reports are independent files, so writing them here spreads the work and keeps the big strings
 * off the message channel.
 */
export async function processDossier(
  root: string,
  dossier: Dossier,
  context: EvaluateContext,
  reportsDir: string | null,
  lines: LineSettings | null = null,
): Promise<BatchResult> {
  let outcome: DossierOutcome;
  try {
    // the dossier's folder is listed here, on the thread that checks it (a folder that cannot be listed is the
    // dossier's own error, set by listDossier; anything else thrown is an internal error on its row)
    dossier = listDossier(root, dossier);
    const files = readDossierFiles(root, dossier, context.read.maxBytes ?? DEFAULT_MAX_FILE_MB * MB);
    // the spreadsheet library is loaded (once) only when a dossier holds a workbook
    if (files.transcripts.some((f) => 'bytes' in f && isSpreadsheetBytes(f.bytes))) await loadSpreadsheetLibrary();
    await loadFileRenderers(context.files);
    outcome = evaluateDossier(files, context);
  } catch (e) {
    outcome = failedOutcome(dossier, internalError(e), context);
  }
  if (reportsDir) writeReports(reportsDir, outcome, dossier, context.files ?? []);
  return finishOutcome(outcome, lines);
}

/** The row of a dossier whose worker died under it (out of memory…): written by the main thread. */
function workerDiedOutcome(unlisted: Dossier, options: RunBatchOptions): BatchResult {
  const dossier = listDossier(options.root, unlisted);
  const finding = { code: 'worker-died', args: { dossier: dossier.name } } as const;
  const error = { code: 'worker-died' as const, message: { vi: wordFinding(finding, 'vi'), en: wordFinding(finding, 'en') } };
  const outcome = failedOutcome(dossier, error, options.context);
  if (options.reportsDir) writeReports(options.reportsDir, outcome, dossier, options.context.files ?? []);
  return finishOutcome(outcome, lineSettings(options.lines, options.context));
}

function workerFile(): URL | null {
  // beside this code: dist/batch/worker.js for the compiled modules, dist/bundle/worker.js for the bundle (one file
  // to load instead of a hundred modules, sharing the bundle's chunks)
  const url = new URL('./worker.js', import.meta.url);
  // running from the TypeScript sources (tests) there is no compiled worker: evaluate in-process instead
  return existsSync(fileURLToPath(url)) ? url : null;
}

export async function runBatch(options: RunBatchOptions): Promise<BatchTotals> {
  // the main thread renders the files of a dossier whose worker died
  await loadFileRenderers(options.context.files);
  const now = options.now ?? (() => performance.now());
  const start = now();
  const total = options.dossiers.length;
  let done = 0;
  let failed = 0;
  const deliver = async (result: BatchResult): Promise<void> => {
    if (result.failed) failed++;
    await options.sink.write(result);
    done++;
    if (options.onProgress) {
      const elapsedMs = now() - start;
      const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
      options.onProgress({ done, total, elapsedMs, rate, etaMs: etaMs(done, total, elapsedMs) });
    }
  };

  // always on workers when they exist, even with --jobs 1: the main thread stays free to hear Ctrl-C at once
  const url = workerFile();
  if (!url) {
    const signal = options.signal;
    const lines = lineSettings(options.lines, options.context);
    for (const dossier of options.dossiers) {
      if (signal) {
        // evaluation is synchronous: let a pending Ctrl-C (or any event) in between dossiers
        await new Promise<void>((r) => setImmediate(r));
        if (signal.aborted) throw new BatchInterrupted();
      }
      await deliver(await processDossier(options.root, dossier, options.context, options.reportsDir, lines));
    }
  } else {
    await runOnWorkers(url, Math.min(options.jobs, total), options, deliver);
  }
  return { dossiers: total, failed };
}

/** Heap of one worker (MB); a dossier that needs more kills only its worker. Tests lower it with LLCT_WORKER_HEAP_MB. */
function workerHeapMb(): number {
  const v = Number(process.env.LLCT_WORKER_HEAP_MB);
  return Number.isInteger(v) && v >= 8 ? v : 2048;
}

/** A worker that died this many times in a row without holding a dossier means something else is wrong. */
const MAX_IDLE_DEATHS = 3;

/**
 * Memory that does not grow with the batch. Both kinds of thread allocate a lot of short-lived text, and V8 sizes
 * their heaps by how long they have run: peak memory grew 28% from 10,000 to 40,000 dossiers though nothing live
 * grew (measured on a quiet machine with `npm run bench`). So:
 * - a worker's young generation is capped at WORKER_YOUNG_MB: it reaches that size within the first dossiers
 *   instead of doubling late in a long batch (it also costs less CPU: the objects of a dossier die young, and a
 *   small nursery stays in the processor's caches);
 * - a heap may grow to 1.5 times what it held after a full collection (V8 allows up to 4 times): set before the
 *   workers start, since V8 reads it when a heap is set up and at each collection;
 * - the main thread, which only passes text from the workers to the files, runs a full collection every
 *   COLLECT_EVERY dossiers: its old generation otherwise filled with that text, dead, until V8's first full
 *   collection, late in a long batch;
 * - so does each worker every WORKER_COLLECT_EVERY dossiers it checks: between V8's own full collections its old
 *   generation kept growing by a few MB over a long batch (+9.6% peak memory from 10,000 to 40,000 dossiers
 *   without it, +5.7% with it; a collection of a worker's ~20 MB heap takes a few ms).
 */
const WORKER_YOUNG_MB = 12;
const COLLECT_EVERY = 4096;
export const WORKER_COLLECT_EVERY = 2048;

/**
 * V8's settings for the batch's threads, set before the workers start (V8 reads them when a thread's heap and
 * compiler are set up): the heap growth bound above, and a smaller inlining budget for the optimising compiler.
 * Each worker optimises the check's code on its own, and at 10,000 dossiers that compiling was about 40% of a
 * worker's CPU (its background threads, measured per thread from /proc). With at most 150 bytes of bytecode inlined
 * per function (V8's default: 920) the optimised code compiles faster: a worker's first 2,000 dossiers take 10% fewer
 * instructions (callgrind), a 10,000-dossier batch about 4% less CPU (median of four runs each, alternated on a
 * quiet machine), and 40,000 dossiers run as fast as without it (the code is no slower once compiled).
 */
const INLINE_BUDGET = 150;

function tuneV8(): void {
  setFlagsFromString('--heap-growing-percent=50');
  setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINE_BUDGET}`);
}

/**
 * A thread's full garbage collection (V8's `gc`), or a no-op where it cannot be had. The main thread makes it
 * available (`expose`) before the workers start, since V8's flags are the whole process's; a worker only picks it up.
 */
export function fullCollector(expose: boolean): () => void {
  try {
    if (expose) setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    if (typeof gc === 'function') return gc as () => void;
  } catch {
    // not available: V8 collects on its own schedule
  }
  return () => undefined;
}

async function runOnWorkers(
  url: URL,
  jobs: number,
  options: RunBatchOptions,
  deliver: (o: BatchResult) => Promise<void>,
): Promise<void> {
  const { ruleSet, ...context } = options.context;
  const setup: WorkerSetup = { rulesDir: ruleSet.dir, ruleCache: options.ruleCache, root: options.root, reportsDir: options.reportsDir, context, lines: options.lines };
  const dossiers = options.dossiers;
  const total = dossiers.length;
  const early = new Map<number, BatchResult>();
  /** per worker slot: the dossiers sent and not yet answered, oldest first (a worker works through them in order) */
  const inFlight: number[][] = Array.from({ length: jobs }, () => []);
  /** dossiers sent to a worker that died before answering for them (not the one it died on): sent again first */
  const resend: number[] = [];
  let fatal: Error | null = null;
  let idleDeaths = 0;
  let wake: (() => void) | null = null;
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };

  let nextToSend = 0;
  let nextToWrite = 0;
  // never run further ahead of the writer than this: bounds the outcomes held while one dossier is slow
  const window = jobs * PER_WORKER * 2;
  const dispatch = () => {
    if (options.signal?.aborted || fatal) return;
    for (;;) {
      let best = 0;
      for (let w = 1; w < jobs; w++) if (inFlight[w]!.length < inFlight[best]!.length) best = w;
      const queued = inFlight[best]!.length;
      // the dossiers that may go now: those sent again first, then new ones within the window
      const ready = resend.length + Math.max(0, Math.min(total, nextToWrite + window) - nextToSend);
      // a full chunk, or the worker's share of the last ones (no worker idles at the end of a small batch)
      const size = Math.min(CHUNK, PER_WORKER - queued, Math.ceil(ready / jobs));
      // a short chunk only to a worker about to run dry: otherwise wait for more (fewer messages)
      if (size <= 0 || (size < CHUNK && queued >= CHUNK)) return;
      const chunk: Dossier[] = [];
      while (chunk.length < size) {
        const index = resend.length > 0 ? resend.shift()! : nextToSend++;
        inFlight[best]!.push(index);
        chunk.push(dossiers[index]!);
      }
      const request: WorkerRequest = { dossiers: chunk };
      workers[best]!.postMessage(request);
    }
  };

  const workers: Worker[] = [];
  const start = (slot: number): Worker => {
    const on = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)).fill(NOT_ON_A_DOSSIER);
    const workerData: WorkerData = { ...setup, on };
    const worker = new Worker(url, { workerData, resourceLimits: { maxOldGenerationSizeMb: workerHeapMb(), maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
    let stopping = false;
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'results') {
        const queue = inFlight[slot]!;
        for (const result of reply.results) {
          queue.splice(queue.indexOf(result.index), 1);
          early.set(result.index, result);
        }
        idleDeaths = 0;
        // keep every worker busy even while the writer waits for an earlier dossier
        dispatch();
      } else if (reply.type === 'fatal') {
        stopping = true;
        fatal = reply.known
          ? new WorkerKnownError(reply.known)
          : Object.assign(new Error(reply.message), reply.stack ? { stack: reply.stack } : {});
      }
      signal();
    });
    // an uncaught error is followed by 'exit': the dossiers are accounted for there
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      if (stopping || finished || fatal || workers[slot] !== worker) return;
      // the dossier the worker was on gets its error row, or, if it died between dossiers (starting up, say), the
      // next one it would have checked; the others it held go again, those it had checked too (their reply was lost)
      const queue = inFlight[slot]!.splice(0);
      const at = queue.indexOf(Atomics.load(on, 0));
      const culprit = at >= 0 ? queue.splice(at, 1)[0] : queue.shift();
      if (culprit === undefined) {
        if (++idleDeaths > MAX_IDLE_DEATHS) fatal = new SystemError(WORKER_DIED, 'read', options.root);
      } else {
        try {
          early.set(culprit, workerDiedOutcome(dossiers[culprit]!, options));
        } catch (e) {
          fatal = e instanceof Error ? e : new Error(String(e));
        }
      }
      resend.unshift(...queue);
      if (!fatal) {
        workers[slot] = start(slot);
        dispatch();
      }
      signal();
    });
    return worker;
  };
  let finished = false;
  tuneV8();
  const collect = fullCollector(true);
  for (let w = 0; w < jobs; w++) workers.push(start(w));

  const onAbort = () => signal();
  options.signal?.addEventListener('abort', onAbort);
  try {
    dispatch();
    while (nextToWrite < total) {
      if (options.signal?.aborted) throw new BatchInterrupted();
      const outcome = early.get(nextToWrite);
      if (outcome) {
        early.delete(nextToWrite);
        nextToWrite++;
        dispatch();
        await deliver(outcome);
        if (nextToWrite % COLLECT_EVERY === 0) collect();
        continue;
      }
      if (fatal) throw fatal;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    finished = true;
    options.signal?.removeEventListener('abort', onAbort);
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
