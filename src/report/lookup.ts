// Names and titles looked up in the rule set by id, with the id itself as the fallback for unknown ids.

import type { Program, RuleSet, Subject } from '../rules/types.js';
import type { Lang } from '../lang.js';

export function findProgram(ruleSet: RuleSet, id: string): Program | undefined {
  return ruleSet.programs.find((p) => p.id === id);
}

export function findSubject(ruleSet: RuleSet, programId: string, subjectId: string): Subject | undefined {
  return findProgram(ruleSet, programId)?.subjects.find((s) => s.id === subjectId);
}

export function programName(ruleSet: RuleSet, id: string, lang: Lang): string {
  return findProgram(ruleSet, id)?.name[lang] ?? id;
}

export function subjectName(ruleSet: RuleSet, programId: string, subjectId: string, lang: Lang): string {
  return findSubject(ruleSet, programId, subjectId)?.name[lang] ?? subjectId;
}

export function lessonTitle(ruleSet: RuleSet, lessonId: string, lang: Lang): string {
  return ruleSet.lessonIndex.get(lessonId)?.lesson.title[lang] ?? lessonId;
}

/** Whether a lesson id is the stand-in lesson of a subject without a lesson list (not worth listing by title). */
export function isImplicitLesson(ruleSet: RuleSet, lessonId: string): boolean {
  return ruleSet.lessonIndex.get(lessonId)?.lesson.implicit ?? false;
}

export function ruleLabel(ruleSet: RuleSet, ruleId: string, lang: Lang): string {
  return ruleSet.rules.find((r) => r.id === ruleId)?.label[lang] ?? ruleId;
}
