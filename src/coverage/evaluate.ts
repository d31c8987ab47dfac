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
  const subjects: SubjectEvaluation[] = [];
  for (const s of program.subjects) subjects.push(subjectEvaluation(s, perLesson, perSubject));

  let lessonsCovered = 0;
  for (const l of program.lessons) if (covered.has(l.id)) lessonsCovered++;
  let periodsCounted = 0;
  let pass: boolean;
  if (program.policy.kind === 'course') {
    for (const v of perLesson.values()) periodsCounted += v;
    pass = periodsCounted + EPS >= program.policy.minPeriods && lessonsCovered >= program.policy.minLessons;
  } else {
    // no required subject means nothing to pass on: never a PASS by default
    let required = false;
    let allPass = true;
    for (const s of subjects) {
      periodsCounted += s.periodsCounted;
      if (s.required) {
        required = true;
        if (s.pass !== true) allPass = false;
      }
    }
    pass = required && allPass;
  }

  return {
    pass,
    periodsCounted: round(periodsCounted),
    lessonsCovered,
    subjects,
    rows,
  };
}

function subjectEvaluation(s: Program['subjects'][number], perLesson: ReadonlyMap<string, number>, perSubject: boolean): SubjectEvaluation {
  // a lesson is covered when some periods are credited to it
  let allocated = 0;
  const lessonsCovered: string[] = [];
  const lessonsMissing: string[] = [];
  for (const l of s.lessons) {
    const got = perLesson.get(l.id);
    if (got !== undefined) {
      allocated += got;
      lessonsCovered.push(l.id);
    } else lessonsMissing.push(l.id);
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
}
