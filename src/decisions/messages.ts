// The one-line error a refused decision or a decisions file's read problem makes (words: findings/decisions.ts).

import { InputError } from '../errors.js';
import type { ReadProblem } from './read.js';
import type { Refusal } from './types.js';

/** A refusal or a read problem as the one-line known error: `decisions.csv:7: …` (exit 2). */
export function decisionError(f: Refusal | ReadProblem): InputError {
  const o = f.origin;
  const place = o.line !== undefined ? { line: o.line } : o.path !== undefined ? { path: o.path } : undefined;
  return new InputError({ code: 'decision', args: { code: f.code, args: f.args }, file: o.file, ...(place ? { place } : {}) });
}
