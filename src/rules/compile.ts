// Compiles the texts of a rule set's JSON files into a RuleSet, collecting every problem before throwing.

import { posix, join } from 'node:path';
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { RuleFileError, type RuleIssue } from '../errors.js';
import { createMatcher } from '../match/match.js';
import { baseKey, compileAbbreviations, matchingKey } from '../match/normalize.js';
import { mappingFileSchema, programFileSchema, ruleSetFileSchema } from './schema.js';
import type { MappingFile, ProgramFile, RuleSetFile } from './schema.js';
import type {
  Abbreviation,
  GradePolicy,
  LegalInstrument,
  Lesson,
  MappingRule,
  Program,
  RuleSet,
  RuleTarget,
  Subject,
} from './types.js';

/** The root file of every rule set, relative to the rule directory. */
export const ROOT_FILE = 'ruleset.json';

type Segment = string | number;

/** Shares are decimals written by people: compare sums with this tolerance. */
const EPS = 1e-9;

/** `$.subjects[2].lessons[0].periods` from path segments. */
export function jsonPath(path: readonly Segment[]): string {
  let s = '$';
  for (const seg of path) {
    if (typeof seg === 'number') s += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(seg)) s += `.${seg}`;
    else s += `[${JSON.stringify(seg)}]`;
  }
  return s;
}

/** A path as listed in ruleset.json, in the form used as a key of the `files` map. */
export function resolveRulePath(listed: string): string {
  return posix.normalize(listed.replace(/\\/g, '/')).replace(/^\.\//, '');
}

/** What a root file seems to list, read leniently (a broken root still names the files to check). */
function listedByKind(rootText: string): { programs: string[]; mapping?: string } {
  const tree = parseTree(stripBom(rootText), [], { disallowComments: true });
  const value: unknown = tree ? getNodeValue(tree) : undefined;
  if (!value || typeof value !== 'object') return { programs: [] };
  const { programs, mapping } = value as { programs?: unknown; mapping?: unknown };
  const list = Array.isArray(programs) ? programs.filter((p): p is string => typeof p === 'string' && p !== '') : [];
  return {
    programs: [...new Set(list.map(resolveRulePath))],
    ...(typeof mapping === 'string' && mapping ? { mapping: resolveRulePath(mapping) } : {}),
  };
}

/** The files a root file lists (programs, then mapping), as `files` keys; tolerant of a broken root. */
export function listedRuleFiles(rootText: string): string[] {
  const { programs, mapping } = listedByKind(rootText);
  return [...new Set(mapping ? [...programs, mapping] : programs)];
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** One parsed JSON file: its tree, for locating issues by path. */
class SourceFile {
  private readonly lineStarts: number[] = [0];
  readonly root: Node | undefined;
  readonly syntaxErrors: ParseError[] = [];

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    this.root = parseTree(text, this.syntaxErrors, { disallowComments: true, allowTrailingComma: false });
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo]! + 1 };
  }

  /** An issue at `path`; located at the key of the nearest existing node (the whole path may not exist). */
  issue(path: readonly Segment[], message: string): RuleIssue {
    const issue: RuleIssue = { file: this.file, path: jsonPath(path), message };
    if (!this.root) return issue;
    for (let n = path.length; n >= 0; n--) {
      const node = findNodeAtLocation(this.root, path.slice(0, n) as Segment[]);
      if (!node) continue;
      const at = node.parent?.type === 'property' ? node.parent.offset : node.offset;
      return { ...issue, ...this.position(at) };
    }
    return issue;
  }
}

/** Parse and validate one file; undefined (with issues recorded) when it cannot be used. */
function readFile<S extends z.ZodType>(
  src: SourceFile,
  schema: S,
  issues: RuleIssue[],
): z.infer<S> | undefined {
  if (src.syntaxErrors.length > 0 || !src.root) {
    for (const e of src.syntaxErrors.slice(0, 5)) {
      issues.push({
        file: src.file,
        path: '$',
        ...src.position(e.offset),
        message: `JSON syntax error: ${printParseErrorCode(e.error)}`,
      });
    }
    if (src.syntaxErrors.length === 0) issues.push({ file: src.file, path: '$', message: 'the file is empty' });
    return undefined;
  }
  // Each file is parsed once per run: compiling a fast path (zod's JIT) costs more start-up than it saves.
  const result = schema.safeParse(getNodeValue(src.root), { jitless: true });
  if (result.success) return result.data as z.infer<S>;
  for (const zi of result.error.issues) {
    const path = zi.path.filter((p): p is Segment => typeof p !== 'symbol');
    if (zi.code === 'unrecognized_keys') {
      for (const key of zi.keys) issues.push(src.issue([...path, key], `unknown key "${key}"`));
    } else {
      issues.push(src.issue(path, zi.message));
    }
  }
  return undefined;
}

interface Located {
  src: SourceFile;
  path: Segment[];
}

/**
 * Compile the rule set whose files (keyed by path relative to the rule directory) are given as text.
 * `unreadable` (optional, from the loader) names listed files that exist but could not be read, with the reason.
 */
export function compileRuleSet(
  files: Map<string, string>,
  dir: string,
  unreadable: ReadonlyMap<string, string> = new Map(),
): RuleSet {
  const issues: RuleIssue[] = [];
  const display = (rel: string) => (dir ? join(dir, rel) : rel);
  const absent = (rel: string, listed: string) =>
    unreadable.has(rel)
      ? `listed file "${listed}" ${unreadable.get(rel)} (${display(rel)})`
      : `listed file "${listed}" is missing (${display(rel)})`;
  const texts = new Map<string, string>();
  for (const [k, v] of files) texts.set(resolveRulePath(k), stripBom(v));

  const rootText = texts.get(ROOT_FILE);
  if (rootText === undefined) {
    throw new RuleFileError([
      { file: display(ROOT_FILE), path: '$', message: `no ${ROOT_FILE}: a rule directory must hold ${ROOT_FILE}` },
    ]);
  }
  const rootSrc = new SourceFile(display(ROOT_FILE), rootText);
  const root = readFile(rootSrc, ruleSetFileSchema, issues) as RuleSetFile | undefined;
  if (!root) {
    // Cross-references need a valid root; the files it seems to list are still checked on their own.
    const { programs, mapping } = listedByKind(rootText);
    for (const rel of programs) {
      const text = texts.get(rel);
      if (text !== undefined) readFile(new SourceFile(display(rel), text), programFileSchema, issues);
    }
    const text = mapping === undefined ? undefined : texts.get(mapping);
    if (mapping !== undefined && text !== undefined) readFile(new SourceFile(display(mapping), text), mappingFileSchema, issues);
    throw new RuleFileError(issues);
  }
  checkRange(rootSrc, ['effective'], root.effective, issues);
  const legalIds = new Map<string, number>();
  root.legalBasis.forEach((l, i) => {
    if (legalIds.has(l.id)) issues.push(rootSrc.issue(['legalBasis', i, 'id'], `duplicate legal basis id "${l.id}"`));
    else legalIds.set(l.id, i);
  });
  const grading = compileGrading(rootSrc, root.grading, issues);

  // --- programs
  let programsComplete = true;
  const listed = new Set<string>();
  const programFiles: { src: SourceFile; data: ProgramFile }[] = [];
  root.programs.forEach((p, i) => {
    const rel = resolveRulePath(p);
    if (listed.has(rel)) {
      issues.push(rootSrc.issue(['programs', i], `"${p}" is listed twice`));
      return;
    }
    listed.add(rel);
    const text = texts.get(rel);
    if (text === undefined) {
      issues.push(rootSrc.issue(['programs', i], absent(rel, p)));
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
  const duplicate = (seen: Map<string | number, Located>, id: string | number, at: Located, what: string): void => {
    const first = seen.get(id);
    if (first) issues.push(at.src.issue(at.path, `duplicate ${what} "${id}" (first at ${first.src.file} ${jsonPath(first.path)})`));
    else seen.set(id, at);
  };

  const programs: Program[] = [];
  for (const { src, data } of programFiles) {
    duplicate(programIds, data.id, { src, path: ['id'] }, 'program id');
    duplicate(ranks, data.rank, { src, path: ['rank'] }, 'program rank');
    checkRange(src, ['effective'], data.effective, issues);
    data.legalBasis.forEach((id, i) => {
      if (!legalIds.has(id)) {
        issues.push(src.issue(['legalBasis', i], `unknown legal basis "${id}": add it to legalBasis in ${ROOT_FILE}`));
      }
    });
    const policyRatio = data.policy.kind === 'per-subject' ? data.policy.minRatio : undefined;
    const subjects: Subject[] = data.subjects.map((s, si) => {
      duplicate(subjectIds, s.id, { src, path: ['subjects', si, 'id'] }, 'subject id');
      const provenance = { verified: s.verified, source: s.source };
      let lessons: Lesson[];
      if (s.lessons) {
        lessons = s.lessons.map((l, li) => {
          duplicate(lessonIds, l.id, { src, path: ['subjects', si, 'lessons', li, 'id'] }, 'lesson id');
          return {
            id: l.id,
            title: l.title,
            periods: l.periods,
            subjectId: s.id,
            implicit: false,
            provenance: { verified: l.verified, source: l.source },
          };
        });
        const sum = lessons.reduce((n, l) => n + l.periods, 0);
        if (Math.abs(sum - s.periods) > EPS) {
          issues.push(
            src.issue(['subjects', si, 'periods'], `subject "${s.id}" has ${s.periods} periods but its lessons sum to ${sum}`),
          );
        }
      } else {
        duplicate(lessonIds, s.id, { src, path: ['subjects', si, 'id'] }, 'lesson id (implicit lesson of a subject)');
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
        provenance,
      };
    });
    const sum = subjects.reduce((n, s) => n + s.periods, 0);
    if (Math.abs(sum - data.totalPeriods) > EPS) {
      issues.push(src.issue(['totalPeriods'], `program "${data.id}" has ${data.totalPeriods} periods but its subjects sum to ${sum}`));
    }
    const lessons = subjects.flatMap((s) => s.lessons);
    if (data.policy.kind === 'course') {
      if (data.policy.minPeriods > data.totalPeriods) {
        issues.push(
          src.issue(['policy', 'minPeriods'], `minPeriods ${data.policy.minPeriods} exceeds the program's ${data.totalPeriods} periods`),
        );
      }
      if (data.policy.minLessons > lessons.length) {
        issues.push(
          src.issue(['policy', 'minLessons'], `minLessons ${data.policy.minLessons} exceeds the program's ${lessons.length} lessons`),
        );
      }
    } else if (!subjects.some((s) => s.required)) {
      // with no required subject, an empty transcript would pass
      issues.push(src.issue(['subjects'], `program "${data.id}" uses the per-subject policy but no subject is required`));
    }
    const policyProvenance = { verified: data.policy.verified, source: data.policy.source };
    programs.push({
      id: data.id,
      rank: data.rank,
      name: data.name,
      totalPeriods: data.totalPeriods,
      policy:
        data.policy.kind === 'course'
          ? { kind: 'course', minPeriods: data.policy.minPeriods, minLessons: data.policy.minLessons, provenance: policyProvenance }
          : { kind: 'per-subject', provenance: policyProvenance },
      subjects,
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

  // --- mapping
  const ruleSetBase = {
    id: root.id,
    name: root.name,
    version: root.version,
    dir,
    effective: root.effective,
    periodsPerUnit: { credit: root.periodsPerUnit.credit, dvht: root.periodsPerUnit.dvht },
    grading,
    programs,
    lessonIndex,
    legalBasis: root.legalBasis.map(
      (l): LegalInstrument => ({
        id: l.id,
        date: l.date,
        title: l.title,
        effect: l.effect,
        provenance: { verified: l.verified, source: l.source },
      }),
    ),
  };
  const mapRel = resolveRulePath(root.mapping);
  const mapText = texts.get(mapRel);
  let mapping: MappingFile | undefined;
  let mapSrc: SourceFile | undefined;
  if (mapText === undefined) {
    issues.push(rootSrc.issue(['mapping'], absent(mapRel, root.mapping)));
  } else {
    mapSrc = new SourceFile(display(mapRel), mapText);
    mapping = readFile(mapSrc, mappingFileSchema, issues) as MappingFile | undefined;
  }
  if (!mapping || !mapSrc) throw new RuleFileError(issues);

  const compiled = compileMapping(mapSrc, mapping, issues, programsComplete ? lessonIndex : undefined);
  const { clean, ...matching } = compiled;
  const ruleSet: RuleSet = { ...ruleSetBase, ...matching, mustNotMatch: mapping.mustNotMatch };
  // The examples test the matcher, so they are only meaningful on a mapping without problems of its own.
  if (clean) checkExamples(mapSrc, mapping, ruleSet, issues);
  if (issues.length > 0) throw new RuleFileError(issues);
  return ruleSet;
}

function checkRange(src: SourceFile, path: Segment[], range: { from?: string; to?: string }, issues: RuleIssue[]): void {
  if (range.from && range.to && range.from > range.to) {
    issues.push(src.issue([...path, 'to'], `effective.to ${range.to} is before effective.from ${range.from}`));
  }
}

function compileGrading(src: SourceFile, g: RuleSetFile['grading'], issues: RuleIssue[]): GradePolicy {
  if (g.tenPointUncertainBelow < g.tenPointPass) {
    issues.push(
      src.issue(
        ['grading', 'tenPointUncertainBelow'],
        `tenPointUncertainBelow ${g.tenPointUncertainBelow} is below tenPointPass ${g.tenPointPass}`,
      ),
    );
  }
  const letters = (l: string[]) => l.map((s) => s.trim().toUpperCase());
  const words = (w: string[]) => w.map((s) => baseKey(s));
  const grading: GradePolicy = {
    tenPointPass: g.tenPointPass,
    tenPointUncertainBelow: g.tenPointUncertainBelow,
    fourPointPass: g.fourPointPass,
    passLetters: letters(g.passLetters),
    failLetters: letters(g.failLetters),
    passWords: words(g.passWords),
    failWords: words(g.failWords),
    exemptWords: words(g.exemptWords),
    provenance: { verified: g.verified, source: g.source },
  };
  const clash = (a: string[], b: string[], path: Segment[], what: string) => {
    a.forEach((x, i) => {
      if (b.includes(x)) issues.push(src.issue([...path, i], `"${x}" is listed both as ${what}`));
    });
  };
  clash(grading.failLetters, grading.passLetters, ['grading', 'failLetters'], 'a passing and a failing letter');
  clash(grading.failWords, [...grading.passWords, ...grading.exemptWords], ['grading', 'failWords'], 'a failing and a passing word');
  clash(grading.exemptWords, grading.passWords, ['grading', 'exemptWords'], 'an exempt and a passing word');
  return grading;
}

function compileMapping(
  src: SourceFile,
  m: MappingFile,
  issues: RuleIssue[],
  lessonIndex: RuleSet['lessonIndex'] | undefined,
): Pick<RuleSet, 'abbreviations' | 'dropToken' | 'rules'> & { clean: boolean } {
  const before = issues.length;
  let dropToken: RegExp | null = null;
  if (m.normalization.dropTokenPattern !== undefined) {
    try {
      dropToken = new RegExp(m.normalization.dropTokenPattern, 'u');
    } catch (e) {
      issues.push(src.issue(['normalization', 'dropTokenPattern'], `invalid regular expression: ${(e as Error).message}`));
    }
  }

  const abbreviations: Abbreviation[] = [];
  const seenAbbr = new Map<string, number>();
  m.abbreviations.forEach((a, i) => {
    const from = baseKey(a.from);
    const to = baseKey(a.to);
    if (!from) {
      issues.push(src.issue(['abbreviations', i, 'from'], `"${a.from}" has no letters or digits`));
      return;
    }
    const first = seenAbbr.get(from);
    if (first !== undefined) {
      issues.push(src.issue(['abbreviations', i, 'from'], `abbreviation "${from}" is already defined at $.abbreviations[${first}]`));
      return;
    }
    seenAbbr.set(from, i);
    abbreviations.push({ from, to });
  });
  const keyOpts = { expander: compileAbbreviations(abbreviations), dropToken: dropToken ?? undefined };
  const key = (s: string) => matchingKey(s, keyOpts);

  const ruleIds = new Map<string, number>();
  const nameOwner = new Map<string, string>();
  const codeOwner = new Map<string, string>();
  const rules: MappingRule[] = m.rules.map((r, ri) => {
    const at = (...p: Segment[]) => ['rules', ri, ...p];
    const firstIdx = ruleIds.get(r.id);
    if (firstIdx !== undefined) issues.push(src.issue(at('id'), `duplicate rule id "${r.id}" (first at $.rules[${firstIdx}])`));
    else ruleIds.set(r.id, ri);

    const names = (r.names ?? []).map((n, i) => {
      const k = key(n);
      if (!k) issues.push(src.issue(at('names', i), `name "${n}" is empty once normalised`));
      const owner = nameOwner.get(k);
      if (k && owner !== undefined && owner !== r.id) {
        issues.push(src.issue(at('names', i), `name "${n}" (key "${k}") is already a name of rule "${owner}"`));
      }
      nameOwner.set(k, r.id);
      return k;
    });
    const codes = (r.codes ?? []).map((c, i) => {
      const k = baseKey(c).replace(/ /g, '');
      if (!k) issues.push(src.issue(at('codes', i), `code "${c}" has no letters or digits`));
      const owner = codeOwner.get(k);
      if (k && owner !== undefined && owner !== r.id) {
        issues.push(src.issue(at('codes', i), `code "${c}" is already a code of rule "${owner}"`));
      }
      codeOwner.set(k, r.id);
      return k;
    });
    const keywords = (r.keywords ?? []).map((set, si) => {
      const phrases = (list: string[], field: 'all' | 'none') =>
        list.map((p, pi) => {
          const k = key(p);
          if (!k) issues.push(src.issue(at('keywords', si, field, pi), `phrase "${p}" is empty once normalised`));
          return k;
        });
      const all = phrases(set.all, 'all');
      const none = phrases(set.none ?? [], 'none');
      if (all.every((k) => !k)) {
        issues.push(src.issue(at('keywords', si, 'all'), 'a keyword set needs at least one phrase in "all" (it would match every name)'));
      }
      return { all: all.filter(Boolean), none: none.filter(Boolean) };
    });
    if (names.length === 0 && codes.length === 0 && keywords.length === 0) {
      issues.push(src.issue(at('id'), `rule "${r.id}" matches nothing: give names, codes or keywords`));
    }

    const targets: RuleTarget[] = r.targets.map((t) =>
      typeof t === 'string' ? { lessonId: t } : { lessonId: t.lesson, share: t.share },
    );
    if (lessonIndex) checkTargets(src, at, r.id, targets, lessonIndex, issues);
    return {
      id: r.id,
      order: ri,
      label: r.label,
      match: { names: names.filter(Boolean), codes: codes.filter(Boolean), keywords },
      targets,
      provenance: { verified: r.verified, source: r.source },
    };
  });
  return { abbreviations, dropToken, rules, clean: issues.length === before };
}

function checkTargets(
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
    if (seen.has(t.lessonId)) issues.push(src.issue(at('targets', i), `lesson "${t.lessonId}" is targeted twice`));
    seen.add(t.lessonId);
    const entry = lessonIndex.get(t.lessonId);
    if (!entry) {
      issues.push(src.issue(at('targets', i), `unknown lesson id "${t.lessonId}"${subjectHint(t.lessonId, lessonIndex)}`));
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
      issues.push(
        src.issue(
          at('targets', i),
          `rule "${ruleId}": within program "${programId}" either every target has a share or none does`,
        ),
      );
      continue;
    }
    const sum = idx.reduce((n, i) => n + targets[i]!.share!, 0);
    if (Math.abs(sum - 1) > EPS) {
      issues.push(
        src.issue(at('targets', idx[0]!), `rule "${ruleId}": shares within program "${programId}" sum to ${sum}, not 1`),
      );
    }
  }
}

function subjectHint(id: string, lessonIndex: RuleSet['lessonIndex']): string {
  for (const { subject } of lessonIndex.values()) {
    if (subject.id === id) return ` (it is a subject with lessons: target ${subject.lessons.map((l) => l.id).join(', ')})`;
  }
  return '';
}

/** Each rule's examples must match that rule alone; each lookalike must match no rule. */
function checkExamples(src: SourceFile, m: MappingFile, ruleSet: RuleSet, issues: RuleIssue[]): void {
  const match = createMatcher(ruleSet);
  m.rules.forEach((r, ri) => {
    (r.examples ?? []).forEach((ex, ei) => {
      const got = match(ex);
      const path = ['rules', ri, 'examples', ei];
      if (!got) issues.push(src.issue(path, `example "${ex}" matches no rule; it must match "${r.id}"`));
      else if (got.ruleId !== r.id) {
        issues.push(src.issue(path, `example "${ex}" matches rule "${got.ruleId}" (by ${got.by}), not "${r.id}"`));
      } else if (got.tiedWith.length > 0) {
        issues.push(src.issue(path, `example "${ex}" ties between "${r.id}" and ${got.tiedWith.map((t) => `"${t}"`).join(', ')}`));
      }
    });
  });
  m.mustNotMatch.forEach((name, i) => {
    const got = match(name);
    if (got) {
      issues.push(
        src.issue(['mustNotMatch', i], `lookalike "${name}" matches rule "${got.ruleId}" (by ${got.by}); it must match no rule`),
      );
    }
  });
}
