// In-process and spawned runs of the CLI for tests.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import type { Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
export const BIN = `${ROOT}/bin/llct.js`;

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * An in-process Io with the tests' fixed clock and folder that keeps what is written to stdout and stderr;
 * `ran(code)` gives the run's result. `over` replaces any part (stdin, env, …).
 */
export function capturingIo(over: Partial<Io> = {}): { io: Io; ran: (code: number) => Ran } {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from([]),
    env: {},
    stdoutIsTTY: false,
    stderrIsTTY: false,
    cwd: ROOT,
    now: () => new Date(2021, 0, 15),
    ...over,
  };
  return { io, ran: (code) => ({ code, stdout, stderr }) };
}

export async function runIn(argv: string[], over: Partial<Io> & { input?: string | Buffer } = {}): Promise<Ran> {
  const { input, ...rest } = over;
  const { io, ran } = capturingIo({ stdin: Readable.from(input === undefined ? [] : [typeof input === 'string' ? Buffer.from(input) : input]), ...rest });
  return ran(await run(argv, io));
}

/** Spawn the built bin (run `npm run build` / `npx tsc` first) from the repository root. */
export function spawnBin(args: string[], env: Record<string, string> = {}, input?: string): Ran {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    ...(input !== undefined ? { input } : {}),
    // the rule-set cache of the test run (test/cache-env.ts), never the user's
    env: { PATH: process.env.PATH ?? '', LLCT_CACHE_DIR: process.env.LLCT_CACHE_DIR ?? '', ...env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
