// Helpers of the fault and fuzz suites: the built CLI run in-process (so batches use real worker threads),
// folder snapshots (nothing the tool did not write may change), and summary rows.

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Io } from '../../src/cli/io.js';
import { BIN, capturingIo, ROOT, type Ran } from '../cli/helpers.js';

type RunFn = (argv: string[], io: Io) => Promise<number>;
let distRun: RunFn | null = null;

/** `llct` from dist/ (built by `npm test` first), called in-process: batches run on real worker threads. */
export async function runBuilt(argv: string[], over: Partial<Io> = {}): Promise<Ran> {
  distRun ??= ((await import(`${ROOT}/dist/cli/run.js`)) as { run: RunFn }).run;
  const { io, ran } = capturingIo(over);
  return ran(await distRun(argv, io));
}

/** Every entry below `dir` (files by content hash, links by target, folders, FIFOs and devices by kind). */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const r = rel ? `${rel}/${name}` : name;
      const st = lstatSync(p);
      if (st.isSymbolicLink()) out[r] = `link:${readlinkSync(p)}`;
      else if (st.isDirectory()) {
        out[r] = 'dir';
        walk(p, r);
      } else if (st.isFile()) out[r] = createHash('sha256').update(readFileSync(p)).digest('hex');
      else out[r] = st.isFIFO() ? 'fifo' : st.isCharacterDevice() ? 'chardev' : 'other';
    }
  };
  walk(dir, '');
  return out;
}

export const summaryRows = (file: string): Record<string, string>[] =>
  parse(readFileSync(file, 'utf8'), { columns: true, relax_column_count: true }) as Record<string, string>[];

/** Rows of a CSV summary printed on stdout. */
export const stdoutRows = (text: string): Record<string, string>[] => parse(text, { columns: true }) as Record<string, string>[];

/** Whether this process may mount file systems (root in a container with CAP_SYS_ADMIN): then real tmpfs faults. */
export function canMount(probe: string): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  mkdirSync(probe, { recursive: true });
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]);
  if (r.status !== 0) return false;
  spawnSync('umount', [probe]);
  return true;
}

export function sh(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
}

/** Spawn the built bin; `when()` is polled and `act(child)` called once it holds; resolves at exit with timings. */
export function spawnUntil(
  args: string[],
  when: () => boolean,
  act: (child: ReturnType<typeof spawn>) => void,
  env: Record<string, string> = {},
): Promise<Ran & { acted: boolean; actedAt: number; endedAt: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    let acted = false;
    let actedAt = 0;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const poll = setInterval(() => {
      if (!acted && when()) {
        acted = true;
        actedAt = performance.now();
        act(child);
      }
    }, 5);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(poll);
      resolve({ code: code ?? (signal === 'SIGKILL' ? 137 : -1), stdout, stderr, acted, actedAt, endedAt: performance.now() });
    });
  });
}
