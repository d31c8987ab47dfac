// The lessons a mapping rule targets: each must exist, once, with shares on all targets of a program or none.

import type { RuleIssue } from '../../findings/rule-issues.js';
import type { RuleSet, RuleTarget } from '../types.js';
import type { Segment, SourceFile } from './source.js';

/** Shares are decimals written by people: compare sums with this tolerance. */
const EPS = 1e-9;

export function checkTargets(
  src: SourceFile,
  at: (...p: Segment[]) => Segment[],
  ruleId: string,
  targets: RuleTarget[],
  lessonIndex: RuleSet['lessonIndex'],
  issues: RuleIssue[],
): void {
  const byProgram = new Map<string, number[]>();
  const seen = new Set<string>();
  targets.forEach((t, i) => {
    if (seen.has(t.lessonId)) {
      issues.push(src.issue(at('targets', i), 'target-twice', { lesson: t.lessonId }));
    }
    seen.add(t.lessonId);
    const entry = lessonIndex.get(t.lessonId);
    if (!entry) {
      const lessons = subjectLessons(t.lessonId, lessonIndex);
      issues.push(src.issue(at('targets', i), 'target-unknown', { lesson: t.lessonId, ...(lessons ? { lessons } : {}) }));
      return;
    }
    const list = byProgram.get(entry.program.id);
    if (list) list.push(i);
    else byProgram.set(entry.program.id, [i]);
  });
  for (const [programId, idx] of byProgram) {
    const withShare = idx.filter((i) => targets[i]!.share !== undefined);
    if (withShare.length === 0) continue;
    if (withShare.length !== idx.length) {
      const i = idx.find((j) => targets[j]!.share === undefined)!;
      issues.push(src.issue(at('targets', i), 'shares-partial', { rule: ruleId, program: programId }));
      continue;
    }
    const sum = idx.reduce((n, i) => n + targets[i]!.share!, 0);
    if (Math.abs(sum - 1) > EPS) {
      issues.push(src.issue(at('targets', idx[0]!), 'shares-sum', { rule: ruleId, program: programId, sum }));
    }
  }
}

/** The lessons of the subject `id` names, when a rule targets a subject that has lessons. */
function subjectLessons(id: string, lessonIndex: RuleSet['lessonIndex']): string[] | undefined {
  for (const { subject } of lessonIndex.values()) {
    if (subject.id === id) return subject.lessons.map((l) => l.id);
  }
  return undefined;
}
