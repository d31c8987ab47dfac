// The two places where an officer's decisions will apply. Today both pass their input through unchanged.

import type { MatchedRows } from './match-rows.js';
import type { Verdicts } from './verdict.js';

/**
 * Slot between matching and attempt grouping/allocation: decisions about single rows (this row is that rule,
 * this grade passes, leave this row out) replace the matched rows they name, as new values, before anything
 * is counted. Every later stage sees the decided rows only.
 */
export function applyRowDecisions(matched: MatchedRows): MatchedRows {
  return matched;
}

/**
 * Slot after the verdict: decisions about a whole program (certify, refuse) sit beside the computed verdict
 * rather than overwrite it, so a report can show both.
 */
export function applyProgramDecisions(verdicts: Verdicts): Verdicts {
  return verdicts;
}
