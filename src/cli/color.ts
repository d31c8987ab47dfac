// The one place colour is decided, and the styling functions the text report receives.

import type { ChalkInstance } from 'chalk';
import { plainStyles, type Styles } from '../report/styles.js';

/**
 * Off for `--no-color`; then `FORCE_COLOR` turns it on (as Node does, it outranks `NO_COLOR`; `FORCE_COLOR=0`
 * turns it off); then off for `NO_COLOR`, `TERM=dumb` or a stdout that is not a terminal. Returns a chalk level.
 */
export function colorLevel(opts: { flag: boolean; env: Record<string, string | undefined>; isTTY: boolean }): 0 | 1 | 2 | 3 {
  if (!opts.flag) return 0;
  const force = opts.env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2' || force === '3') return Number(force) as 2 | 3;
    return 1;
  }
  if (opts.env.NO_COLOR !== undefined && opts.env.NO_COLOR !== '') return 0;
  if (opts.env.TERM === 'dumb') return 0;
  return opts.isTTY ? 1 : 0;
}

/** The text report's styles for a chalk level (chalk is loaded only for colour: a plain check never pays for it). */
export async function stylesFor(level: 0 | 1 | 2 | 3): Promise<Styles> {
  if (level === 0) return plainStyles;
  const { Chalk } = await import('chalk');
  const chalk: ChalkInstance = new Chalk({ level });
  return {
    bold: (s) => chalk.bold(s),
    dim: (s) => chalk.dim(s),
    pass: (s) => chalk.green(s),
    fail: (s) => chalk.red(s),
    review: (s) => chalk.yellow(s),
    warn: (s) => chalk.yellow(s),
  };
}
