// `rules show` as data: a rule set's programs, subjects, lessons and thresholds, with provenance (pure, no wording).

import type { DateRange, LegalInstrument, Localized, PeriodSplit, ProgramPart, Provenance, RuleSet } from './types.js';

export interface LessonView {
  id: string;
  title: Localized;
  periods: number;
  /** the stand-in lesson of a subject with no lesson list */
  implicit: boolean;
  /** the title is published even where the periods are reconstructed */
  titleVerified: boolean;
  provenance: Provenance;
  /** mapping rules that feed this lesson, in mapping order */
  rules: string[];
}

export interface SubjectView {
  id: string;
  name: Localized;
  periods: number;
  required: boolean;
  /** per-subject policy: share of the periods needed; null under the course policy */
  minRatio: number | null;
  /** the published split of the periods (lecture, discussion, self-study, exam), when recorded */
  split: PeriodSplit | null;
  provenance: Provenance;
  lessons: LessonView[];
}

export interface ProgramView {
  id: string;
  rank: number;
  name: Localized;
  totalPeriods: number;
  policy: { kind: 'course'; minPeriods: number; minLessons: number; provenance: Provenance } | { kind: 'per-subject'; provenance: Provenance };
  /** the program's own period */
  effective: DateRange;
  /** where the rule set and the program are both in force: what `check` compares the reference date with */
  effectiveApplied: DateRange;
  legalBasis: LegalInstrument[];
  provenance: Provenance;
  /** named parts grouping the subjects (phần, khối), when the program has them */
  parts: ProgramPart[];
  subjects: SubjectView[];
  lessonCount: number;
  /** counts of verified versus reconstructed items (program, policy, subjects, lessons) */
  verifiedCount: { verified: number; reconstructed: number };
}

export interface RuleSetView {
  id: string;
  name: Localized;
  version: string;
  effective: DateRange;
  periodsPerUnit: { credit: number; dvht: number };
  legalBasis: LegalInstrument[];
  programs: ProgramView[];
}

function narrowest(a: DateRange, b: DateRange): DateRange {
  const from = [a.from, b.from].filter((x): x is string => !!x).sort().pop();
  const to = [a.to, b.to].filter((x): x is string => !!x).sort()[0];
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** The view of `ruleSet`, or of one program when `programId` is given (undefined when no such program). */
export function showRuleSet(ruleSet: RuleSet, programId?: string): RuleSetView | undefined {
  const programs = programId === undefined ? ruleSet.programs : ruleSet.programs.filter((p) => p.id === programId);
  if (programs.length === 0) return undefined;
  const legal = new Map((ruleSet.legalBasis ?? []).map((l) => [l.id, l]));
  const feeders = new Map<string, string[]>();
  for (const rule of [...ruleSet.rules].sort((a, b) => a.order - b.order)) {
    for (const t of rule.targets) feeders.set(t.lessonId, [...(feeders.get(t.lessonId) ?? []), rule.id]);
  }
  return {
    id: ruleSet.id,
    name: ruleSet.name,
    version: ruleSet.version,
    effective: ruleSet.effective,
    periodsPerUnit: ruleSet.periodsPerUnit,
    legalBasis: ruleSet.legalBasis ?? [],
    programs: programs.map((p): ProgramView => {
      const subjects = p.subjects.map(
        (s): SubjectView => ({
          id: s.id,
          name: s.name,
          periods: s.periods,
          required: s.required,
          minRatio: p.policy.kind === 'per-subject' ? s.minRatio : null,
          split: s.split ?? null,
          provenance: s.provenance,
          lessons: s.lessons.map((l) => ({
            id: l.id,
            title: l.title,
            periods: l.periods,
            implicit: l.implicit,
            titleVerified: l.titleVerified ?? l.provenance.verified,
            provenance: l.provenance,
            rules: feeders.get(l.id) ?? [],
          })),
        }),
      );
      const items = [p.provenance, p.policy.provenance, ...p.subjects.map((s) => s.provenance), ...p.lessons.filter((l) => !l.implicit).map((l) => l.provenance)];
      const verified = items.filter((x) => x.verified).length;
      return {
        id: p.id,
        rank: p.rank,
        name: p.name,
        totalPeriods: p.totalPeriods,
        policy: p.policy,
        effective: p.effective,
        effectiveApplied: narrowest(ruleSet.effective, p.effective),
        legalBasis: p.legalBasis.map((id) => legal.get(id)).filter((l): l is LegalInstrument => l !== undefined),
        provenance: p.provenance,
        parts: p.parts ?? [],
        subjects,
        lessonCount: p.lessons.length,
        verifiedCount: { verified, reconstructed: items.length - verified },
      };
    }),
  };
}
