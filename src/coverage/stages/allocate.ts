// Stage 3 of the core: the periods each program's lessons receive, pessimistically and optimistically.

import type { Program, RuleSet } from '../../rules/types.js';
import type { Notice } from '../types.js';
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
  const allocations = programs.map((program) => allocateProgram(program, attempts, ruleSet));
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
    covers?: readonly string[];
  };
  const byModule = new Map<string, Tally>();
  for (const { matched, outcome } of attempts.rows) {
    if (outcome.state === 'not-counted') continue;
    const c = outcome.contributions.find((x) => x.programId === program.id);
    if (!c) continue;
    let t = byModule.get(matched.module!);
    if (!t) {
      const covers = matched.rule?.covers;
      byModule.set(matched.module!, (t = { pessRows: [], optRows: [], pess: new Map(), opt: new Map(), exempt: false, ...(covers ? { covers } : {}) }));
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
    covers?: readonly string[];
  };
  const add = (into: Map<string, number>, from: Map<string, number>) => {
    for (const [k, v] of from) into.set(k, (into.get(k) ?? 0) + v);
  };
  const byUnit = new Map<string, Unit>();
  for (const [moduleId, t] of byModule) {
    const unitId = attempts.units.get(moduleId) ?? moduleId;
    let u = byUnit.get(unitId);
    if (!u) {
      const covers = t.covers;
      byUnit.set(unitId, (u = { pessRows: [], optRows: [], studied: new Map(), exempted: new Map(), opt: new Map(), ...(covers ? { covers } : {}) }));
    }
    u.pessRows.push(...t.pessRows);
    u.optRows.push(...t.optRows);
    add(t.exempt ? u.exempted : u.studied, t.pess);
    add(u.opt, t.opt);
  }
  // Pessimistic: overlapping units (rules sharing a content tag) count once per lesson, the larger; an exemption
  // (credit recognised, often for a module listed on another transcript) adds only where no overlapping studied
  // module feeds the lesson. Complementary modules feeding the same lesson add up.
  const units = [...byUnit.values()];
  const pessLessons = pessimisticLessons(units);
  const optLessons = new Map<string, number>();
  for (const u of units) add(optLessons, u.opt);
  const rowsOf = (pick: (u: Unit) => number[]) => {
    const rows: number[] = [];
    for (const u of units) for (const r of pick(u)) rows.push(r);
    return rows.sort((a, b) => a - b);
  };

  // overlapping units feeding the same lesson: their rows are what the overlap rests on
  const feeders = new Map<string, Unit[]>();
  for (const t of units) {
    for (const k of t.opt.keys()) {
      const list = feeders.get(k);
      if (list) list.push(t);
      else feeders.set(k, [t]);
    }
  }
  // a lesson with one feeder has no overlap: only the others are weighed
  const overlapping = (id: string): Unit[] => {
    const list = feeders.get(id);
    return list && list.length > 1 ? overlappingFeeders(list) : [];
  };
  const overlapLessons: string[] = [];
  const overlapSet = new Set<number>();
  for (const l of program.lessons) {
    const found = overlapping(l.id);
    if (found.length <= 1) continue;
    overlapLessons.push(l.id);
    for (const t of found) for (const r of t.optRows) overlapSet.add(r);
  }
  const overlapRows = [...overlapSet].sort((a, b) => a - b);

  return {
    program,
    pessimistic: { lessons: pessLessons, rows: rowsOf((u) => u.pessRows) },
    optimistic: { lessons: optLessons, rows: rowsOf((u) => u.optRows) },
    overlapLessons,
    overlapRows,
  };
}
