// The problems a rule set can have (rules check, --rules): each code's arguments and its words in both languages.

import { wordSyntaxReason, type SyntaxReason } from './json.js';
import type { FindingsOf, Words } from './types.js';

/** Why a file of a rule set could not be read. */
export type ReadFailure = { kind: 'not-utf8' } | { kind: 'unreadable'; why: string };

/** Ids that must be unique across a rule set. */
export type IdKind = 'program-id' | 'program-rank' | 'subject-id' | 'lesson-id' | 'implicit-lesson-id';

/** Grade letters or words listed on both sides. */
export type GradeClash = 'pass-fail-letter' | 'fail-pass-word' | 'exempt-pass-word';

/** How a name matched a rule (as in a match). */
export type MatchedBy = 'name' | 'code' | 'keywords' | 'decision';

export interface RuleIssueArgs {
  // --- the files
  'rules-dir-missing': { root: string };
  'root-missing': { root: string };
  'root-not-here': { root: string };
  'root-unreadable': { root: string; reason: ReadFailure };
  'listed-missing': { listed: string; shown: string };
  'listed-unreadable': { listed: string; shown: string; reason: ReadFailure };
  'listed-twice': { listed: string };
  'json-syntax': { reason: SyntaxReason };
  'empty-file': Record<string, never>;
  'unknown-key': { key: string };
  /** a schema problem worded by zod itself (zod is loaded only to compile rules; its words come with it) */
  schema: { en: string; vi: string };
  // --- cross-references and sums
  'duplicate-legal-basis': { id: string };
  'unknown-legal-basis': { id: string; root: string };
  'duplicate-id': { kind: IdKind; id: string | number; first: string };
  'subject-lessons-sum': { subject: string; periods: number; sum: number };
  'program-subjects-sum': { program: string; periods: number; sum: number };
  'min-periods-above': { minPeriods: number; total: number };
  'min-lessons-above': { minLessons: number; total: number };
  'no-required-subject': { program: string };
  'split-sum': { subject: string; periods: number; sum: number };
  'part-unknown-subject': { subject: string; part: string };
  'part-subject-twice': { subject: string; part: string };
  'range-inverted': { from: string; to: string };
  'uncertain-below-pass': { uncertainBelow: number; pass: number };
  'grade-clash': { value: string; clash: GradeClash };
  // --- the dossier files (metadata vocabulary, statistics layout)
  'duplicate-choice-value': { field: string; value: string };
  'spelling-empty': { spelling: string };
  'spelling-taken': { spelling: string; other: string; first: string };
  'none-word-spells': { word: string; value: string };
  'party-yes-and-no': { word: string };
  'levels-column-count': Record<string, never>;
  'column-id-taken': { id: string; owner: { kind: 'program'; id: string } | { kind: 'column'; index: number } };
  'duplicate-row-id': { id: string };
  'row-depth-jump': { depth: number; above: number };
  'row-unknown-value': { value: string; field: string; values: string[] };
  // --- the mapping
  'bad-regex': { why: string };
  'abbreviation-empty': { from: string };
  'abbreviation-twice': { from: string; first: number };
  'duplicate-rule-id': { id: string; first: number };
  'name-empty': { name: string };
  'name-claimed': { name: string; key: string; owner: string };
  'code-empty': { code: string };
  'code-claimed': { code: string; owner: string };
  'phrase-empty': { phrase: string };
  'keywords-all-empty': Record<string, never>;
  'rule-matches-nothing': { rule: string };
  'target-twice': { lesson: string };
  /** `lessons`: the subject of that id has lessons, which are what a rule targets */
  'target-unknown': { lesson: string; lessons?: string[] };
  'shares-partial': { rule: string; program: string };
  'shares-sum': { rule: string; program: string; sum: number };
  // --- the mapping's self-check
  'example-no-match': { example: string; rule: string };
  'example-other-rule': { example: string; rule: string; got: string; by: MatchedBy };
  'example-near': { example: string; rule: string; leftover: string[] };
  'example-tie': { example: string; rule: string; tiedWith: string[] };
  'lookalike-full': { name: string; got: string; by: MatchedBy };
  'must-not-match': { name: string; got: string; by: MatchedBy };
}

export type RuleIssueCode = keyof RuleIssueArgs;

/** Why a listed file is absent: missing, or unreadable for a reason (raised at its place in ruleset.json). */
export type Absent =
  | { code: 'listed-missing'; args: RuleIssueArgs['listed-missing'] }
  | { code: 'listed-unreadable'; args: RuleIssueArgs['listed-unreadable'] };

/** One problem of a rule set: always in a file, at a JSON path (and a line:column when the file parses). */
export type RuleIssue = FindingsOf<RuleIssueArgs> & { file: string; place: { path: string; line?: number; column?: number } };

/** A rule issue of `file` at a JSON path (and line:column when known); the whole file (`$`) unless placed. */
export function ruleIssue<C extends RuleIssueCode>(
  file: string,
  code: C,
  args: RuleIssueArgs[C],
  place: RuleIssue['place'] = { path: '$' },
): RuleIssue {
  return { code, args, file, place } as RuleIssue;
}

const ROOT_HINT = {
  en: (root: string) => `--rules expects a folder holding ${root}`,
  vi: (root: string) => `--rules cần thư mục chứa bộ quy tắc (có tệp ${root})`,
};
const READ = {
  en: (r: ReadFailure) => (r.kind === 'not-utf8' ? 'is not valid UTF-8' : `cannot be read (${r.why})`),
  vi: (r: ReadFailure) => (r.kind === 'not-utf8' ? 'không phải văn bản mã hóa UTF-8' : `không đọc được (${r.why})`),
};
const ID_KIND: Record<IdKind, { en: string; vi: string }> = {
  'program-id': { en: 'program id', vi: 'mã chương trình' },
  'program-rank': { en: 'program rank', vi: 'thứ bậc (rank) chương trình' },
  'subject-id': { en: 'subject id', vi: 'mã môn' },
  'lesson-id': { en: 'lesson id', vi: 'mã bài' },
  'implicit-lesson-id': { en: 'lesson id (implicit lesson of a subject)', vi: 'mã bài (môn không chia bài được tính là một bài mang mã môn)' },
};
const CLASH: Record<GradeClash, { en: string; vi: string }> = {
  'pass-fail-letter': { en: 'a passing and a failing letter', vi: 'vừa là điểm chữ đạt vừa là điểm chữ không đạt' },
  'fail-pass-word': { en: 'a failing and a passing word', vi: 'vừa là cách ghi "không đạt" vừa là cách ghi "đạt"' },
  'exempt-pass-word': { en: 'an exempt and a passing word', vi: 'vừa là cách ghi "miễn" vừa là cách ghi "đạt"' },
};
const BY_WORDS: Record<string, { en: string; vi: string }> = {
  name: { en: 'name', vi: 'theo tên' },
  code: { en: 'code', vi: 'theo mã học phần' },
  keywords: { en: 'keywords', vi: 'theo từ khóa' },
};
const BY = (by: string) => BY_WORDS[by] ?? { en: by, vi: by };
/** Who already uses a statistics column id (named the same way in both languages, as in the files). */
const owner = (o: RuleIssueArgs['column-id-taken']['owner']) => (o.kind === 'program' ? `program "${o.id}"` : `columns[${o.index}]`);
const quoted = (ids: string[]) => ids.map((t) => `"${t}"`).join(', ');

export const ruleIssueWords: Words<RuleIssueArgs> = {
  'rules-dir-missing': {
    en: (a) => `rule directory not found; ${ROOT_HINT.en(a.root)}`,
    vi: (a) => `không tìm thấy thư mục bộ quy tắc; ${ROOT_HINT.vi(a.root)}`,
  },
  'root-missing': {
    en: (a) => `no ${a.root}: a rule directory must hold ${a.root}`,
    vi: (a) => `thiếu tệp ${a.root}: thư mục bộ quy tắc phải có tệp ${a.root}`,
  },
  'root-not-here': {
    en: (a) => `no ${a.root} here; ${ROOT_HINT.en(a.root)}`,
    vi: (a) => `không có tệp ${a.root} trong thư mục này; ${ROOT_HINT.vi(a.root)}`,
  },
  'root-unreadable': {
    en: (a) => `${a.root} ${READ.en(a.reason)}`,
    vi: (a) => `tệp ${a.root} ${READ.vi(a.reason)}`,
  },
  'listed-missing': {
    en: (a) => `listed file "${a.listed}" is missing (${a.shown})`,
    vi: (a) => `không tìm thấy tệp "${a.listed}" (${a.shown})`,
  },
  'listed-unreadable': {
    en: (a) => `listed file "${a.listed}" ${READ.en(a.reason)} (${a.shown})`,
    vi: (a) => `tệp "${a.listed}" ${READ.vi(a.reason)} (${a.shown})`,
  },
  'listed-twice': { en: (a) => `"${a.listed}" is listed twice`, vi: (a) => `tệp "${a.listed}" được khai báo hai lần` },
  'json-syntax': {
    en: (a) => `JSON syntax error: ${wordSyntaxReason(a.reason, 'en')}`,
    vi: (a) => `lỗi cú pháp JSON: ${wordSyntaxReason(a.reason, 'vi')}`,
  },
  'empty-file': { en: () => 'the file is empty', vi: () => 'tệp trống, không có nội dung JSON' },
  'unknown-key': {
    en: (a) => `unknown key "${a.key}"`,
    vi: (a) => `không có trường "${a.key}" ở vị trí này (gõ sai tên trường?)`,
  },
  schema: { en: (a) => a.en, vi: (a) => a.vi },
  'duplicate-legal-basis': { en: (a) => `duplicate legal basis id "${a.id}"`, vi: (a) => `trùng mã căn cứ pháp lý "${a.id}"` },
  'unknown-legal-basis': {
    en: (a) => `unknown legal basis "${a.id}": add it to legalBasis in ${a.root}`,
    vi: (a) => `không có căn cứ pháp lý mã "${a.id}": hãy thêm vào legalBasis trong ${a.root}`,
  },
  'duplicate-id': {
    en: (a) => `duplicate ${ID_KIND[a.kind].en} "${a.id}" (first at ${a.first})`,
    vi: (a) => `trùng ${ID_KIND[a.kind].vi} "${a.id}" (đã dùng tại ${a.first})`,
  },
  'subject-lessons-sum': {
    en: (a) => `subject "${a.subject}" has ${a.periods} periods but its lessons sum to ${a.sum}`,
    vi: (a) => `môn "${a.subject}" có ${a.periods} tiết nhưng tổng số tiết các bài của môn là ${a.sum}`,
  },
  'program-subjects-sum': {
    en: (a) => `program "${a.program}" has ${a.periods} periods but its subjects sum to ${a.sum}`,
    vi: (a) => `chương trình "${a.program}" ghi tổng số tiết là ${a.periods} nhưng cộng số tiết các môn được ${a.sum}`,
  },
  'min-periods-above': {
    en: (a) => `minPeriods ${a.minPeriods} exceeds the program's ${a.total} periods`,
    vi: (a) => `minPeriods ${a.minPeriods} lớn hơn tổng số tiết của chương trình (${a.total} tiết)`,
  },
  'min-lessons-above': {
    en: (a) => `minLessons ${a.minLessons} exceeds the program's ${a.total} lessons`,
    vi: (a) => `minLessons ${a.minLessons} lớn hơn số bài của chương trình (${a.total} bài)`,
  },
  'no-required-subject': {
    en: (a) => `program "${a.program}" uses the per-subject policy but no subject is required`,
    vi: (a) =>
      `chương trình "${a.program}" xét theo từng môn (per-subject) nhưng không có môn nào bắt buộc (required): bảng điểm trống cũng sẽ đạt`,
  },
  'split-sum': {
    en: (a) => `subject "${a.subject}" has ${a.periods} periods but its split sums to ${a.sum}`,
    vi: (a) => `môn "${a.subject}" có ${a.periods} tiết nhưng cộng lên lớp, thảo luận, tự nghiên cứu, kiểm tra được ${a.sum}`,
  },
  'part-unknown-subject': {
    en: (a) => `unknown subject "${a.subject}" in part "${a.part}"`,
    vi: (a) => `phần "${a.part}" ghi mã môn "${a.subject}" không có trong chương trình`,
  },
  'part-subject-twice': {
    en: (a) => `subject "${a.subject}" is already in part "${a.part}"`,
    vi: (a) => `môn "${a.subject}" đã thuộc phần "${a.part}"`,
  },
  'range-inverted': {
    en: (a) => `effective.to ${a.to} is before effective.from ${a.from}`,
    vi: (a) => `ngày hết hiệu lực effective.to ${a.to} sớm hơn ngày bắt đầu effective.from ${a.from}`,
  },
  'uncertain-below-pass': {
    en: (a) => `tenPointUncertainBelow ${a.uncertainBelow} is below tenPointPass ${a.pass}`,
    vi: (a) => `tenPointUncertainBelow ${a.uncertainBelow} nhỏ hơn điểm đạt tenPointPass ${a.pass}`,
  },
  'grade-clash': {
    en: (a) => `"${a.value}" is listed both as ${CLASH[a.clash].en}`,
    vi: (a) => `"${a.value}" ${CLASH[a.clash].vi}`,
  },
  'duplicate-choice-value': { en: (a) => `duplicate value "${a.value}" of ${a.field}`, vi: (a) => `trùng giá trị "${a.value}" của ${a.field}` },
  'spelling-empty': {
    en: (a) => `"${a.spelling}" has no letters or digits to compare`,
    vi: (a) => `"${a.spelling}" không có chữ hoặc số để so sánh`,
  },
  'spelling-taken': {
    en: (a) => `"${a.spelling}" already spells "${a.other}" (at ${a.first}): a spelling names one value`,
    vi: (a) => `"${a.spelling}" đã là cách viết của "${a.other}" (ở ${a.first}): mỗi cách viết chỉ ứng với một giá trị`,
  },
  'none-word-spells': {
    en: (a) => `"${a.word}" means "no second degree" and also spells "${a.value}"`,
    vi: (a) => `"${a.word}" vừa có nghĩa "không có văn bằng 2" vừa là cách viết của "${a.value}"`,
  },
  'party-yes-and-no': { en: (a) => `"${a.word}" is listed as both yes and no`, vi: (a) => `"${a.word}" vừa là "có" vừa là "không"` },
  'levels-column-count': {
    en: () => 'the columns need exactly one {"counts": "levels"} entry (one column per program)',
    vi: () => 'cần đúng một cột {"counts": "levels"} (mỗi chương trình một cột)',
  },
  'column-id-taken': {
    en: (a) => `column id "${a.id}" is already used (${owner(a.owner)})`,
    vi: (a) => `mã cột "${a.id}" đã được dùng (${owner(a.owner)})`,
  },
  'duplicate-row-id': { en: (a) => `duplicate row id "${a.id}"`, vi: (a) => `trùng mã dòng "${a.id}"` },
  'row-depth-jump': {
    en: (a) => `depth ${a.depth} follows depth ${a.above}: a row is at most one level deeper than the row above (the first is 0)`,
    vi: (a) => `cấp ${a.depth} đứng sau cấp ${a.above}: mỗi dòng sâu hơn dòng trên nhiều nhất một cấp (dòng đầu là 0)`,
  },
  'row-unknown-value': {
    en: (a) => `"${a.value}" is not a value of ${a.field}; use one of ${a.values.join(', ')}`,
    vi: (a) => `"${a.value}" không phải giá trị của ${a.field}; dùng một trong ${a.values.join(', ')}`,
  },
  'bad-regex': { en: (a) => `invalid regular expression: ${a.why}`, vi: (a) => `biểu thức chính quy không hợp lệ: ${a.why}` },
  'abbreviation-empty': { en: (a) => `"${a.from}" has no letters or digits`, vi: (a) => `"${a.from}" không có chữ cái hay chữ số nào` },
  'abbreviation-twice': {
    en: (a) => `abbreviation "${a.from}" is already defined at $.abbreviations[${a.first}]`,
    vi: (a) => `chữ viết tắt "${a.from}" đã được khai báo tại $.abbreviations[${a.first}]`,
  },
  'duplicate-rule-id': {
    en: (a) => `duplicate rule id "${a.id}" (first at $.rules[${a.first}])`,
    vi: (a) => `trùng mã quy tắc "${a.id}" (đã dùng tại $.rules[${a.first}])`,
  },
  'name-empty': { en: (a) => `name "${a.name}" is empty once normalised`, vi: (a) => `tên "${a.name}" thành rỗng sau khi chuẩn hóa` },
  'name-claimed': {
    en: (a) => `name "${a.name}" (key "${a.key}") is already a name of rule "${a.owner}"`,
    vi: (a) => `tên "${a.name}" (dạng so khớp "${a.key}") đã là tên của quy tắc "${a.owner}"`,
  },
  'code-empty': { en: (a) => `code "${a.code}" has no letters or digits`, vi: (a) => `mã học phần "${a.code}" không có chữ cái hay chữ số nào` },
  'code-claimed': {
    en: (a) => `code "${a.code}" is already a code of rule "${a.owner}"`,
    vi: (a) => `mã học phần "${a.code}" đã là mã của quy tắc "${a.owner}"`,
  },
  'phrase-empty': { en: (a) => `phrase "${a.phrase}" is empty once normalised`, vi: (a) => `cụm từ "${a.phrase}" thành rỗng sau khi chuẩn hóa` },
  'keywords-all-empty': {
    en: () => 'a keyword set needs at least one phrase in "all" (it would match every name)',
    vi: () => 'bộ từ khóa cần ít nhất một cụm từ trong "all" (nếu không sẽ khớp mọi tên môn)',
  },
  'rule-matches-nothing': {
    en: (a) => `rule "${a.rule}" matches nothing: give names, codes or keywords`,
    vi: (a) => `quy tắc "${a.rule}" không khớp được môn nào: hãy ghi names (tên), codes (mã học phần) hoặc keywords (từ khóa)`,
  },
  'target-twice': { en: (a) => `lesson "${a.lesson}" is targeted twice`, vi: (a) => `bài mã "${a.lesson}" được ghi hai lần` },
  'target-unknown': {
    en: (a) => `unknown lesson id "${a.lesson}"${a.lessons ? ` (it is a subject with lessons: target ${a.lessons.join(', ')})` : ''}`,
    vi: (a) => `không có bài mã "${a.lesson}"${a.lessons ? ` ("${a.lesson}" là mã môn có chia bài: hãy ghi mã bài ${a.lessons.join(', ')})` : ''}`,
  },
  'shares-partial': {
    en: (a) => `rule "${a.rule}": within program "${a.program}" either every target has a share or none does`,
    vi: (a) =>
      `quy tắc "${a.rule}": trong chương trình "${a.program}" phải ghi tỷ lệ chia (share) cho tất cả các bài, hoặc không ghi cho bài nào`,
  },
  'shares-sum': {
    en: (a) => `rule "${a.rule}": shares within program "${a.program}" sum to ${a.sum}, not 1`,
    vi: (a) => `quy tắc "${a.rule}": tỷ lệ chia (share) trong chương trình "${a.program}" cộng lại bằng ${a.sum}; tỷ lệ chia phải cộng lại bằng 1`,
  },
  'example-no-match': {
    en: (a) => `example "${a.example}" matches no rule; it must match "${a.rule}"`,
    vi: (a) => `ví dụ "${a.example}" không khớp quy tắc nào; ví dụ này phải khớp quy tắc của chính nó "${a.rule}"`,
  },
  'example-other-rule': {
    en: (a) => `example "${a.example}" matches rule "${a.got}" (by ${BY(a.by).en}), not "${a.rule}"`,
    vi: (a) => `ví dụ "${a.example}" không khớp quy tắc của chính nó "${a.rule}" mà khớp quy tắc "${a.got}" (${BY(a.by).vi})`,
  },
  'example-near': {
    en: (a) =>
      `example "${a.example}" is only a near match of "${a.rule}" (leftover words: ${a.leftover.join(' ')}); add them to the rule's "optional" words or names`,
    vi: (a) =>
      `ví dụ "${a.example}" chỉ khớp gần đúng quy tắc "${a.rule}" (còn thừa các từ: ${a.leftover.join(' ')}); hãy thêm các từ đó vào "optional" hoặc "names" của quy tắc`,
  },
  'example-tie': {
    en: (a) => `example "${a.example}" ties between "${a.rule}" and ${quoted(a.tiedWith)}`,
    vi: (a) => `ví dụ "${a.example}" khớp ngang nhau giữa quy tắc "${a.rule}" và ${quoted(a.tiedWith)}, không phân định được`,
  },
  'lookalike-full': {
    en: (a) => `lookalike "${a.name}" fully matches rule "${a.got}" (by ${BY(a.by).en}); it may at most be a near match`,
    vi: (a) => `tên dễ nhầm "${a.name}" lại khớp hẳn quy tắc "${a.got}" (${BY(a.by).vi}); tên này chỉ được khớp gần đúng hoặc không khớp`,
  },
  'must-not-match': {
    en: (a) => `lookalike "${a.name}" matches rule "${a.got}" (by ${BY(a.by).en}); it must match no rule`,
    vi: (a) => `tên dễ nhầm "${a.name}" lại khớp quy tắc "${a.got}" (${BY(a.by).vi}); tên này không được khớp quy tắc nào`,
  },
};
