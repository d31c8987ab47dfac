// How a row's periods are shared among the lessons its rule targets (§6.4), used by attempts and allocation.

import type { Lesson, MappingRule, Program, RuleSet } from '../../rules/types.js';
import type { LessonShare, RowContribution } from '../types.js';

/** One target lesson of a rule within one program, and the share of the row's periods it gets. */
interface TargetShare {
  lessonId: string;
  subjectId: string;
  weight: number;
}

/**
 * Per rule set and rule: its target lessons grouped by program, with their weights. They depend on the rule set
 * alone, and every row matched to the rule needs them (a batch: millions of rows, a few dozen rules).
 */
const sharesMemo = new WeakMap<RuleSet, Map<MappingRule, Map<string, TargetShare[]>>>();

function targetShares(rule: MappingRule, ruleSet: RuleSet): Map<string, TargetShare[]> {
  let byRule = sharesMemo.get(ruleSet);
  if (!byRule) sharesMemo.set(ruleSet, (byRule = new Map()));
  let byProgram = byRule.get(rule);
  if (byProgram) return byProgram;
  // the targets of each program, in the rule's order (as the lesson index places them)
  const byId = new Map<string, { t: MappingRule['targets'][number]; lesson: Lesson; subjectId: string }[]>();
  for (const t of rule.targets) {
    const entry = ruleSet.lessonIndex.get(t.lessonId);
    if (!entry) continue;
    const list = byId.get(entry.program.id);
    const target = { t, lesson: entry.lesson, subjectId: entry.subject.id };
    if (list) list.push(target);
    else byId.set(entry.program.id, [target]);
  }
  byProgram = new Map();
  const weightOf = (lesson: Lesson, share: number | undefined) => share ?? lesson.periods;
  for (const [programId, targets] of byId) {
    const total = targets.reduce((s, x) => s + weightOf(x.lesson, x.t.share), 0);
    byProgram.set(
      programId,
      targets.map(({ t, lesson, subjectId }) => ({ lessonId: lesson.id, subjectId, weight: weightOf(lesson, t.share) / total })),
    );
  }
  byRule.set(rule, byProgram);
  return byProgram;
}

/** Split a row's periods over its rule's target lessons, program by program. */
export function contributions(rule: MappingRule, periods: number | null, programs: readonly Program[], ruleSet: RuleSet): RowContribution[] {
  const shares = targetShares(rule, ruleSet);
  // unknown periods: the optimistic reading assumes the module's typical size, split the same way (§6.6)
  const typical = periods === null ? rule.typicalPeriods : undefined;
  const out: RowContribution[] = [];
  for (const program of programs) {
    const targets = shares.get(program.id);
    if (!targets) continue;
    const lessons: LessonShare[] = [];
    for (const { lessonId, subjectId, weight } of targets) {
      // every share has the same keys (assumed: undefined where nothing is assumed), so readers see one shape
      lessons.push({
        lessonId,
        subjectId,
        periods: periods === null ? null : periods * weight,
        assumed: typical === undefined ? undefined : typical * weight,
      });
    }
    out.push({ programId: program.id, lessons });
  }
  return out;
}

/** Unknown periods are taken, optimistically, as the rule's typical periods, else the curriculum periods of the lesson fed. */
export function optimisticPeriods(share: LessonShare, ruleSet: RuleSet): number {
  return share.periods ?? share.assumed ?? ruleSet.lessonIndex.get(share.lessonId)!.lesson.periods;
}
