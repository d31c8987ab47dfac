// Stage 3 of the core: the periods each program's lessons receive, pessimistically and optimistically.

import type { Program, RuleSet } from '../../rules/types.js';
import type { Notice, RowContribution } from '../types.js';
import type { Attempts } from './attempts.js';
import { overlappingFeeders, pessimisticLessons } from '../overlap.js';
import { optimisticPeriods } from './shares.js';

/** Periods credited to each lesson of a program, and the rows behind them. */
export interface LessonAllocation {
  readonly lessons: ReadonlyMap<string, number>;
  readonly rows: number[];
}

export interface ProgramAllocation {
  readonly program: Program;
  readonly pessimistic: LessonAllocation;
  readonly optimistic: LessonAllocation;
  /** lessons fed by more than one unit of content */
  readonly overlapLessons: string[];
  /** the rows of those units */
  readonly overlapRows: number[];
}

export interface Allocations {
  readonly programs: readonly ProgramAllocation[];
  readonly notices: Notice[];
}

export function allocatePeriods(attempts: Attempts, programs: readonly Program[], ruleSet: RuleSet): Allocations {
  const allocations: ProgramAllocation[] = [];
  for (const program of programs) allocations.push(allocateProgram(program, attempts, ruleSet));
  const notices: Notice[] = [];
  for (const a of allocations) {
    if (a.overlapRows.length > 0) {
      notices.push({ code: 'overlapping-modules', args: { programId: a.program.id, rows: a.overlapRows, lessons: a.overlapLessons } });
    }
  }
  return { programs: allocations, notices };
}

/**
 * Per module: the counted attempt (pessimistic) or the best attempt in play (optimistic). Per unit: its modules
 * add up. Across units that feed the same lesson: the larger counts, and an exempt unit only where nothing
 * studied does (pessimistic), or they add up (optimistic), so overlapping content never decides a PASS on its own.
 */
function allocateProgram(program: Program, attempts: Attempts, ruleSet: RuleSet): ProgramAllocation {
  type Tally = {
    pessRows: number[];
    optRows: number[];
    pess: Map<string, number>;
    opt: Map<string, number>;
    exempt: boolean;
    covers: readonly string[] | undefined;
  };
  const byModule = new Map<string, Tally>();
  for (const { matched, outcome } of attempts.rows) {
    if (outcome.state === 'not-counted') continue;
    const c = contributionTo(outcome.contributions, program.id);
    if (!c) continue;
    let t = byModule.get(matched.module!);
    if (!t) {
      // covers is always a key (undefined: no tags), so every tally has one shape
      const covers = matched.rule?.covers || undefined;
      byModule.set(matched.module!, (t = { pessRows: [], optRows: [], pess: new Map(), opt: new Map(), exempt: false, covers }));
    }
    t.optRows.push(outcome.rowId);
    for (const l of c.lessons) t.opt.set(l.lessonId, Math.max(t.opt.get(l.lessonId) ?? 0, optimisticPeriods(l, ruleSet)));
    if (outcome.state === 'counted') {
      t.pessRows.push(outcome.rowId);
      t.exempt = matched.reading.status === 'exempt';
      for (const l of c.lessons) t.pess.set(l.lessonId, l.periods!);
    }
  }
  // Units: the modules whose content adds up. Studied and exempt shares are kept apart for the pessimistic side.
  type Unit = {
    pessRows: number[];
    optRows: number[];
    studied: Map<string, number>;
    exempted: Map<string, number>;
    opt: Map<string, number>;
    covers: readonly string[] | undefined;
  };
  const byUnit = new Map<string, Unit>();
  for (const [moduleId, t] of byModule) {
    const unitId = attempts.units.get(moduleId) ?? moduleId;
    const u = byUnit.get(unitId);
    if (!u) {
      // a unit's first module: its lists and maps become the unit's (as added to empty ones: same keys, order
      // and values); a module is visited once, so later modules of the unit may add to them
      const none = new Map<string, number>();
      byUnit.set(unitId, {
        pessRows: t.pessRows,
        optRows: t.optRows,
        studied: t.exempt ? none : t.pess,
        exempted: t.exempt ? t.pess : none,
        opt: t.opt,
        covers: t.covers,
      });
      continue;
    }
    for (const r of t.pessRows) u.pessRows.push(r);
    for (const r of t.optRows) u.optRows.push(r);
    add(t.exempt ? u.exempted : u.studied, t.pess);
    add(u.opt, t.opt);
  }
  // Pessimistic: overlapping units (rules sharing a content tag) count once per lesson, the larger; an exemption
  // (credit recognised, often for a module listed on another transcript) adds only where no overlapping studied
  // module feeds the lesson. Complementary modules feeding the same lesson add up.
  const units: Unit[] = [];
  for (const u of byUnit.values()) units.push(u);
  const pessLessons = pessimisticLessons(units);
  const optLessons = new Map<string, number>();
  for (const u of units) add(optLessons, u.opt);
  const pessRows: number[] = [];
  const optRows: number[] = [];
  for (const u of units) {
    for (const r of u.pessRows) pessRows.push(r);
    for (const r of u.optRows) optRows.push(r);
  }
  pessRows.sort(byNumber);
  optRows.sort(byNumber);

  // overlapping units feeding the same lesson: their rows are what the overlap rests on
  const feeders = new Map<string, Unit[]>();
  for (const t of units) {
    for (const k of t.opt.keys()) {
      const list = feeders.get(k);
      if (list) list.push(t);
      else feeders.set(k, [t]);
    }
  }
  const overlapLessons: string[] = [];
  const overlapSet = new Set<number>();
  for (const l of program.lessons) {
    // a lesson with one feeder has no overlap: only the others are weighed
    const list = feeders.get(l.id);
    if (!list || list.length < 2) continue;
    const found = overlappingFeeders(list);
    if (found.length <= 1) continue;
    overlapLessons.push(l.id);
    for (const t of found) for (const r of t.optRows) overlapSet.add(r);
  }
  const overlapRows: number[] = [];
  for (const r of overlapSet) overlapRows.push(r);
  overlapRows.sort(byNumber);

  return {
    program,
    pessimistic: { lessons: pessLessons, rows: pessRows },
    optimistic: { lessons: optLessons, rows: optRows },
    overlapLessons,
    overlapRows,
  };
}

function add(into: Map<string, number>, from: Map<string, number>): void {
  for (const [k, v] of from) into.set(k, (into.get(k) ?? 0) + v);
}

const byNumber = (a: number, b: number): number => a - b;

/** The contribution of a row to one program, if any. */
function contributionTo(list: readonly RowContribution[], programId: string): RowContribution | undefined {
  for (const c of list) if (c.programId === programId) return c;
  return undefined;
}
