// The program files compiled: subjects, lessons and counting policies, with ids, periods and totals checked.

import type { Absent, IdKind, RuleIssue } from '../../findings/rule-issues.js';
import { jsonPath } from '../../json-syntax.js';
import { programFileSchema, type ProgramFile, type RuleSetFile } from '../schema.js';
import type { Lesson, PeriodSplit, Program, ProgramPart, RuleSet, Subject } from '../types.js';
import { resolveRulePath, ROOT_FILE } from './files.js';
import { checkRange } from './grading.js';
import { readFile, SourceFile, type Located, type Segment } from './source.js';

/** Subject and program periods are sums of decimals: compare with this tolerance. */
const EPS = 1e-9;

/** What compiling programs needs from the orchestrator: the files' texts and how to name them. */
export interface ProgramContext {
  texts: ReadonlyMap<string, string>;
  display: (rel: string) => string;
  /** why a listed file is absent, in words */
  absent: (rel: string, listed: string) => Absent;
  /** ids of the legal instruments the root declares */
  legalIds: ReadonlyMap<string, number>;
}

export interface CompiledPrograms {
  /** sorted by rank */
  programs: Program[];
  lessonIndex: RuleSet['lessonIndex'];
  /** every listed program file was read and valid (cross-references can be checked) */
  complete: boolean;
}

export function compilePrograms(rootSrc: SourceFile, root: RuleSetFile, ctx: ProgramContext, issues: RuleIssue[]): CompiledPrograms {
  const { texts, display, absent, legalIds } = ctx;
  let programsComplete = true;
  const listed = new Set<string>();
  const programFiles: { src: SourceFile; data: ProgramFile }[] = [];
  root.programs.forEach((p, i) => {
    const rel = resolveRulePath(p);
    if (listed.has(rel)) {
      issues.push(rootSrc.issue(['programs', i], 'listed-twice', { listed: p }));
      return;
    }
    listed.add(rel);
    const text = texts.get(rel);
    if (text === undefined) {
      const a = absent(rel, p);
      issues.push(rootSrc.issue(['programs', i], a.code, a.args));
      programsComplete = false;
      return;
    }
    const src = new SourceFile(display(rel), text);
    const data = readFile(src, programFileSchema, issues) as ProgramFile | undefined;
    if (data) programFiles.push({ src, data });
    else programsComplete = false;
  });

  const programIds = new Map<string | number, Located>();
  const subjectIds = new Map<string | number, Located>();
  const lessonIds = new Map<string | number, Located>();
  const ranks = new Map<string | number, Located>();
  /** Records the first place of an id; a later one is an issue that points back at the first. */
  const duplicate = (seen: Map<string | number, Located>, id: string | number, at: Located, kind: IdKind): void => {
    const first = seen.get(id);
    if (first) issues.push(at.src.issue(at.path, 'duplicate-id', { kind, id, first: `${first.src.file} ${jsonPath(first.path)}` }));
    else seen.set(id, at);
  };

  const programs: Program[] = [];
  for (const { src, data } of programFiles) {
    duplicate(programIds, data.id, { src, path: ['id'] }, 'program-id');
    duplicate(ranks, data.rank, { src, path: ['rank'] }, 'program-rank');
    checkRange(src, ['effective'], data.effective, issues);
    data.legalBasis.forEach((id, i) => {
      if (!legalIds.has(id)) {
        issues.push(src.issue(['legalBasis', i], 'unknown-legal-basis', { id, root: ROOT_FILE }));
      }
    });
    const policyRatio = data.policy.kind === 'per-subject' ? data.policy.minRatio : undefined;
    const subjects: Subject[] = data.subjects.map((s, si) => {
      duplicate(subjectIds, s.id, { src, path: ['subjects', si, 'id'] }, 'subject-id');
      const provenance = { verified: s.verified, source: s.source };
      let lessons: Lesson[];
      if (s.lessons) {
        lessons = s.lessons.map((l, li) => {
          duplicate(lessonIds, l.id, { src, path: ['subjects', si, 'lessons', li, 'id'] }, 'lesson-id');
          return {
            id: l.id,
            title: l.title,
            periods: l.periods,
            subjectId: s.id,
            implicit: false,
            ...(l.titleVerified !== undefined ? { titleVerified: l.titleVerified } : {}),
            provenance: { verified: l.verified, source: l.source },
          };
        });
        const sum = lessons.reduce((n, l) => n + l.periods, 0);
        if (Math.abs(sum - s.periods) > EPS) {
          issues.push(src.issue(['subjects', si, 'periods'], 'subject-lessons-sum', { subject: s.id, periods: s.periods, sum }));
        }
      } else {
        duplicate(lessonIds, s.id, { src, path: ['subjects', si, 'id'] }, 'implicit-lesson-id');
        lessons = [{ id: s.id, title: s.name, periods: s.periods, subjectId: s.id, implicit: true, provenance }];
      }
      return {
        id: s.id,
        name: s.name,
        periods: s.periods,
        required: s.required,
        // The course policy has no per-subject minimum; 1 keeps any accidental use on the safe side.
        minRatio: s.minRatio ?? policyRatio ?? 1,
        lessons,
        ...(s.split ? { split: compileSplit(src, ['subjects', si, 'split'], s.id, s.periods, s.split, issues) } : {}),
        provenance,
      };
    });
    const sum = subjects.reduce((n, s) => n + s.periods, 0);
    if (Math.abs(sum - data.totalPeriods) > EPS) {
      issues.push(src.issue(['totalPeriods'], 'program-subjects-sum', { program: data.id, periods: data.totalPeriods, sum }));
    }
    const lessons = subjects.flatMap((s) => s.lessons);
    if (data.policy.kind === 'course') {
      if (data.policy.minPeriods > data.totalPeriods) {
        issues.push(src.issue(['policy', 'minPeriods'], 'min-periods-above', { minPeriods: data.policy.minPeriods, total: data.totalPeriods }));
      }
      if (data.policy.minLessons > lessons.length) {
        issues.push(src.issue(['policy', 'minLessons'], 'min-lessons-above', { minLessons: data.policy.minLessons, total: lessons.length }));
      }
    } else if (!subjects.some((s) => s.required)) {
      // with no required subject, an empty transcript would pass
      issues.push(src.issue(['subjects'], 'no-required-subject', { program: data.id }));
    }
    const parts = data.parts ? compileParts(src, data.parts, subjects, issues) : undefined;
    const policyProvenance = { verified: data.policy.verified, source: data.policy.source };
    programs.push({
      id: data.id,
      rank: data.rank,
      name: data.name,
      ...(data.shortName ? { shortName: data.shortName } : {}),
      totalPeriods: data.totalPeriods,
      policy:
        data.policy.kind === 'course'
          ? { kind: 'course', minPeriods: data.policy.minPeriods, minLessons: data.policy.minLessons, provenance: policyProvenance }
          : { kind: 'per-subject', provenance: policyProvenance },
      subjects,
      ...(parts ? { parts } : {}),
      lessons,
      effective: data.effective,
      legalBasis: data.legalBasis,
      provenance: { verified: data.verified, source: data.source },
    });
  }
  programs.sort((a, b) => a.rank - b.rank);

  const lessonIndex = new Map<string, { program: Program; subject: Subject; lesson: Lesson }>();
  for (const program of programs) {
    for (const subject of program.subjects) {
      for (const lesson of subject.lessons) if (!lessonIndex.has(lesson.id)) lessonIndex.set(lesson.id, { program, subject, lesson });
    }
  }
  return { programs, lessonIndex, complete: programsComplete };
}
/** The published split of a subject's periods must add up to them. */
function compileSplit(
  src: SourceFile,
  path: Segment[],
  subjectId: string,
  periods: number,
  split: NonNullable<ProgramFile['subjects'][number]['split']>,
  issues: RuleIssue[],
): PeriodSplit {
  const sum = split.lecture + split.discussion + split.selfStudy + split.exam;
  if (Math.abs(sum - periods) > EPS) {
    issues.push(src.issue(path, 'split-sum', { subject: subjectId, periods, sum }));
  }
  return {
    lecture: split.lecture,
    discussion: split.discussion,
    selfStudy: split.selfStudy,
    exam: split.exam,
    provenance: { verified: split.verified, source: split.source },
  };
}

/** Named parts: each lists subjects of this program, each subject in at most one part. */
function compileParts(src: SourceFile, parts: NonNullable<ProgramFile['parts']>, subjects: Subject[], issues: RuleIssue[]): ProgramPart[] {
  const known = new Set(subjects.map((s) => s.id));
  const placed = new Map<string, string>();
  return parts.map((p, pi) => {
    p.subjects.forEach((id, i) => {
      const at = ['parts', pi, 'subjects', i];
      if (!known.has(id)) {
        issues.push(src.issue(at, 'part-unknown-subject', { subject: id, part: p.id }));
      } else if (placed.has(id)) {
        issues.push(src.issue(at, 'part-subject-twice', { subject: id, part: placed.get(id)! }));
      } else placed.set(id, p.id);
    });
    return {
      id: p.id,
      name: p.name,
      subjectIds: p.subjects,
      nameVerified: p.nameVerified ?? p.verified,
      provenance: { verified: p.verified, source: p.source },
    };
  });
}
