// Stage 4 of the core: each program evaluated twice (pessimistic, optimistic) under its counting policy.

import type { Program, RuleSet } from '../../rules/types.js';
import { evaluateProgram, round } from '../evaluate.js';
import type { CheckOptions, Evaluation, Notice, ProgramShortfall, UnverifiedData } from '../types.js';
import type { Allocations, LessonAllocation, ProgramAllocation } from './allocate.js';
import type { Attempts } from './attempts.js';

export interface EvaluatedProgram {
  readonly allocation: ProgramAllocation;
  readonly pessimistic: Evaluation;
  readonly optimistic: Evaluation;
  /** shortfall of the pessimistic evaluation (what is surely missing) */
  readonly shortfall: ProgramShortfall;
  readonly usesUnverifiedData: boolean;
}

export interface Evaluations {
  readonly programs: readonly EvaluatedProgram[];
  readonly notices: Notice[];
}

export function evaluatePrograms(allocations: Allocations, attempts: Attempts, ruleSet: RuleSet, options: CheckOptions): Evaluations {
  const notices: Notice[] = [];
  const programs: EvaluatedProgram[] = [];
  for (const allocation of allocations.programs) programs.push(evaluated(allocation));
  function evaluated(allocation: ProgramAllocation): EvaluatedProgram {
    const { program } = allocation;
    const pessimistic = evaluateProgram(program, allocation.pessimistic.lessons, allocation.pessimistic.rows);
    // no uncertain row and no overlap: the optimistic allocation is the pessimistic one, and so is its evaluation
    const optimistic = sameAllocation(allocation.pessimistic, allocation.optimistic)
      ? pessimistic
      : evaluateProgram(program, allocation.optimistic.lessons, allocation.optimistic.rows);
    const unverified = unverifiedData(program, attempts);
    if (!isEmpty(unverified)) notices.push({ code: 'unverified-rules', args: { programId: program.id, ...unverified } });
    const range = narrowest(ruleSet.effective, program.effective);
    if ((range.from && options.asOf < range.from) || (range.to && options.asOf > range.to)) {
      notices.push({
        code: 'outside-effective-period',
        args: { asOf: options.asOf, programId: program.id, ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}) },
      });
    }
    return { allocation, pessimistic, optimistic, shortfall: shortfallOf(program, pessimistic), usesUnverifiedData: !isEmpty(unverified) };
  }
  return { programs, notices };
}

/** The same lessons with the same periods, in the same order, from the same rows. */
function sameAllocation(a: LessonAllocation, b: LessonAllocation): boolean {
  if (a.lessons.size !== b.lessons.size || a.rows.length !== b.rows.length) return false;
  for (let i = 0; i < a.rows.length; i++) if (a.rows[i] !== b.rows[i]) return false;
  const other = b.lessons.entries();
  for (const [k, v] of a.lessons) {
    const [k2, v2] = other.next().value as [string, number];
    if (k !== k2 || !Object.is(v, v2)) return false;
  }
  return true;
}

function shortfallOf(program: Program, e: Evaluation): ProgramShortfall {
  const course = program.policy.kind === 'course';
  const subjects: ProgramShortfall['subjects'] = [];
  let missing = 0;
  for (const s of e.subjects) {
    if (course ? s.lessonsMissing.length === 0 : !(s.required && s.pass === false)) continue;
    subjects.push({ subjectId: s.subjectId, periodsMissing: s.periodsMissing, lessonsMissing: s.lessonsMissing });
    missing += s.periodsMissing;
  }
  if (program.policy.kind === 'course') {
    return {
      periodsMissing: round(Math.max(0, program.policy.minPeriods - e.periodsCounted)),
      lessonsMissing: Math.max(0, program.policy.minLessons - e.lessonsCovered),
      subjects,
    };
  }
  return { periodsMissing: round(missing), lessonsMissing: 0, subjects };
}

/** The unverified data a program's verdict rests on: its own items and the rules of the rows it used. */
function unverifiedData(program: Program, attempts: Attempts): UnverifiedData {
  const rules: string[] = [];
  for (const { matched, outcome } of attempts.rows) {
    const rule = matched.rule;
    if (rule && !rule.provenance.verified && !rules.includes(rule.id)) {
      for (const c of outcome.contributions) {
        if (c.programId === program.id) {
          rules.push(rule.id);
          break;
        }
      }
    }
  }
  const own = unverifiedItems(program);
  return { program: own.program, policy: own.policy, subjects: [...own.subjects], lessons: [...own.lessons], rules };
}

const itemsMemo = new WeakMap<Program, Omit<UnverifiedData, 'rules'>>();

/** A program's own unverified items: they depend on the program alone (once per program, not per dossier). */
function unverifiedItems(program: Program): Omit<UnverifiedData, 'rules'> {
  let items = itemsMemo.get(program);
  if (!items) {
    items = {
      program: !program.provenance.verified,
      policy: !program.policy.provenance.verified,
      subjects: program.subjects.filter((s) => !s.provenance.verified).map((s) => s.id),
      lessons: program.lessons.filter((l) => !l.implicit && !l.provenance.verified).map((l) => l.id),
    };
    itemsMemo.set(program, items);
  }
  return items;
}

const isEmpty = (u: UnverifiedData) => !u.program && !u.policy && u.subjects.length + u.lessons.length + u.rules.length === 0;

/** The later start and the earlier end of two date ranges (ISO dates compare as text). */
function narrowest(a: { from?: string; to?: string }, b: { from?: string; to?: string }): { from?: string; to?: string } {
  const from = a.from && b.from ? (a.from > b.from ? a.from : b.from) : a.from || b.from;
  const to = a.to && b.to ? (a.to < b.to ? a.to : b.to) : a.to || b.to;
  const range: { from?: string; to?: string } = {};
  if (from) range.from = from;
  if (to) range.to = to;
  return range;
}
