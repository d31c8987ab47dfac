// How a row's periods are shared among the lessons its rule targets (§6.4), used by attempts and allocation.

import type { Lesson, MappingRule, Program, RuleSet } from '../../rules/types.js';
import type { LessonShare, RowContribution } from '../types.js';

/** Split a row's periods over its rule's target lessons, program by program. */
export function contributions(rule: MappingRule, periods: number | null, programs: readonly Program[], ruleSet: RuleSet): RowContribution[] {
  const out: RowContribution[] = [];
  for (const program of programs) {
    const targets = rule.targets
      .map((t) => ({ t, entry: ruleSet.lessonIndex.get(t.lessonId) }))
      .filter((x) => x.entry && x.entry.program.id === program.id);
    if (targets.length === 0) continue;
    const weightOf = (lesson: Lesson, share: number | undefined) => share ?? lesson.periods;
    const total = targets.reduce((s, x) => s + weightOf(x.entry!.lesson, x.t.share), 0);
    out.push({
      programId: program.id,
      lessons: targets.map(({ t, entry }) => {
        const weight = weightOf(entry!.lesson, t.share) / total;
        return {
          lessonId: entry!.lesson.id,
          subjectId: entry!.subject.id,
          periods: periods === null ? null : periods * weight,
          // unknown periods: the optimistic reading assumes the module's typical size, split the same way (§6.6)
          ...(periods === null && rule.typicalPeriods !== undefined ? { assumed: rule.typicalPeriods * weight } : {}),
        };
      }),
    });
  }
  return out;
}

/** Unknown periods are taken, optimistically, as the rule's typical periods, else the curriculum periods of the lesson fed. */
export function optimisticPeriods(share: LessonShare, ruleSet: RuleSet): number {
  return share.periods ?? share.assumed ?? ruleSet.lessonIndex.get(share.lessonId)!.lesson.periods;
}
