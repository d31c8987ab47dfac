// A per-subject program's count, read by every report: how many of its required subjects an evaluation passes.

import type { Evaluation } from './types.js';

export interface RequiredCount {
  passed: number;
  required: number;
}

/** How many required subjects the evaluation passes, out of how many are required (optional subjects left out). */
export function requiredPassed(e: Pick<Evaluation, 'subjects'>): RequiredCount {
  let passed = 0;
  let required = 0;
  for (const s of e.subjects) {
    if (!s.required) continue;
    required++;
    if (s.pass) passed++;
  }
  return { passed, required };
}
