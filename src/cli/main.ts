// The process entry: real streams into `run`, its result into `process.exitCode` (never `process.exit()`).

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
  // a plain `check` line runs without commander and the other commands; anything else goes through `run`
  const plain = argv[0] === 'check' ? await (await import('./fast-check.js')).runPlainCheck(argv, { ...io, exitCode: 0 }) : null;
  process.exitCode = plain ?? (await (await import('./run.js')).run(argv, io));
}
