// The exit-code contract of `llct check`, as one pure function of the result.

import type { CheckResult } from '../coverage/types.js';

/** 0: some program checked passes · 3: none passes but some needs review · 1: all fail. (2 = error, set elsewhere.) */
export const EXIT = { pass: 0, fail: 1, error: 2, review: 3 } as const;

export function exitCodeForResult(result: Pick<CheckResult, 'programs'>): number {
  if (result.programs.some((p) => p.verdict === 'PASS')) return EXIT.pass;
  if (result.programs.some((p) => p.verdict === 'REVIEW')) return EXIT.review;
  return EXIT.fail;
}
