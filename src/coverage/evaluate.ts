// One evaluation of one program from a set of row allocations, under the program's counting policy (§6.5).

import type { Program } from '../rules/types.js';
import type { Evaluation, SubjectEvaluation } from './types.js';

// Periods are split proportionally, so sums carry float noise; compare with a small tolerance.
const EPS = 1e-6;
/** Periods are reported to two decimals. */
export const round = (n: number): number => Math.round(n * 100) / 100;

/** Evaluate a program from the periods credited to each lesson and the rows behind them. */
export function evaluateProgram(program: Program, perLesson: ReadonlyMap<string, number>, rows: number[]): Evaluation {
  // a lesson is covered when some periods are credited to it
  const covered = perLesson;

  const perSubject = program.policy.kind === 'per-subject';
  const subjects: SubjectEvaluation[] = program.subjects.map((s) => {
    let allocated = 0;
    const lessonsCovered: string[] = [];
    const lessonsMissing: string[] = [];
    for (const l of s.lessons) {
      allocated += perLesson.get(l.id) ?? 0;
      if (covered.has(l.id)) lessonsCovered.push(l.id);
      else lessonsMissing.push(l.id);
    }
    const counted = perSubject ? Math.min(allocated, s.periods) : allocated;
    const minimum = perSubject ? s.minRatio * s.periods : null;
    const pass = minimum === null ? null : counted + EPS >= minimum;
    const missing = Math.max(0, (minimum ?? s.periods) - counted);
    return {
      subjectId: s.id,
      required: s.required,
      periodsRequired: s.periods,
      periodsMinimum: minimum === null ? null : round(minimum),
      periodsCounted: round(counted),
      periodsAllocated: round(allocated),
      periodsMissing: missing < EPS ? 0 : round(missing),
      lessonsCovered,
      lessonsMissing,
      pass,
    };
  });

  const lessonsCovered = program.lessons.filter((l) => covered.has(l.id)).length;
  let periodsCounted: number;
  let pass: boolean;
  if (program.policy.kind === 'course') {
    periodsCounted = 0;
    for (const v of perLesson.values()) periodsCounted += v;
    pass = periodsCounted + EPS >= program.policy.minPeriods && lessonsCovered >= program.policy.minLessons;
  } else {
    periodsCounted = subjects.reduce((n, s) => n + s.periodsCounted, 0);
    // no required subject means nothing to pass on: never a PASS by default
    pass = subjects.some((s) => s.required) && subjects.every((s) => !s.required || s.pass === true);
  }

  return {
    pass,
    periodsCounted: round(periodsCounted),
    lessonsCovered,
    subjects,
    rows,
  };
}
