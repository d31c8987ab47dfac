// The process entry: bin/llct.js (CommonJS, see bin/package.json) requires dist/bundle/main.cjs, this file bundled
// as CommonJS, so no ES module loader is started for `--version` or a plain check (issue 10, start-up). Real streams
// into the command, its result into `process.exitCode` (never `process.exit()`). What the lean check does not take
// goes to the full CLI (full.ts, dist/bundle/llct.js, ES modules).

import { fstatSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { cacheDirFromEnv, writeCacheFile } from '../cache-dir.js';
import type { Io } from './io.js';
import { toolVersion } from './version.js';

/** Set when writing to standard output failed (other than a closed pipe): the run then ends with code 2. */
let stdoutFailed = false;

/** A write to standard output failed: a reader that stopped early (`llct check x | head -1`) is a normal, quiet end. */
function stdoutError(e: NodeJS.ErrnoException): void {
  if (e.code === 'EPIPE') return;
  process.stderr.write(`llct: stdout: ${e.message}\n`);
  stdoutFailed = true;
  process.exitCode = 2;
}

let stdoutStream: NodeJS.WriteStream | undefined;
/** process.stdout, with the error handling above. */
function stdout(): NodeJS.WriteStream {
  if (stdoutStream === undefined) {
    stdoutStream = process.stdout;
    stdoutStream.on('error', stdoutError);
  }
  return stdoutStream;
}

/**
 * Write to standard output without opening process.stdout, which loads Node's whole stream stack (some
 * milliseconds of a plain check, issue 10): the lean check and `--version` write once, with the same bytes. A
 * non-blocking descriptor that is full (EAGAIN) hands the rest to the stream, which waits for it.
 */
function writeStdout(data: string | Uint8Array): void {
  if (stdoutStream !== undefined) {
    stdoutStream.write(data);
    return;
  }
  let bytes = typeof data === 'string' ? Buffer.from(data) : data;
  try {
    while (bytes.length > 0) bytes = bytes.subarray(writeSync(1, bytes));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EAGAIN') stdout().write(bytes);
    else stdoutError(e as NodeJS.ErrnoException);
  }
}

/**
 * process.stdout.isTTY without opening the stream: a terminal is a character device, and not /dev/null (where
 * benchmarks and scripts send output); any other character device asks the stream.
 */
function stdoutIsTTY(): boolean {
  if (stdoutStream !== undefined) return stdoutStream.isTTY === true;
  try {
    const out = fstatSync(1);
    if (!out.isCharacterDevice()) return false;
    if (out.rdev === statSync('/dev/null').rdev) return false;
  } catch {
    // no /dev/null here: ask the stream
  }
  return stdout().isTTY === true;
}

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // the same line commander prints, without loading the CLI
  writeStdout(`${toolVersion()}\n`);
} else {
  void main(argv);
}

async function main(args: string[]): Promise<void> {
  // a plain `check` line runs without commander and the other commands — first from the one-file lean bundle,
  // then (JSON, other formats, decisions… see scripts/bundle.mjs) from the full one; anything else goes to `run`
  let code = args[0] === 'check' ? await leanCheck(args, processIo(true)) : null;
  code ??= await (await import('./full.js')).runFull(args, processIo(false));
  process.exitCode = stdoutFailed ? 2 : code;
}

/**
 * The process's streams as the CLI sees them. Node builds each standard stream (and loads its modules) on first
 * access, so standard input and standard error are opened only when used, and for the lean check (`direct`)
 * standard output is written without its stream (writeStdout).
 */
function processIo(direct: boolean): Io {
  return {
    stdout: direct ? { write: writeStdout } : stdout(),
    stderr: { write: (s) => process.stderr.write(s) },
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    stdoutIsTTY: stdoutIsTTY(),
    get stderrIsTTY() {
      return process.stderr.isTTY === true;
    },
    cwd: process.cwd(),
    exitCode: 0,
  };
}

/** The build id scripts/bundle.mjs gives the bundles; absent when run unbundled. */
declare const __LLCT_BUILD__: string | undefined;

/**
 * The plain check of dist/bundle/check.cjs beside this bundle, or null (not built, not a plain line, declined).
 * It is compiled with V8's code cache of an earlier run (Node 20 has no module compile cache): a file in the cache
 * folder that starts with this build's id; V8 checks the rest (its version, flags, source length) itself.
 */
async function leanCheck(args: readonly string[], io: Io): Promise<number | null> {
  if (typeof __LLCT_BUILD__ !== 'string') return null; // running unbundled (dist/cli): there is no lean bundle
  const file = join(__dirname, 'check.cjs'); // bundled: a CommonJS module beside check.cjs
  const dir = cacheDirFromEnv(io.env);
  const cacheFile = dir !== undefined ? join(dir, 'code-check.bin') : undefined;
  const stamp = Buffer.from(`${__LLCT_BUILD__}\n`);
  let lean: typeof import('./fast-check-lean.js');
  let script: Script;
  let cachedData: Buffer | undefined;
  try {
    const source = readFileSync(file, 'latin1'); // ASCII (scripts/bundle.mjs checks): no UTF-8 decoding
    try {
      const bytes = cacheFile !== undefined ? readFileSync(cacheFile) : undefined;
      if (bytes !== undefined && bytes.subarray(0, stamp.length).equals(stamp)) cachedData = bytes.subarray(stamp.length);
    } catch {
      // no code cache yet
    }
    script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
      filename: file,
      ...(cachedData !== undefined ? { cachedData } : {}),
    });
    const module = { exports: {} as typeof lean };
    (script.runInThisContext() as (...a: unknown[]) => void)(module.exports, require, module, file, __dirname);
    lean = module.exports;
  } catch {
    return null;
  }
  const code = await lean.runLeanCheck(args, io);
  // a missing or refused code cache is (re)written after a run that used the lean bundle: best effort
  if (code !== null && cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected === true)) {
    writeCacheFile(cacheFile, Buffer.concat([stamp, script.createCachedData()]));
  }
  return code;
}
