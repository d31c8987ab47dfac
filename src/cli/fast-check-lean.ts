// Entry of dist/bundle/check.cjs (scripts/bundle.mjs): a plain check in one CommonJS file, whose on-need imports
// are stubs that throw LLCT_NEEDS_FULL. It declines standard input ("-" anywhere on the line), which could not be
// read a second time when the full CLI takes the line over.

import type { Io } from './io.js';
import { runPlainCheck } from './fast-check.js';

export async function runLeanCheck(argv: readonly string[], io: Io): Promise<number | null> {
  if (argv.includes('-')) return null;
  return runPlainCheck(argv, io);
}
