// Edge: writing a report file (`-o`) atomically, only as a regular file, never onto an input.
// Synchronous file calls: a CLI writing one report waits for each anyway, and node:fs/promises would cost every
// check its load (start-up, issue 10).

import { fstatSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../file-io.js';

/** realpath(3), as fs/promises' realpath does it */
const realpath = realpathSync.native;

/** The real path a file has, or would have once created (its folder resolved, the name kept). */
async function realTarget(path: string): Promise<string> {
  try {
    return realpath(path);
  } catch {
    try {
      return join(realpath(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
}

/** Whether standard input is this very file (`llct check - -o x.csv < x.csv`). */
async function isStdin(path: string): Promise<boolean> {
  try {
    const a = fstatSync(0);
    const b = statSync(path);
    return a.isFile() && a.dev === b.dev && a.ino === b.ino;
  } catch {
    return false; // no such output file yet, or no stdin
  }
}

export interface WriteOptions {
  /** input files (paths as given; `-` is standard input) that must never be overwritten */
  inputs?: readonly string[];
  /** folder relative paths are resolved against */
  cwd?: string;
}

export async function writeOutputAtomic(path: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const cwd = options.cwd ?? process.cwd();
  const target = resolve(cwd, path);
  const real = await realTarget(target);
  for (const input of options.inputs ?? []) {
    const same = input === '-' ? await isStdin(real) : (await realTarget(resolve(cwd, input))) === real;
    if (same) {
      throw new UsageError({ code: 'output-is-input', args: { input }, file: path });
    }
  }
  writeFileAtomic(real, data, path);
}
