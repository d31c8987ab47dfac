// Compiles the texts of a rule set's JSON files into a RuleSet, collecting every problem before throwing.

import { posix, join } from 'node:path';
import { findNodeAtLocation, getNodeValue, parseTree, type Node, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import zodVi from 'zod/v4/locales/vi.js';
import { RuleFileError, type RuleIssue } from '../errors.js';
import { compileAttempts } from '../match/attempts.js';
import { createMatcher } from '../match/match.js';
import { baseKey, compileAbbreviations, matchingKey } from '../match/normalize.js';
import { jsonPath, syntaxReason } from '../json-syntax.js';
import { mappingFileSchema, programFileSchema, ruleSetFileSchema } from './schema.js';
import type { MappingFile, ProgramFile, RuleSetFile } from './schema.js';
import type {
  Abbreviation,
  GradePolicy,
  LegalInstrument,
  Lesson,
  MappingRule,
  PeriodSplit,
  Program,
  ProgramPart,
  RuleSet,
  RuleTarget,
  Subject,
} from './types.js';

/** The root file of every rule set, relative to the rule directory. */
export const ROOT_FILE = 'ruleset.json';

type Segment = string | number;

/** Shares are decimals written by people: compare sums with this tolerance. */
const EPS = 1e-9;

/** A message in English (--lang en) and Vietnamese (the default). */
export interface Msg {
  en: string;
  vi: string;
}
const msg = (en: string, vi: string): Msg => ({ en, vi });

/** Why a listed file could not be read: English only (older callers), or in both languages. */
export type Reason = string | Msg;
const reasonMsg = (r: Reason): Msg => (typeof r === 'string' ? msg(r, r) : r);

// --------------------------------------------------------------------------------- zod issues in Vietnamese

/** zod's own Vietnamese texts, used for the issue kinds not worded below (called directly: no global config). */
const zodViError = zodVi().localeError;

const VI_TYPES: Record<string, string> = {
  string: 'văn bản (trong dấu ngoặc kép)',
  number: 'số',
  int: 'số nguyên',
  boolean: 'true hoặc false',
  object: 'đối tượng { … }',
  array: 'danh sách [ … ]',
  null: 'null',
};
const viType = (t: string): string => VI_TYPES[t] ?? t;

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number' && !Number.isInteger(v)) return 'số thập phân';
  return typeof v;
}

/** The Vietnamese text of one zod issue (the issue must carry its input: parse with reportInput). */
export function zodIssueVi(zi: z.core.$ZodIssue): string {
  switch (zi.code) {
    case 'invalid_type': {
      const expected = viType(zi.expected);
      if (zi.input === undefined) return `thiếu trường bắt buộc (cần ${expected})`;
      return `sai kiểu dữ liệu: cần ${expected}, nhưng đang là ${viType(jsonType(zi.input))}`;
    }
    case 'too_small': {
      const min = Number(zi.minimum);
      if (zi.origin === 'string') return min <= 1 ? 'không được để trống' : `cần ít nhất ${min} ký tự`;
      if (zi.origin === 'array' || zi.origin === 'set') return min <= 1 ? 'danh sách không được để trống' : `cần ít nhất ${min} phần tử`;
      if (!zi.inclusive && min === 0) return 'phải là số lớn hơn 0';
      return zi.inclusive ? `phải lớn hơn hoặc bằng ${min}` : `phải lớn hơn ${min}`;
    }
    case 'too_big': {
      const max = Number(zi.maximum);
      if (zi.origin === 'string') return `tối đa ${max} ký tự`;
      if (zi.origin === 'array' || zi.origin === 'set') return `tối đa ${max} phần tử`;
      return zi.inclusive ? `phải nhỏ hơn hoặc bằng ${max}` : `phải nhỏ hơn ${max}`;
    }
    case 'invalid_value':
      return zi.values.length === 1
        ? `giá trị phải là ${JSON.stringify(zi.values[0])}`
        : `giá trị phải là một trong: ${zi.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      if ('options' in zi && zi.discriminator && zi.options) {
        return `"${zi.discriminator}" phải là một trong: ${zi.options.map((o) => JSON.stringify(o)).join(', ')}`;
      }
      return 'giá trị không khớp với dạng nào được phép';
    default: {
      const out = zodViError(zi as Parameters<typeof zodViError>[0]);
      const text = typeof out === 'string' ? out : out?.message;
      return text ? text.charAt(0).toLowerCase() + text.slice(1) : 'giá trị không hợp lệ';
    }
  }
}

/** A JSON syntax error of jsonc-parser, in words. */
function syntaxMsg(src: SourceFile, e: ParseError): Msg {
  const words = syntaxReason(src.text, e, src.root);
  return msg(`JSON syntax error: ${words.en}`, `lỗi cú pháp JSON: ${words.vi}`);
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
  issue(path: readonly Segment[], m: Msg): RuleIssue {
    const issue: RuleIssue = { file: this.file, path: jsonPath(path), message: m.en, vi: m.vi };
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
      const m = syntaxMsg(src, e);
      issues.push({
        file: src.file,
        path: '$',
        ...src.position(e.offset),
        message: m.en,
        vi: m.vi,
      });
    }
    if (src.syntaxErrors.length === 0) {
      issues.push({ file: src.file, path: '$', message: 'the file is empty', vi: 'tệp trống, không có nội dung JSON' });
    }
    return undefined;
  }
  // Each file is parsed once per run: compiling a fast path (zod's JIT) costs more start-up than it saves.
  // reportInput: the Vietnamese wording needs the offending value (e.g. a missing key is `undefined`).
  const result = schema.safeParse(getNodeValue(src.root), { jitless: true, reportInput: true });
  if (result.success) return result.data as z.infer<S>;
  for (const zi of result.error.issues) {
    const path = zi.path.filter((p): p is Segment => typeof p !== 'symbol');
    if (zi.code === 'unrecognized_keys') {
      for (const key of zi.keys) {
        issues.push(
          src.issue([...path, key], msg(`unknown key "${key}"`, `không có trường "${key}" ở vị trí này (gõ sai tên trường?)`)),
        );
      }
    } else {
      issues.push(src.issue(path, msg(zi.message, zodIssueVi(zi))));
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
  unreadable: ReadonlyMap<string, Reason> = new Map(),
): RuleSet {
  const issues: RuleIssue[] = [];
  const display = (rel: string) => (dir ? join(dir, rel) : rel);
  const absent = (rel: string, listed: string): Msg => {
    const reason = unreadable.get(rel);
    if (reason === undefined) {
      return msg(
        `listed file "${listed}" is missing (${display(rel)})`,
        `không tìm thấy tệp "${listed}" (${display(rel)})`,
      );
    }
    const { en, vi } = reasonMsg(reason);
    return msg(`listed file "${listed}" ${en} (${display(rel)})`, `tệp "${listed}" ${vi} (${display(rel)})`);
  };
  const texts = new Map<string, string>();
  for (const [k, v] of files) texts.set(resolveRulePath(k), stripBom(v));

  const rootText = texts.get(ROOT_FILE);
  if (rootText === undefined) {
    throw new RuleFileError([
      {
        file: display(ROOT_FILE),
        path: '$',
        message: `no ${ROOT_FILE}: a rule directory must hold ${ROOT_FILE}`,
        vi: `thiếu tệp ${ROOT_FILE}: thư mục bộ quy tắc phải có tệp ${ROOT_FILE}`,
      },
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
    if (legalIds.has(l.id)) issues.push(rootSrc.issue(['legalBasis', i, 'id'], msg(`duplicate legal basis id "${l.id}"`, `trùng mã căn cứ pháp lý "${l.id}"`)));
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
      issues.push(rootSrc.issue(['programs', i], msg(`"${p}" is listed twice`, `tệp "${p}" được khai báo hai lần`)));
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
  const duplicate = (seen: Map<string | number, Located>, id: string | number, at: Located, what: Msg): void => {
    const first = seen.get(id);
    if (first) {
      const where = `${first.src.file} ${jsonPath(first.path)}`;
      issues.push(
        at.src.issue(at.path, msg(`duplicate ${what.en} "${id}" (first at ${where})`, `trùng ${what.vi} "${id}" (đã dùng tại ${where})`)),
      );
    }
    else seen.set(id, at);
  };

  const programs: Program[] = [];
  for (const { src, data } of programFiles) {
    duplicate(programIds, data.id, { src, path: ['id'] }, msg('program id', 'mã chương trình'));
    duplicate(ranks, data.rank, { src, path: ['rank'] }, msg('program rank', 'thứ bậc (rank) chương trình'));
    checkRange(src, ['effective'], data.effective, issues);
    data.legalBasis.forEach((id, i) => {
      if (!legalIds.has(id)) {
        issues.push(
          src.issue(
            ['legalBasis', i],
            msg(
              `unknown legal basis "${id}": add it to legalBasis in ${ROOT_FILE}`,
              `không có căn cứ pháp lý mã "${id}": hãy thêm vào legalBasis trong ${ROOT_FILE}`,
            ),
          ),
        );
      }
    });
    const policyRatio = data.policy.kind === 'per-subject' ? data.policy.minRatio : undefined;
    const subjects: Subject[] = data.subjects.map((s, si) => {
      duplicate(subjectIds, s.id, { src, path: ['subjects', si, 'id'] }, msg('subject id', 'mã môn'));
      const provenance = { verified: s.verified, source: s.source };
      let lessons: Lesson[];
      if (s.lessons) {
        lessons = s.lessons.map((l, li) => {
          duplicate(lessonIds, l.id, { src, path: ['subjects', si, 'lessons', li, 'id'] }, msg('lesson id', 'mã bài'));
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
          issues.push(
            src.issue(
              ['subjects', si, 'periods'],
              msg(
                `subject "${s.id}" has ${s.periods} periods but its lessons sum to ${sum}`,
                `môn "${s.id}" có ${s.periods} tiết nhưng tổng số tiết các bài của môn là ${sum}`,
              ),
            ),
          );
        }
      } else {
        duplicate(
          lessonIds,
          s.id,
          { src, path: ['subjects', si, 'id'] },
          msg('lesson id (implicit lesson of a subject)', 'mã bài (môn không chia bài được tính là một bài mang mã môn)'),
        );
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
      issues.push(
        src.issue(
          ['totalPeriods'],
          msg(
            `program "${data.id}" has ${data.totalPeriods} periods but its subjects sum to ${sum}`,
            `chương trình "${data.id}" ghi tổng số tiết là ${data.totalPeriods} nhưng cộng số tiết các môn được ${sum}`,
          ),
        ),
      );
    }
    const lessons = subjects.flatMap((s) => s.lessons);
    if (data.policy.kind === 'course') {
      if (data.policy.minPeriods > data.totalPeriods) {
        issues.push(
          src.issue(
            ['policy', 'minPeriods'],
            msg(
              `minPeriods ${data.policy.minPeriods} exceeds the program's ${data.totalPeriods} periods`,
              `minPeriods ${data.policy.minPeriods} lớn hơn tổng số tiết của chương trình (${data.totalPeriods} tiết)`,
            ),
          ),
        );
      }
      if (data.policy.minLessons > lessons.length) {
        issues.push(
          src.issue(
            ['policy', 'minLessons'],
            msg(
              `minLessons ${data.policy.minLessons} exceeds the program's ${lessons.length} lessons`,
              `minLessons ${data.policy.minLessons} lớn hơn số bài của chương trình (${lessons.length} bài)`,
            ),
          ),
        );
      }
    } else if (!subjects.some((s) => s.required)) {
      // with no required subject, an empty transcript would pass
      issues.push(
        src.issue(
          ['subjects'],
          msg(
            `program "${data.id}" uses the per-subject policy but no subject is required`,
            `chương trình "${data.id}" xét theo từng môn (per-subject) nhưng không có môn nào bắt buộc (required): bảng điểm trống cũng sẽ đạt`,
          ),
        ),
      );
    }
    const parts = data.parts ? compileParts(src, data.parts, subjects, issues) : undefined;
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
    issues.push(
      src.issue(
        [...path, 'to'],
        msg(
          `effective.to ${range.to} is before effective.from ${range.from}`,
          `ngày hết hiệu lực effective.to ${range.to} sớm hơn ngày bắt đầu effective.from ${range.from}`,
        ),
      ),
    );
  }
}

function compileGrading(src: SourceFile, g: RuleSetFile['grading'], issues: RuleIssue[]): GradePolicy {
  if (g.tenPointUncertainBelow < g.tenPointPass) {
    issues.push(
      src.issue(
        ['grading', 'tenPointUncertainBelow'],
        msg(
          `tenPointUncertainBelow ${g.tenPointUncertainBelow} is below tenPointPass ${g.tenPointPass}`,
          `tenPointUncertainBelow ${g.tenPointUncertainBelow} nhỏ hơn điểm đạt tenPointPass ${g.tenPointPass}`,
        ),
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
  const clash = (a: string[], b: string[], path: Segment[], what: Msg) => {
    a.forEach((x, i) => {
      if (b.includes(x)) issues.push(src.issue([...path, i], msg(`"${x}" is listed both as ${what.en}`, `"${x}" ${what.vi}`)));
    });
  };
  clash(
    grading.failLetters,
    grading.passLetters,
    ['grading', 'failLetters'],
    msg('a passing and a failing letter', 'vừa là điểm chữ đạt vừa là điểm chữ không đạt'),
  );
  clash(
    grading.failWords,
    [...grading.passWords, ...grading.exemptWords],
    ['grading', 'failWords'],
    msg('a failing and a passing word', 'vừa là cách ghi "không đạt" vừa là cách ghi "đạt"'),
  );
  clash(
    grading.exemptWords,
    grading.passWords,
    ['grading', 'exemptWords'],
    msg('an exempt and a passing word', 'vừa là cách ghi "miễn" vừa là cách ghi "đạt"'),
  );
  return grading;
}

function compileMapping(
  src: SourceFile,
  m: MappingFile,
  issues: RuleIssue[],
  lessonIndex: RuleSet['lessonIndex'] | undefined,
): Pick<RuleSet, 'abbreviations' | 'dropToken' | 'parts' | 'rules' | 'attempts' | 'filler'> & { clean: boolean } {
  const before = issues.length;
  let dropToken: RegExp | null = null;
  if (m.normalization.dropTokenPattern !== undefined) {
    try {
      dropToken = new RegExp(m.normalization.dropTokenPattern, 'u');
    } catch (e) {
      const why = (e as Error).message;
      issues.push(
        src.issue(
          ['normalization', 'dropTokenPattern'],
          msg(`invalid regular expression: ${why}`, `biểu thức chính quy không hợp lệ: ${why}`),
        ),
      );
    }
  }

  const abbreviations: Abbreviation[] = [];
  const seenAbbr = new Map<string, number>();
  m.abbreviations.forEach((a, i) => {
    const from = baseKey(a.from);
    const to = baseKey(a.to);
    if (!from) {
      issues.push(src.issue(['abbreviations', i, 'from'], msg(`"${a.from}" has no letters or digits`, `"${a.from}" không có chữ cái hay chữ số nào`)));
      return;
    }
    const first = seenAbbr.get(from);
    if (first !== undefined) {
      issues.push(
        src.issue(
          ['abbreviations', i, 'from'],
          msg(
            `abbreviation "${from}" is already defined at $.abbreviations[${first}]`,
            `chữ viết tắt "${from}" đã được khai báo tại $.abbreviations[${first}]`,
          ),
        ),
      );
      return;
    }
    seenAbbr.set(from, i);
    abbreviations.push({ from, to });
  });
  const att = m.normalization.attempts;
  const attempts = att ? { markers: att.markers.map(baseKey).filter(Boolean), numbered: att.numbered.map(baseKey).filter(Boolean) } : undefined;
  const filler = m.normalization.filler ? new Set(m.normalization.filler.flatMap((f) => baseKey(f).split(' ')).filter(Boolean)) : undefined;
  const keyOpts = {
    expander: compileAbbreviations(abbreviations),
    dropToken: dropToken ?? undefined,
    ...(attempts ? { attempts: compileAttempts(attempts) } : {}),
  };
  const key = (s: string) => matchingKey(s, keyOpts);

  const ruleIds = new Map<string, number>();
  const nameOwner = new Map<string, string>();
  const codeOwner = new Map<string, string>();
  const rules: MappingRule[] = m.rules.map((r, ri) => {
    const at = (...p: Segment[]) => ['rules', ri, ...p];
    const firstIdx = ruleIds.get(r.id);
    if (firstIdx !== undefined) {
      issues.push(
        src.issue(
          at('id'),
          msg(`duplicate rule id "${r.id}" (first at $.rules[${firstIdx}])`, `trùng mã quy tắc "${r.id}" (đã dùng tại $.rules[${firstIdx}])`),
        ),
      );
    }
    else ruleIds.set(r.id, ri);

    const names = (r.names ?? []).map((n, i) => {
      const k = key(n);
      if (!k) issues.push(src.issue(at('names', i), msg(`name "${n}" is empty once normalised`, `tên "${n}" thành rỗng sau khi chuẩn hóa`)));
      const owner = nameOwner.get(k);
      if (k && owner !== undefined && owner !== r.id) {
        issues.push(
          src.issue(
            at('names', i),
            msg(
              `name "${n}" (key "${k}") is already a name of rule "${owner}"`,
              `tên "${n}" (dạng so khớp "${k}") đã là tên của quy tắc "${owner}"`,
            ),
          ),
        );
      }
      nameOwner.set(k, r.id);
      return k;
    });
    const codes = (r.codes ?? []).map((c, i) => {
      const k = baseKey(c).replace(/ /g, '');
      if (!k) issues.push(src.issue(at('codes', i), msg(`code "${c}" has no letters or digits`, `mã học phần "${c}" không có chữ cái hay chữ số nào`)));
      const owner = codeOwner.get(k);
      if (k && owner !== undefined && owner !== r.id) {
        issues.push(
          src.issue(at('codes', i), msg(`code "${c}" is already a code of rule "${owner}"`, `mã học phần "${c}" đã là mã của quy tắc "${owner}"`)),
        );
      }
      codeOwner.set(k, r.id);
      return k;
    });
    const keywords = (r.keywords ?? []).map((set, si) => {
      const phrases = (list: string[], field: 'all' | 'none') =>
        list.map((p, pi) => {
          const k = key(p);
          if (!k) {
            issues.push(
              src.issue(at('keywords', si, field, pi), msg(`phrase "${p}" is empty once normalised`, `cụm từ "${p}" thành rỗng sau khi chuẩn hóa`)),
            );
          }
          return k;
        });
      const all = phrases(set.all, 'all');
      const none = phrases(set.none ?? [], 'none');
      if (all.every((k) => !k)) {
        issues.push(
          src.issue(
            at('keywords', si, 'all'),
            msg(
              'a keyword set needs at least one phrase in "all" (it would match every name)',
              'bộ từ khóa cần ít nhất một cụm từ trong "all" (nếu không sẽ khớp mọi tên môn)',
            ),
          ),
        );
      }
      return { all: all.filter(Boolean), none: none.filter(Boolean) };
    });
    if (names.length === 0 && codes.length === 0 && keywords.length === 0) {
      issues.push(
        src.issue(
          at('id'),
          msg(
            `rule "${r.id}" matches nothing: give names, codes or keywords`,
            `quy tắc "${r.id}" không khớp được môn nào: hãy ghi names (tên), codes (mã học phần) hoặc keywords (từ khóa)`,
          ),
        ),
      );
    }

    const optional = (r.optional ?? []).map((w) => key(w));
    const vocabulary = new Set(
      [...names, ...keywords.flatMap((k) => k.all), ...optional].flatMap((phrase) => phrase.split(' ')).filter(Boolean),
    );
    const targets: RuleTarget[] = r.targets.map((t) =>
      typeof t === 'string' ? { lessonId: t } : { lessonId: t.lesson, share: t.share },
    );
    if (lessonIndex) checkTargets(src, at, r.id, targets, lessonIndex, issues);
    return {
      id: r.id,
      order: ri,
      label: r.label,
      match: { names: names.filter(Boolean), codes: codes.filter(Boolean), keywords, vocabulary },
      targets,
      ...(r.typicalPeriods !== undefined ? { typicalPeriods: r.typicalPeriods } : {}),
      ...(r.covers ? { covers: r.covers } : {}),
      provenance: { verified: r.verified, source: r.source },
    };
  });
  const p = m.normalization.parts;
  const parts = p
    ? {
        numbers: new Map(Object.entries(p.numbers).map(([k, v]) => [baseKey(k), v])),
        before: new Set(p.before.map(baseKey)),
        notAfter: new Set(p.notAfter.map(baseKey)),
      }
    : null;
  return {
    abbreviations,
    dropToken,
    parts,
    rules,
    ...(attempts ? { attempts } : {}),
    ...(filler ? { filler } : {}),
    clean: issues.length === before,
  };
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
    if (seen.has(t.lessonId)) {
      issues.push(src.issue(at('targets', i), msg(`lesson "${t.lessonId}" is targeted twice`, `bài mã "${t.lessonId}" được ghi hai lần`)));
    }
    seen.add(t.lessonId);
    const entry = lessonIndex.get(t.lessonId);
    if (!entry) {
      const hint = subjectHint(t.lessonId, lessonIndex);
      issues.push(
        src.issue(
          at('targets', i),
          msg(`unknown lesson id "${t.lessonId}"${hint?.en ?? ''}`, `không có bài mã "${t.lessonId}"${hint?.vi ?? ''}`),
        ),
      );
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
          msg(
            `rule "${ruleId}": within program "${programId}" either every target has a share or none does`,
            `quy tắc "${ruleId}": trong chương trình "${programId}" phải ghi tỷ lệ chia (share) cho tất cả các bài, hoặc không ghi cho bài nào`,
          ),
        ),
      );
      continue;
    }
    const sum = idx.reduce((n, i) => n + targets[i]!.share!, 0);
    if (Math.abs(sum - 1) > EPS) {
      issues.push(
        src.issue(
          at('targets', idx[0]!),
          msg(
            `rule "${ruleId}": shares within program "${programId}" sum to ${sum}, not 1`,
            `quy tắc "${ruleId}": tỷ lệ chia (share) trong chương trình "${programId}" cộng lại bằng ${sum}; tỷ lệ chia phải cộng lại bằng 1`,
          ),
        ),
      );
    }
  }
}

function subjectHint(id: string, lessonIndex: RuleSet['lessonIndex']): Msg | undefined {
  for (const { subject } of lessonIndex.values()) {
    if (subject.id === id) {
      const ids = subject.lessons.map((l) => l.id).join(', ');
      return msg(` (it is a subject with lessons: target ${ids})`, ` ("${id}" là mã môn có chia bài: hãy ghi mã bài ${ids})`);
    }
  }
  return undefined;
}

/** How a name matched a rule, for messages. */
const BY: Record<string, Msg> = {
  name: msg('name', 'theo tên'),
  code: msg('code', 'theo mã học phần'),
  keywords: msg('keywords', 'theo từ khóa'),
};
const by = (b: string): Msg => BY[b] ?? msg(b, b);

/** Each rule's examples must match that rule alone; each lookalike must match no rule. */
function checkExamples(src: SourceFile, m: MappingFile, ruleSet: RuleSet, issues: RuleIssue[]): void {
  const match = createMatcher(ruleSet);
  m.rules.forEach((r, ri) => {
    (r.examples ?? []).forEach((ex, ei) => {
      const got = match(ex);
      const path = ['rules', ri, 'examples', ei];
      if (!got) {
        issues.push(
          src.issue(
            path,
            msg(
              `example "${ex}" matches no rule; it must match "${r.id}"`,
              `ví dụ "${ex}" không khớp quy tắc nào; ví dụ này phải khớp quy tắc của chính nó "${r.id}"`,
            ),
          ),
        );
      } else if (got.ruleId !== r.id) {
        issues.push(
          src.issue(
            path,
            msg(
              `example "${ex}" matches rule "${got.ruleId}" (by ${by(got.by).en}), not "${r.id}"`,
              `ví dụ "${ex}" không khớp quy tắc của chính nó "${r.id}" mà khớp quy tắc "${got.ruleId}" (${by(got.by).vi})`,
            ),
          ),
        );
      } else if (got.leftover) {
        const words = got.leftover.join(' ');
        issues.push(
          src.issue(
            path,
            msg(
              `example "${ex}" is only a near match of "${r.id}" (leftover words: ${words}); add them to the rule's "optional" words or names`,
              `ví dụ "${ex}" chỉ khớp gần đúng quy tắc "${r.id}" (còn thừa các từ: ${words}); hãy thêm các từ đó vào "optional" hoặc "names" của quy tắc`,
            ),
          ),
        );
      } else if (got.tiedWith.length > 0) {
        const others = got.tiedWith.map((t) => `"${t}"`).join(', ');
        issues.push(
          src.issue(
            path,
            msg(
              `example "${ex}" ties between "${r.id}" and ${others}`,
              `ví dụ "${ex}" khớp ngang nhau giữa quy tắc "${r.id}" và ${others}, không phân định được`,
            ),
          ),
        );
      }
    });
  });
  m.rules.forEach((r, ri) => {
    (r.lookalikes ?? []).forEach((name, li) => {
      const got = match(name);
      if (got && !got.leftover) {
        issues.push(
          src.issue(
            ['rules', ri, 'lookalikes', li],
            msg(
              `lookalike "${name}" fully matches rule "${got.ruleId}" (by ${by(got.by).en}); it may at most be a near match`,
              `tên dễ nhầm "${name}" lại khớp hẳn quy tắc "${got.ruleId}" (${by(got.by).vi}); tên này chỉ được khớp gần đúng hoặc không khớp`,
            ),
          ),
        );
      }
    });
  });
  m.mustNotMatch.forEach((name, i) => {
    const got = match(name);
    if (got) {
      issues.push(
        src.issue(
          ['mustNotMatch', i],
          msg(
            `lookalike "${name}" matches rule "${got.ruleId}" (by ${by(got.by).en}); it must match no rule`,
            `tên dễ nhầm "${name}" lại khớp quy tắc "${got.ruleId}" (${by(got.by).vi}); tên này không được khớp quy tắc nào`,
          ),
        ),
      );
    }
  });
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
    issues.push(
      src.issue(
        path,
        msg(
          `subject "${subjectId}" has ${periods} periods but its split sums to ${sum}`,
          `môn "${subjectId}" có ${periods} tiết nhưng cộng lên lớp, thảo luận, tự nghiên cứu, kiểm tra được ${sum}`,
        ),
      ),
    );
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
        issues.push(src.issue(at, msg(`unknown subject "${id}" in part "${p.id}"`, `phần "${p.id}" ghi mã môn "${id}" không có trong chương trình`)));
      } else if (placed.has(id)) {
        issues.push(
          src.issue(at, msg(`subject "${id}" is already in part "${placed.get(id)}"`, `môn "${id}" đã thuộc phần "${placed.get(id)}"`)),
        );
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
