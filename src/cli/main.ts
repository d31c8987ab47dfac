// The process entry: real streams into `run`, its result into `process.exitCode` (never `process.exit()`).

// aliased: the bundle's banner declares createRequire itself
import { createRequire as requireFor } from 'node:module';
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

/** The plain check of dist/bundle/check.cjs beside this bundle, or null (not built, not a plain line, declined). */
async function leanCheck(args: readonly string[], io: Io): Promise<number | null> {
  let lean: typeof import('./fast-check-lean.js');
  try {
    lean = requireFor(import.meta.url)('./check.cjs') as typeof import('./fast-check-lean.js');
  } catch {
    return null; // running unbundled (dist/cli): there is no lean bundle
  }
  return lean.runLeanCheck(args, io);
}
