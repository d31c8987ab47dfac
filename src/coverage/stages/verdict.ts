// Stage 5 of the core: the verdict of each program and the highest program passed.

import type { Evaluation, Notice, ProgramResult, Verdict } from '../types.js';
import type { Evaluations } from './evaluate-programs.js';

export interface Verdicts {
  readonly programs: ProgramResult[];
  /** highest-ranked program with verdict PASS, or null */
  readonly highestPassed: string | null;
  readonly notices: Notice[];
}

/** PASS when even the pessimistic evaluation passes, FAIL when even the optimistic one fails, else REVIEW (§6.6). */
export function verdictOf(pessimistic: Evaluation, optimistic: Evaluation): Verdict {
  if (pessimistic.pass && optimistic.pass) return 'PASS';
  if (!pessimistic.pass && !optimistic.pass) return 'FAIL';
  return 'REVIEW';
}

export function decideVerdicts(evaluations: Evaluations): Verdicts {
  const programs: ProgramResult[] = [];
  for (const e of evaluations.programs) programs.push(programResult(e));
  return { programs, highestPassed: highestPassed(programs), notices: [] };
}

function programResult(e: Evaluations['programs'][number]): ProgramResult {
  const { program, overlapRows, overlapLessons } = e.allocation;
  const { pessimistic, optimistic } = e;
  const verdict = verdictOf(pessimistic, optimistic);
  // REVIEW rests on the rows only the optimistic side counts, and on overlapping content
  const decidingRows =
    verdict === 'REVIEW'
      ? [...new Set([...optimistic.rows.filter((id) => !pessimistic.rows.includes(id)), ...overlapRows])].sort((a, b) => a - b)
      : [];
  const course = program.policy.kind === 'course' ? program.policy : null;
  return {
    programId: program.id,
    rank: program.rank,
    policy: program.policy.kind,
    verdict,
    computedVerdict: verdict,
    minPeriods: course?.minPeriods ?? null,
    minLessons: course?.minLessons ?? null,
    totalPeriods: program.totalPeriods,
    totalLessons: program.lessons.length,
    pessimistic,
    optimistic,
    decidingRows,
    overlapRows,
    overlapLessons,
    shortfall: e.shortfall,
    usesUnverifiedData: e.usesUnverifiedData,
  };
}

/** The highest-ranked program with verdict PASS (the first of equal ranks), or null. */
export function highestPassed(programs: readonly ProgramResult[]): string | null {
  let best: ProgramResult | null = null;
  for (const p of programs) if (p.verdict === 'PASS' && (best === null || p.rank > best.rank)) best = p;
  return best === null ? null : best.programId;
}
