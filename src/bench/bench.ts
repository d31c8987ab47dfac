// `npm run bench`: start-up against `node -e 0` (startup.ts), then batch throughput against a parse-only baseline,
// peak memory at two folder sizes and its growth, bytes of output per dossier.
// Generates synthetic dossiers (src/bench/generate.ts), runs the built CLI as a child process, prints a table.
// It reports only; nothing here can fail a test.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateFolder } from './generate.js';
import { startupLines } from './startup.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'llct.js');
const HOOK = pathToFileURL(fileURLToPath(new URL('./rss-hook.js', import.meta.url))).href;
const PARSE_ONLY = fileURLToPath(new URL('./parse-only.js', import.meta.url));
const WRITE_ONLY = fileURLToPath(new URL('./write-only.js', import.meta.url));

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const sizes = (arg('--sizes') ?? '10000,40000').split(',').map(Number);
const seed = Number(arg('--seed') ?? '1');
const jobs = arg('--jobs');

interface Timed {
  ms: number;
  /** user + system CPU of the whole process, worker threads included (ms) */
  cpuMs: number | null;
  maxRssKb: number | null;
  code: number | null;
}

/** Run `node args…` with the peak-memory hook; wall time measured here, around the whole process. */
function timed(args: string[], tmp: string, tag: string): Promise<Timed> {
  const usageFile = join(tmp, `${tag}.usage`);
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['--import', HOOK, ...args], {
      stdio: ['ignore', 'ignore', 'inherit'],
      // the rule-set cache of this run, warmed before the batches (warmCache): every batch starts from it
      env: { ...process.env, LLCT_BENCH_RSS_FILE: usageFile, LLCT_CACHE_DIR: join(tmp, 'cache') },
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - start;
      const usage = existsSync(usageFile) ? (JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRssKb: number; cpuMs: number }) : null;
      resolve({ ms, cpuMs: usage?.cpuMs ?? null, maxRssKb: usage?.maxRssKb ?? null, code });
    });
  });
}

/** Total bytes of the files below `dir`. */
function bytesBelow(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) n += statSync(join(e.parentPath, e.name)).size;
  return n;
}

const mb = (kb: number | null) => (kb === null ? '?' : (kb / 1024).toFixed(0));
const sec = (ms: number | null) => (ms === null ? '?' : (ms / 1000).toFixed(1));

if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
  process.stderr.write('build first: npm run build\n');
  process.exit(2);
}

// ── batch: throughput against a parse-only pass of the same files, peak memory, output size ──────────────

interface BatchRun {
  size: number;
  label: string;
  run: Timed;
  base: Timed;
  outBytes: number;
  /** the per-dossier report files (`--reports`) written again by write-only.ts, from as many threads: the file system's share */
  writeOnly: WriteOnly | null;
}

interface WriteOnly {
  files: number;
  bytes: number;
  ms: number;
  cpuMs: number;
}

/** Write a batch's report files again into a fresh folder beside it (write-only.ts): what creating them costs here. */
function writeOnly(reports: string, dest: string, jobs: string): WriteOnly | null {
  const r = spawnSync(process.execPath, [WRITE_ONLY, reports, dest, '--jobs', jobs], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  rmSync(dest, { recursive: true, force: true });
  if (r.status !== 0) return null;
  return JSON.parse(r.stdout) as WriteOnly;
}

/** One batch run into a fresh output folder. */
async function batchRun(size: number, input: string, out: string, tmp: string, label: string, extra: string[], base: Timed): Promise<BatchRun> {
  rmSync(out, { recursive: true, force: true });
  const j = jobs ?? String(availableParallelism());
  const run = await timed([BIN, 'batch', input, '--out', out, '--quiet', '--jobs', j, ...extra], tmp, `batch-${size}-${label.replace(/\W+/gu, '-')}`);
  const outBytes = existsSync(out) ? bytesBelow(out) : 0;
  process.stderr.write(`  batch ${label} (exit ${run.code}): ${sec(run.ms)} s, ${sec(run.cpuMs)} s CPU, ${mb(run.maxRssKb)} MB peak\n`);
  const reports = join(out, 'reports');
  const again = existsSync(reports) ? writeOnly(reports, join(tmp, 'write-only'), j) : null;
  if (again) process.stderr.write(`  write-only: ${again.files} files, ${sec(again.ms)} s, ${sec(again.cpuMs)} s CPU\n`);
  rmSync(out, { recursive: true, force: true });
  return { size, label, run, base, outBytes, writeOnly: again };
}

/** One plain check with the run's cache folder, so the first batch does not pay for compiling the rule set. */
function warmCache(tmp: string): void {
  const r = spawnSync(process.execPath, [BIN, 'check', join(ROOT, 'fixtures', 'transcripts', 'era-2019.csv'), '--as-of', '2020-01-01'], {
    stdio: 'ignore',
    env: { ...process.env, LLCT_CACHE_DIR: join(tmp, 'cache') },
  });
  if (r.error) throw r.error;
}

async function batchSection(tmp: string): Promise<string> {
  warmCache(tmp);
  const runs: BatchRun[] = [];
  const j = jobs ?? String(availableParallelism());
  // the per-dossier text and HTML files (on request) are timed at the first size, after every default run: the
  // hundreds of MB they write keep the kernel busy writing them back for a while, which would slow the runs after them
  let firstInput: { input: string; out: string; base: Timed } | null = null;
  for (const size of sizes) {
    const input = join(tmp, `in-${size}`);
    const out = join(tmp, `out-${size}`);
    const t = performance.now();
    await generateFolder(input, size, seed);
    process.stderr.write(`  generated ${size} dossiers in ${sec(performance.now() - t)} s\n`);
    const base = await timed([PARSE_ONLY, input], tmp, `parse-${size}`);
    process.stderr.write(`  parse-only: ${sec(base.ms)} s, ${sec(base.cpuMs)} s CPU, ${mb(base.maxRssKb)} MB peak\n`);
    runs.push(await batchRun(size, input, out, tmp, `--out, --jobs ${j}`, [], base));
    if (size === sizes[0]) firstInput = { input, out, base };
    else rmSync(input, { recursive: true, force: true });
  }
  if (firstInput) {
    const { input, out, base } = firstInput;
    // listed right after the default run of its size
    runs.splice(1, 0, await batchRun(sizes[0]!, input, out, tmp, `--out --reports text,html, --jobs ${j}`, ['--reports', 'text,html'], base));
    rmSync(input, { recursive: true, force: true });
  }

  const header = ['dossiers', 'batch', 'wall s', 'dossiers/s', '÷ parse-only', 'CPU s', 'CPU ÷ parse-only', 'peak RSS MB', 'output bytes/dossier', 'parse-only s', 'parse-only/s', 'parse-only CPU s', 'parse-only peak MB'];
  const rows = runs.map((r) => [
    String(r.size),
    r.label,
    sec(r.run.ms),
    (r.size / (r.run.ms / 1000)).toFixed(0),
    `${(r.run.ms / r.base.ms).toFixed(2)}×`,
    sec(r.run.cpuMs),
    r.run.cpuMs !== null && r.base.cpuMs ? `${(r.run.cpuMs / r.base.cpuMs).toFixed(2)}×` : '?',
    mb(r.run.maxRssKb),
    (r.outBytes / r.size).toFixed(0),
    sec(r.base.ms),
    (r.size / (r.base.ms / 1000)).toFixed(0),
    sec(r.base.cpuMs),
    mb(r.base.maxRssKb),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const lines = [
    `llct batch, whole-process wall time and CPU (user + system, all threads; on a busy machine compare CPU); parse-only = read + CSV/JSON parse, one thread`,
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ];
  // the report files: what writing them alone costs on this file system, beside what the batch took
  for (const r of runs) {
    const w = r.writeOnly;
    if (!w) continue;
    lines.push(
      '',
      `report files of the ${r.size}-dossier batch (${r.label}): ${w.files} files, ${mb(w.bytes / 1024)} MB; written again alone ` +
        `(write-only baseline, ${j} threads, same file system, nothing else done): ${sec(w.ms)} s, ${sec(w.cpuMs)} s CPU, ` +
        `${(r.size / (w.ms / 1000)).toFixed(0)} dossiers/s at most from the file system alone; the batch took ${sec(r.run.ms)} s (${(r.run.ms / w.ms).toFixed(2)}× write-only)`,
    );
  }
  // peak memory from the smallest to the largest folder, default outputs
  const plain = runs.filter((r) => !r.label.includes('--reports'));
  const first = plain[0];
  const last = plain[plain.length - 1];
  // what each further dossier costs once the batch is under way (start-up and warm-up are in the first size already)
  if (first && last && last !== first && first.run.cpuMs !== null && last.run.cpuMs !== null) {
    const n = last.size - first.size;
    const cpu = (last.run.cpuMs - first.run.cpuMs) / n;
    const wall = (last.run.ms - first.run.ms) / n;
    const cores = Number(j);
    lines.push(
      '',
      `each further dossier from ${first.size} to ${last.size} (default outputs): ${cpu.toFixed(3)} ms CPU over all threads, ${wall.toFixed(3)} ms wall ` +
        `(${(1000 / wall).toFixed(0)} dossiers/s); on ${cores} cores that CPU allows at most ${((cores * 1000) / cpu).toFixed(0)} dossiers/s, with no start-up and no warm-up`,
    );
  }
  if (first && last && last !== first && first.run.maxRssKb && last.run.maxRssKb && first.base.maxRssKb && last.base.maxRssKb) {
    const growth = (a: number, b: number) => `${b >= a ? '+' : ''}${(((b - a) / a) * 100).toFixed(1)}%`;
    lines.push(
      '',
      `peak memory ${first.size} → ${last.size} dossiers: batch ${mb(first.run.maxRssKb)} → ${mb(last.run.maxRssKb)} MB (${growth(first.run.maxRssKb, last.run.maxRssKb)}), ` +
        `parse-only ${mb(first.base.maxRssKb)} → ${mb(last.base.maxRssKb)} MB (${growth(first.base.maxRssKb, last.base.maxRssKb)})`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const tmp = mkdtempSync(join(tmpdir(), 'llct-bench-'));
try {
  process.stderr.write(
    `llct bench: node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), availableParallelism ${availableParallelism()}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`,
  );
  // start-up first (src/bench/startup.ts): --startup-runs N rounds, 0 to skip
  const startupRuns = Number(arg('--startup-runs') ?? '30');
  if (startupRuns > 0) process.stdout.write(startupLines({ root: ROOT, runs: startupRuns, cacheDir: join(tmp, 'cache') }).join('\n') + '\n');
  process.stdout.write(await batchSection(tmp));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
