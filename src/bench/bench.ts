// `npm run bench`: batch throughput against a parse-only baseline, and peak memory at two folder sizes.
// Generates synthetic dossiers (src/bench/generate.ts), runs the built CLI as a child process, prints a table.
// It reports only; nothing here can fail a test.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateFolder } from './generate.js';
import { startupLines } from './startup.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'llct.js');
const HOOK = pathToFileURL(fileURLToPath(new URL('./rss-hook.js', import.meta.url))).href;
const PARSE_ONLY = fileURLToPath(new URL('./parse-only.js', import.meta.url));

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const sizes = (arg('--sizes') ?? '10000,40000').split(',').map(Number);
const seed = Number(arg('--seed') ?? '1');
const jobs = arg('--jobs');

interface Timed {
  ms: number;
  maxRssKb: number | null;
  code: number | null;
}

/** Run `node args…` with the peak-memory hook; wall time measured here, around the whole process. */
function timed(args: string[], tmp: string, tag: string): Promise<Timed> {
  const rssFile = join(tmp, `${tag}.rss`);
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['--import', HOOK, ...args], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, LLCT_BENCH_RSS_FILE: rssFile },
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - start;
      const maxRssKb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : null;
      resolve({ ms, maxRssKb, code });
    });
  });
}

const mb = (kb: number | null) => (kb === null ? '?' : (kb / 1024).toFixed(0));
const sec = (ms: number) => (ms / 1000).toFixed(1);

if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
  process.stderr.write('build first: npm run build\n');
  process.exit(2);
}

const tmp = mkdtempSync(join(tmpdir(), 'llct-bench-'));
const rows: string[][] = [];
try {
  process.stderr.write(
    `llct bench: node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), availableParallelism ${availableParallelism()}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`,
  );
  // start-up first (src/bench/startup.ts): --startup-runs N rounds, 0 to skip
  const startupRuns = Number(arg('--startup-runs') ?? '30');
  if (startupRuns > 0) process.stdout.write(startupLines({ root: ROOT, runs: startupRuns, cacheDir: join(tmp, 'cache') }).join('\n') + '\n');
  for (const size of sizes) {
    const input = join(tmp, `in-${size}`);
    const out = join(tmp, `out-${size}`);
    const t = performance.now();
    await generateFolder(input, size, seed);
    process.stderr.write(`  generated ${size} dossiers in ${sec(performance.now() - t)} s\n`);
    const base = await timed([PARSE_ONLY, input], tmp, `parse-${size}`);
    process.stderr.write(`  parse-only: ${sec(base.ms)} s\n`);
    // the default --jobs at every size; --jobs 1 as well at the first size, to show what the threads add
    const jobChoices = [jobs ?? String(availableParallelism()), ...(size === sizes[0] && jobs !== '1' ? ['1'] : [])];
    for (const j of jobChoices) {
      rmSync(out, { recursive: true, force: true });
      const batch = await timed([BIN, 'batch', input, '--out', out, '--quiet', '--jobs', j], tmp, `batch-${size}-${j}`);
      process.stderr.write(`  batch --jobs ${j} (exit ${batch.code}): ${sec(batch.ms)} s\n`);
      rows.push(row(size, j, batch, base));
    }
    rmSync(input, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

function row(size: number, j: string, batch: Timed, base: Timed): string[] {
  return [
      String(size),
      j,
      sec(batch.ms),
      (size / (batch.ms / 1000)).toFixed(0),
      sec(base.ms),
      (size / (base.ms / 1000)).toFixed(0),
      `${(batch.ms / base.ms).toFixed(1)}×`,
      mb(batch.maxRssKb),
      mb(base.maxRssKb),
  ];
}

const header = ['dossiers', 'jobs', 'batch s', 'batch dossiers/s', 'parse-only s', 'parse-only dossiers/s', 'batch ÷ parse-only', 'batch peak RSS MB', 'parse-only peak RSS MB'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
process.stdout.write(
  [
    `llct batch --out, whole-process wall time (default --jobs = ${availableParallelism()}); parse-only = read + CSV/JSON parse, one thread`,
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
    '',
  ].join('\n'),
);
