// The process entry: real streams into `run`, its result into `process.exitCode` (never `process.exit()`).

import { readFileSync } from 'node:fs';
// aliased: the bundle's banner declares createRequire itself
import { createRequire as requireFor } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { cacheDirFromEnv, writeCacheFile } from '../cache-dir.js';
import type { Io } from './io.js';

// A reader that stops early (`llct check x | head -1`) closes the pipe: that is a normal, quiet end.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') return;
  process.stderr.write(`llct: stdout: ${e.message}\n`);
  process.exitCode = 2;
});

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // fast path: the same line commander prints, without loading the CLI (start-up budget of issue 10)
  const { toolVersion } = await import('./version.js');
  process.stdout.write(`${toolVersion()}\n`);
} else {
  const io: Io = {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    cwd: process.cwd(),
  };
  // a plain `check` line runs without commander and the other commands — first from the one-file lean bundle,
  // then (JSON, other formats, decisions… see scripts/bundle.mjs) from the full one; anything else goes to `run`
  let plain: number | null = null;
  if (argv[0] === 'check') {
    plain = await leanCheck(argv, { ...io, exitCode: 0 });
    plain ??= await (await import('./fast-check.js')).runPlainCheck(argv, { ...io, exitCode: 0 });
  }
  process.exitCode = plain ?? (await (await import('./run.js')).run(argv, io));
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
  const file = fileURLToPath(new URL('./check.cjs', import.meta.url));
  const dir = cacheDirFromEnv(io.env);
  const cacheFile = dir !== undefined ? join(dir, 'code-check.bin') : undefined;
  const stamp = Buffer.from(`${__LLCT_BUILD__}\n`);
  let lean: typeof import('./fast-check-lean.js');
  let script: Script;
  let cachedData: Buffer | undefined;
  try {
    const source = readFileSync(file, 'utf8');
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
    (script.runInThisContext() as (...a: unknown[]) => void)(module.exports, requireFor(file), module, file, dirname(file));
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
