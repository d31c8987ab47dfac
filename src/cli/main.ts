// The process entry: real streams into `run`, its result into `process.exitCode` (never `process.exit()`).

import { run } from './run.js';

// A reader that stops early (`llct check x | head -1`) closes the pipe: that is a normal, quiet end.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') return;
  process.stderr.write(`llct: stdout: ${e.message}\n`);
  process.exitCode = 2;
});

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  cwd: process.cwd(),
});
