// The full CLI (dist/bundle/llct.js, ES modules): what main.ts imports when the lean check did not take the line —
// a plain `check` on the full bundle (JSON, other formats, decisions, a first rule compile…), anything else through
// commander (`run`).

import type { Io } from './io.js';

/** Run a command line the lean path did not take; returns the exit code. */
export async function runFull(argv: string[], io: Io): Promise<number> {
  if (argv[0] === 'check') {
    const plain = await (await import('./fast-check.js')).runPlainCheck(argv, { ...io, exitCode: 0 });
    if (plain !== null) return plain;
  }
  return (await import('./run.js')).run(argv, io);
}
