// Start-up figures of `npm run bench` (issue 10): one `llct check` of a fixture and `llct --version`, each against
// bare `node -e 0`, from one run. The three command lines are run interleaved (one of each per round, the order
// rotating), so a change of machine load hits all three alike; the ratios are of medians. On Linux the children's
// CPU time (user + sys, from /proc/self/stat) is given too: a figure that load on other cores does not inflate.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface StartupOptions {
  root: string;
  /** measured rounds (after `warmup` more) */
  runs: number;
  warmup?: number;
  /** folder for the rule-set cache of the runs (warm after the warm-up) */
  cacheDir: string;
}

interface Variant {
  name: string;
  args: string[];
}

/** The CPU time (ms, user + sys) of this process's waited-for children so far, or null where /proc is not there. */
function childrenCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // fields after the command name (which may hold spaces) — cutime and cstime are the 16th and 17th fields
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[13]) + Number(fields[14]);
    return Number.isFinite(ticks) ? (ticks * 1000) / 100 : null; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Run the start-up comparison; returns the lines to print (a small table and the command lines measured). */
export function startupLines(o: StartupOptions): string[] {
  const bin = join(o.root, 'bin', 'llct.js');
  const transcript = join(o.root, 'fixtures', 'transcripts', 'era-2019.csv');
  const variants: Variant[] = [
    { name: 'node -e 0', args: ['-e', '0'] },
    { name: 'llct check <one transcript>', args: [bin, 'check', transcript, '--as-of', '2020-01-01'] },
    { name: 'llct --version', args: [bin, '--version'] },
  ];
  const env: NodeJS.ProcessEnv = { ...process.env, LLCT_CACHE_DIR: o.cacheDir };
  delete env.LLCT_NO_CACHE;
  const wall = variants.map((): number[] => []);
  const cpu = variants.map((): number[] => []);
  const warmup = o.warmup ?? 5;
  for (let round = 0; round < warmup + o.runs; round++) {
    for (let k = 0; k < variants.length; k++) {
      const i = (round + k) % variants.length;
      const c0 = childrenCpuMs();
      const t0 = performance.now();
      const r = spawnSync(process.execPath, variants[i]!.args, { cwd: o.root, env, stdio: 'ignore' });
      const ms = performance.now() - t0;
      const c1 = childrenCpuMs();
      if (r.error) throw r.error;
      if (round < warmup) continue;
      wall[i]!.push(ms);
      if (c0 !== null && c1 !== null) cpu[i]!.push(c1 - c0);
    }
  }
  const base = median(wall[0]!);
  const baseCpu = cpu[0]!.length ? mean(cpu[0]!) : null;
  const rows = variants.map((v, i) => {
    const w = median(wall[i]!);
    const c = cpu[i]!.length ? mean(cpu[i]!) : null;
    return [
      v.name,
      w.toFixed(1),
      i === 0 ? '1.00×' : `${(w / base).toFixed(2)}×`,
      c === null ? '?' : c.toFixed(1),
      c === null || baseCpu === null ? '?' : i === 0 ? '1.00×' : `${(c / baseCpu).toFixed(2)}×`,
    ];
  });
  const header = ['command', 'median wall ms', 'wall ÷ node -e 0', 'mean CPU ms (user+sys)', 'CPU ÷ node -e 0'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [
    `llct start-up, ${o.runs} interleaved rounds after ${warmup} warm-up (rule-set cache warm); ratios of medians (wall) and of means (CPU)`,
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
    `  check = node bin/llct.js check fixtures/transcripts/era-2019.csv --as-of 2020-01-01; --version = node bin/llct.js --version`,
    '',
  ];
}
