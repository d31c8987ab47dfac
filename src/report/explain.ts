// Rendering `rules explain`: one explanation as text, several as a table, any as JSON or CSV (pure builders).

import type { Explanation } from '../coverage/explain.js';
import type { RuleSet } from '../rules/types.js';
import type { CsvCell } from './csv.js';
import { num, table } from './format.js';
import { lessonTitle, programName, ruleLabel } from './lookup.js';
import type { Lang } from '../lang.js';

const EXPLAIN_JSON_VERSION = 1;

interface Words {
  name: string;
  code: string;
  steps: string;
  nfc: string;
  lower: string;
  plain: string;
  base: string;
  dropped: string;
  expanded: string;
  attempts: string;
  key: string;
  none: string;
  deleted: string;
  numberTitle: string;
  part(part: number, base: string, marked: boolean): string;
  attempt(words: string): string;
  notAPart(n: number, base: string): string;
  candidates: string;
  byName: string;
  byCode: string;
  noCode: string;
  byKeywords: string;
  set(i: number): string;
  found: string;
  missed: string;
  excluded: string;
  matches(spec: number): string;
  noMatch: string;
  result: string;
  unmatched: string;
  why: string;
  whyName: string;
  whyCode(code: string): string;
  whyKeywords(spec: number, others: number): string;
  tie(ids: string): string;
  overridden(ids: string): string;
  near(words: string): string;
  typical(n: number | null): string;
  assumedHeader: string;
  feeds: string;
  feedsNothing: string;
  nearCell(words: string): string;
  suggestions: string;
  noSuggestions: string;
  similarity: string;
  tableHeader: [string, string, string, string];
  unmatchedCell: string;
}

const vi: Words = {
  name: 'Tên học phần',
  code: 'Mã học phần',
  steps: 'Chuẩn hóa tên',
  nfc: 'chuẩn Unicode NFC',
  lower: 'chữ thường',
  plain: 'bỏ dấu (đ → d)',
  base: 'bỏ dấu câu, khoảng trắng',
  dropped: 'bỏ mã, số tín chỉ trong tên',
  expanded: 'mở rộng chữ viết tắt',
  attempts: 'bỏ dấu hiệu lần học, thi lại',
  key: 'khóa khớp',
  none: '(không có)',
  deleted: '(xóa)',
  numberTitle: 'Số ở cuối tên',
  part: (p, base, marked) => `phần ${p} của "${base}"${marked ? '' : ' (số không kèm chữ "phần": nhận là phần vì "' + base + '" là tên học phần của quy tắc)'}`,
  attempt: (w) => `"${w}" là lần học, học kì hoặc đợt thi — không phải số phần`,
  notAPart: (n, base) => `số ${n} không được tính là phần: "${base}" không phải tên học phần của quy tắc khớp`,
  candidates: 'Các quy tắc ứng viên',
  byName: 'tên chính xác',
  byCode: 'mã học phần',
  noCode: 'không có mã',
  byKeywords: 'từ khóa',
  set: (i) => `bộ từ khóa ${i}`,
  found: 'có',
  missed: 'thiếu',
  excluded: 'gặp từ loại trừ',
  matches: (s) => `khớp (độ cụ thể ${s})`,
  noMatch: 'không khớp',
  result: 'Kết quả',
  unmatched: 'không khớp quy tắc nào',
  why: 'Lý do',
  whyName: 'khóa khớp trùng một tên chính xác của quy tắc (tên chính xác được ưu tiên trước mã và từ khóa)',
  whyCode: (c) => `mã học phần "${c}" thuộc danh sách mã của quy tắc (mã được ưu tiên trước từ khóa)`,
  whyKeywords: (s, others) =>
    `khớp theo từ khóa với độ cụ thể ${s} (số từ phải có)` + (others > 0 ? `, cao nhất trong ${others + 1} quy tắc khớp từ khóa` : ''),
  tie: (ids) => `hòa với ${ids}: quy tắc đứng trước trong mapping.json được chọn và báo cáo kiểm tra sẽ cảnh báo`,
  overridden: (ids) => `các quy tắc khớp theo từ khóa bị bỏ qua: ${ids}`,
  near: (w) =>
    `gần khớp: còn các từ quy tắc không giải thích được (${w}) — dòng này chưa chắc chắn, chỉ được tính trong cách tính lạc quan, kết luận nhiều nhất là CẦN XEM XÉT`,
  typical: (n) =>
    n === null
      ? 'Khi dòng không ghi số tiết, cách tính lạc quan lấy số tiết của chính các bài được tính (quy tắc không khai báo typicalPeriods)'
      : `Khi dòng không ghi số tiết, cách tính lạc quan giả định ${n} tiết (typicalPeriods của quy tắc), chia như trên`,
  assumedHeader: 'giả định',
  nearCell: (w) => `gần khớp: ${w}`,
  feeds: 'Các bài được tính (tỉ lệ số tiết của học phần trong mỗi chương trình)',
  feedsNothing: 'quy tắc không dẫn tới bài nào của các chương trình',
  suggestions: 'Quy tắc gần nhất (chỉ là gợi ý, không được áp dụng)',
  noSuggestions: 'không có quy tắc nào đủ gần',
  similarity: 'độ giống',
  tableHeader: ['Tên học phần', 'Quy tắc', 'Khớp theo', 'Chương trình được tính'],
  unmatchedCell: '(không khớp)',
};

const en: Words = {
  name: 'Course name',
  code: 'Course code',
  steps: 'Normalisation',
  nfc: 'Unicode NFC',
  lower: 'lower case',
  plain: 'diacritics stripped (đ → d)',
  base: 'punctuation and spaces collapsed',
  dropped: 'codes and credit counts in the name dropped',
  expanded: 'abbreviations expanded',
  attempts: 'attempt markers removed',
  key: 'matching key',
  none: '(none)',
  deleted: '(deleted)',
  numberTitle: 'Trailing number',
  part: (p, base, marked) => `part ${p} of "${base}"${marked ? '' : ` (a bare number: a part because "${base}" is one of the rule's names)`}`,
  attempt: (w) => `"${w}" is an attempt, term or exam round — never a part number`,
  notAPart: (n, base) => `${n} is not read as a part: "${base}" is not one of the matching rule's names`,
  candidates: 'Candidate rules',
  byName: 'exact name',
  byCode: 'course code',
  noCode: 'no code given',
  byKeywords: 'keywords',
  set: (i) => `keyword set ${i}`,
  found: 'found',
  missed: 'missing',
  excluded: 'excluded by',
  matches: (s) => `matches (specificity ${s})`,
  noMatch: 'no match',
  result: 'Result',
  unmatched: 'no rule matches',
  why: 'Why',
  whyName: 'the key is one of the rule\'s exact names (exact names beat codes and keywords)',
  whyCode: (c) => `course code "${c}" is one of the rule's codes (codes beat keywords)`,
  whyKeywords: (s, others) =>
    `keyword match of specificity ${s} (words required)` + (others > 0 ? `, the highest of ${others + 1} keyword matches` : ''),
  tie: (ids) => `tied with ${ids}: the earlier rule in mapping.json wins and the check report warns`,
  overridden: (ids) => `keyword matches set aside: ${ids}`,
  near: (w) =>
    `near match: words the rule does not explain remain (${w}) — the row is uncertain, counted only in the optimistic reading, so at most REVIEW`,
  typical: (n) =>
    n === null
      ? 'When a row states no periods, the optimistic reading takes the periods of the lessons fed (the rule declares no typicalPeriods)'
      : `When a row states no periods, the optimistic reading assumes ${n} periods (the rule's typicalPeriods), split as above`,
  assumedHeader: 'assumed',
  nearCell: (w) => `near match: ${w}`,
  feeds: 'Lessons fed (share of the row\'s periods within each program)',
  feedsNothing: 'the rule feeds no lesson of any program',
  suggestions: 'Nearest rules (a suggestion only, never applied)',
  noSuggestions: 'no rule is near enough',
  similarity: 'similarity',
  tableHeader: ['Course name', 'Rule', 'Matched by', 'Programs fed'],
  unmatchedCell: '(unmatched)',
};

const words = (lang: Lang): Words => (lang === 'en' ? en : vi);

const percent = (lang: Lang, share: number) => `${num(lang, share * 100)}%`;

// the matcher never answers `decision` (only an officer's decision maps a row that way); named as such if it did
const byWord = (w: Words, by: 'name' | 'code' | 'keywords' | 'decision') =>
  by === 'name' ? w.byName : by === 'code' ? w.byCode : by === 'keywords' ? w.byKeywords : by;

/** One explanation, for people. */
export function renderExplanation(ex: Explanation, ruleSet: RuleSet, lang: Lang): string {
  const w = words(lang);
  const rule = (id: string) => `${id} (${ruleLabel(ruleSet, id, lang)})`;
  const out: string[] = [`${w.name}: ${ex.name}`];
  if (ex.code !== undefined) out.push(`${w.code}: ${ex.code}`);
  out.push('', `${w.steps}:`);
  const s = ex.steps;
  const stepRows: [string, string][] = [
    [w.nfc, s.nfc],
    [w.lower, s.lower],
    [w.plain, s.plain],
    [w.base, s.base],
    [w.dropped, s.dropped.length ? s.dropped.join(', ') : w.none],
    [w.expanded, s.expanded.length ? s.expanded.map((e) => `${e.from} → ${e.to || w.deleted}`).join(', ') : w.none],
    [w.attempts, s.attempts.length ? s.attempts.join(', ') : w.none],
    [w.key, s.key],
  ];
  out.push(...table([{ header: '' }, { header: '' }], stepRows.map(([a, b], i) => [`  ${i + 1}. ${a}:`, b])).slice(1));
  if (ex.number) {
    const n = ex.number;
    const text = n.kind === 'part' ? w.part(n.part, n.base, n.marked) : n.kind === 'attempt' ? w.attempt(n.words) : w.notAPart(n.number, n.base);
    out.push(`  ${w.numberTitle}: ${text}`);
  }

  out.push('', `${w.candidates}:`);
  const c = ex.candidates;
  out.push(`  ${w.byName}: ${c.byName.length ? c.byName.map(rule).join(', ') : w.none}`);
  out.push(`  ${w.byCode}: ${ex.code === undefined ? w.noCode : c.byCode.length ? c.byCode.map(rule).join(', ') : w.none}`);
  out.push(`  ${w.byKeywords}:${c.keywords.length ? '' : ` ${w.none}`}`);
  for (const k of c.keywords) {
    out.push(`    ${rule(k.ruleId)}`);
    // a set none of whose words is in the name says nothing about it
    for (const set of k.sets.filter((x) => x.found.length > 0 || x.matched)) {
      const parts = [`${w.found}: ${set.found.map((x) => `"${x}"`).join(', ')}`];
      if (set.missed.length) parts.push(`${w.missed}: ${set.missed.map((x) => `"${x}"`).join(', ')}`);
      if (set.excludedBy.length) parts.push(`${w.excluded}: ${set.excludedBy.map((x) => `"${x}"`).join(', ')}`);
      out.push(`      ${w.set(set.index + 1)}: ${parts.join('; ')} → ${set.matched ? w.matches(set.specificity) : w.noMatch}`);
    }
  }

  out.push('');
  if (!ex.match) {
    out.push(`${w.result}: ${w.unmatched}`, '', `${w.suggestions}:`);
    if (ex.suggestions.length === 0) out.push(`  ${w.noSuggestions}`);
    for (const sg of ex.suggestions) out.push(`  ${sg.ruleId} (${sg.label}) — ${w.similarity} ${num(lang, sg.similarity * 100)}%`);
    return `${out.join('\n')}\n`;
  }
  const m = ex.match;
  out.push(`${w.result}: ${rule(m.ruleId)} — ${byWord(w, m.by)}`);
  const keywordWinners = c.keywords.filter((k) => k.specificity >= 0);
  const why =
    m.by === 'name' ? w.whyName : m.by === 'code' ? w.whyCode(ex.code ?? '') : w.whyKeywords(keywordWinners.find((k) => k.ruleId === m.ruleId)?.specificity ?? 0, keywordWinners.length - 1);
  out.push(`  ${w.why}: ${why}`);
  if (ex.leftover.length) out.push(`  ${w.near(ex.leftover.map((x) => `"${x}"`).join(', '))}`);
  if (m.tiedWith.length) out.push(`  ${w.tie(m.tiedWith.join(', '))}`);
  const setAside = m.by !== 'keywords' ? keywordWinners.filter((k) => k.ruleId !== m.ruleId).map((k) => k.ruleId) : [];
  if (setAside.length) out.push(`  ${w.overridden(setAside.join(', '))}`);

  out.push('', `${w.feeds}:`);
  if (ex.feeds.length === 0) out.push(`  ${w.feedsNothing}`);
  for (const f of ex.feeds) {
    out.push(`  ${programName(ruleSet, f.programId, lang)} (${f.programId}):`);
    const rows = f.lessons.map((l) => [
      `    ${l.lessonId}`,
      percent(lang, l.share),
      `(${w.assumedHeader} ${num(lang, l.assumed)})`,
      lessonTitle(ruleSet, l.lessonId, lang),
    ]);
    out.push(...table([{ header: '' }, { header: '', align: 'right' }, { header: '', align: 'right' }, { header: '' }], rows).slice(1));
  }
  if (ex.feeds.length) out.push('', w.typical(ex.typicalPeriods));
  return `${out.join('\n')}\n`;
}

/** Programs and lessons fed, in one cell: "so-cap: SC01 SC02; trung-cap: TC-TH". */
function feedsCell(ex: Explanation): string {
  return ex.feeds.map((f) => `${f.programId}: ${f.lessons.map((l) => l.lessonId).join(' ')}`).join('; ');
}

/** Several names: one line each, name → rule → programs fed. */
export function renderExplainTable(list: readonly Explanation[], lang: Lang): string {
  const w = words(lang);
  const by = (ex: Explanation) => (ex.match ? byWord(w, ex.match.by) + (ex.leftover.length ? ` (${w.nearCell(ex.leftover.join(' '))})` : '') : '');
  const rows = list.map((ex) => [ex.name, ex.match?.ruleId ?? w.unmatchedCell, by(ex), feedsCell(ex)]);
  return `${table(w.tableHeader.map((header) => ({ header })), rows).join('\n')}\n`;
}

export const EXPLAIN_CSV_COLUMNS = ['name', 'code', 'key', 'rule_id', 'matched_by', 'tied_with', 'leftover', 'typical_periods', 'programs_fed'] as const;

export function explainCsvRows(list: readonly Explanation[]): CsvCell[][] {
  return list.map((ex) => [
    ex.name,
    ex.code ?? null,
    ex.steps.key,
    ex.match?.ruleId ?? null,
    ex.match?.by ?? null,
    ex.match?.tiedWith.join(' ') || null,
    ex.leftover.join(' ') || null,
    ex.typicalPeriods,
    feedsCell(ex) || null,
  ]);
}

/** The JSON document: English ids and keys, labels in both languages. */
export function explainJson(list: readonly Explanation[], ruleSet: RuleSet): unknown {
  return {
    schemaVersion: EXPLAIN_JSON_VERSION,
    ruleSet: { id: ruleSet.id, version: ruleSet.version },
    explanations: list.map((ex) => ({
      name: ex.name,
      ...(ex.code !== undefined ? { code: ex.code, codeKey: ex.codeKey } : {}),
      steps: ex.steps,
      number: ex.number,
      candidates: ex.candidates,
      match: ex.match
        ? { ...ex.match, label: ruleSet.rules.find((r) => r.id === ex.match!.ruleId)?.label ?? null }
        : null,
      leftover: ex.leftover,
      typicalPeriods: ex.typicalPeriods,
      feeds: ex.feeds.map((f) => ({
        programId: f.programId,
        lessons: f.lessons.map((l) => ({ ...l, share: Math.round(l.share * 1e6) / 1e6, assumed: Math.round(l.assumed * 1e6) / 1e6 })),
      })),
      suggestions: ex.suggestions.map((s) => ({ ruleId: s.ruleId, similarity: s.similarity })),
    })),
  };
}
