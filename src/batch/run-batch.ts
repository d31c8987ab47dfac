// Runs a batch: evaluates dossiers on worker threads (or in-process for one job) and hands the outcomes to a sink
// in batch order, holding only the results that arrive early, so memory stays flat however large the folder.

import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Dossier } from './discover.js';
import { evaluateDossier, reportHead, type EvaluateContext } from './evaluate.js';
import { batchMessages } from './messages.js';
import { readDossierFiles } from './read-dossier.js';
import { buildSummaryRow, statsEntry } from './summary.js';
import type { DossierOutcome } from './types.js';

export interface Progress {
  done: number;
  total: number;
  elapsedMs: number;
  /** dossiers per second so far */
  rate: number;
  /** estimated milliseconds left, or null before the first result */
  etaMs: number | null;
}

/** Where outcomes go, one at a time and in batch order. */
export interface BatchSink {
  write(outcome: DossierOutcome): Promise<void> | void;
}

export interface RunBatchOptions {
  /** the batch folder (dossier paths are relative to it) */
  root: string;
  /** where the per-dossier reports go (`--out DIR/reports`), or null */
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
}

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
  root: string;
  reportsDir: string | null;
  context: Omit<EvaluateContext, 'ruleSet'>;
}

export type WorkerRequest = { index: number; dossier: Dossier };
export type WorkerReply = { type: 'ready' } | { type: 'outcome'; outcome: DossierOutcome } | { type: 'fatal'; message: string; stack?: string };

/** Dossiers in flight per worker: enough to hide file reads, few enough to keep memory flat. */
const PER_WORKER = 4;

/** A dossier whose evaluation itself crashed (a bug) still gets its summary row. */
export function crashedOutcome(dossier: Dossier, e: unknown, context: EvaluateContext): DossierOutcome {
  const detail = (e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/gu, ' ');
  const error = { code: 'internal' as const, message: { vi: batchMessages('vi').internal(detail), en: batchMessages('en').internal(detail) } };
  const facts = { dossier, files: [...dossier.transcripts], ignoredTxt: [], metadata: null, transcript: null, result: null, error, asOf: null };
  const summary = buildSummaryRow(facts, context.lang);
  const text = `${reportHead(facts, context.lang)}${summary.error?.code}: ${summary.error?.message}\n`;
  return {
    index: dossier.index,
    summary,
    stats: statsEntry(facts),
    unmatched: [],
    reportJson: context.reports
      ? `${JSON.stringify({ schemaVersion: 1, dossier: dossier.name, files: dossier.transcripts, metadata: null, warnings: summary.warnings, error, report: null })}\n`
      : null,
    reportText: context.reports ? text : null,
  };
}

/** The report files' base name of a dossier: its folder or file name (unique within a batch). */
export function reportBaseName(dossier: string): string {
  return dossier.replace(/[\\/]/g, '_');
}

/** The temp name a file is written under before it is renamed into place: `<name>.<pid>.<8 hex>.tmp`. */
export function tempName(path: string): string {
  return `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
}

/** Whether a file name is one of our temp files (of any process, or of process `pid` only). */
export function isTempName(name: string, pid?: number): boolean {
  const m = /\.(\d+)\.[0-9a-f]{8}\.tmp$/u.exec(name);
  return m !== null && (pid === undefined || Number(m[1]) === pid);
}

/** Temp file + rename, so a reader never sees half a report. */
function writeAtomicSync(path: string, data: string): void {
  const temp = tempName(path);
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      // nothing to clean up
    }
    throw e;
  }
}

/**
 * Read, evaluate and (with --out) write one dossier's report files, wherever it runs (a worker or the main
 * thread): the reports are independent files, so writing them here spreads the work and keeps the big strings
 * off the message channel. A failure to write is not the dossier's fault: it propagates and stops the batch.
 */
export function processDossier(root: string, dossier: Dossier, context: EvaluateContext, reportsDir: string | null): DossierOutcome {
  let outcome: DossierOutcome;
  try {
    outcome = evaluateDossier(readDossierFiles(root, dossier), context);
  } catch (e) {
    outcome = crashedOutcome(dossier, e, context);
  }
  if (reportsDir) {
    const base = join(reportsDir, reportBaseName(dossier.name));
    if (outcome.reportJson !== null) writeAtomicSync(`${base}.json`, outcome.reportJson);
    if (outcome.reportText !== null) writeAtomicSync(`${base}.txt`, outcome.reportText);
  }
  return { ...outcome, reportJson: null, reportText: null };
}

function workerFile(): URL | null {
  const url = new URL('../batch/worker.js', import.meta.url);
  // running from the TypeScript sources (tests) there is no compiled worker: evaluate in-process instead
  return existsSync(fileURLToPath(url)) ? url : null;
}

export async function runBatch(options: RunBatchOptions): Promise<BatchTotals> {
  const now = options.now ?? (() => performance.now());
  const start = now();
  const total = options.dossiers.length;
  let done = 0;
  let failed = 0;
  const deliver = async (outcome: DossierOutcome): Promise<void> => {
    if (outcome.summary.error) failed++;
    await options.sink.write(outcome);
    done++;
    if (options.onProgress) {
      const elapsedMs = now() - start;
      const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
      options.onProgress({ done, total, elapsedMs, rate, etaMs: rate > 0 ? ((total - done) * 1000) / rate : null });
    }
  };

  const url = options.jobs > 1 && total > 1 ? workerFile() : null;
  if (!url) {
    const signal = options.signal;
    for (const dossier of options.dossiers) {
      if (signal) {
        // evaluation is synchronous: let a pending Ctrl-C (or any event) in between dossiers
        await new Promise<void>((r) => setImmediate(r));
        if (signal.aborted) throw new BatchInterrupted();
      }
      await deliver(processDossier(options.root, dossier, options.context, options.reportsDir));
    }
  } else {
    await runOnWorkers(url, Math.min(options.jobs, total), options, deliver);
  }
  return { dossiers: total, failed };
}

async function runOnWorkers(
  url: URL,
  jobs: number,
  options: RunBatchOptions,
  deliver: (o: DossierOutcome) => Promise<void>,
): Promise<void> {
  const { ruleSet, ...context } = options.context;
  const setup: WorkerSetup = { rulesDir: ruleSet.dir, root: options.root, reportsDir: options.reportsDir, context };
  const dossiers = options.dossiers;
  const total = dossiers.length;
  const early = new Map<number, DossierOutcome>();
  const inFlight: number[] = new Array<number>(jobs).fill(0);
  let fatal: Error | null = null;
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
    if (options.signal?.aborted) return;
    while (nextToSend < total && nextToSend < nextToWrite + window) {
      let best = 0;
      for (let w = 1; w < jobs; w++) if (inFlight[w]! < inFlight[best]!) best = w;
      if (inFlight[best]! >= PER_WORKER) return;
      inFlight[best]!++;
      const request: WorkerRequest = { index: nextToSend, dossier: dossiers[nextToSend]! };
      workers[best]!.postMessage(request);
      nextToSend++;
    }
  };

  const onAbort = () => signal();
  options.signal?.addEventListener('abort', onAbort);
  const workers: Worker[] = [];
  for (let w = 0; w < jobs; w++) {
    const worker = new Worker(url, { workerData: setup });
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'outcome') {
        inFlight[w]!--;
        early.set(reply.outcome.index, reply.outcome);
        // keep every worker busy even while the writer waits for an earlier dossier
        dispatch();
      } else if (reply.type === 'fatal') {
        fatal = Object.assign(new Error(reply.message), reply.stack ? { stack: reply.stack } : {});
      }
      signal();
    });
    worker.on('error', (e) => {
      fatal = e;
      signal();
    });
    worker.on('exit', (code) => {
      if (code !== 0 && !fatal) fatal = new Error(`a batch worker stopped with exit code ${code}`);
      signal();
    });
    workers.push(worker);
  }

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
        continue;
      }
      if (options.signal?.aborted) throw new BatchInterrupted();
      if (fatal) throw fatal;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
