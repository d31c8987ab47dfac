// The batch's workbooks for people: summary.xlsx (one typed row per dossier) and statistics.xlsx (the appendix table).

import type { Lang } from '../lang.js';
import type { CsvCell } from '../report/csv.js';
import { date } from '../report/format.js';
import { verdictWord } from '../report/messages.js';
import type { XlsxCell, XlsxSheet, XlsxSheetSpec } from '../report/xlsx.js';
import type { Program } from '../rules/types.js';
import { batchMessages } from './messages.js';
import type { StatisticsTable } from './statistics.js';
import type { SummaryRow } from './types.js';
import { levelCells, levelOf, warningsText } from './summary.js';
import type { Verdict } from '../verdict.js';
import type { UnmatchedEntry } from './unmatched.js';
import { unmatchedCsv } from './unmatched.js';
import { WORKLIST_COLUMNS } from '../decisions/worklist.js';
import { ACTION_WORD_VI, ACTIONS } from '../decisions/types.js';

const HEAD = {
  vi: {
    sheet: 'Tổng hợp',
    lead: ['STT', 'Hồ sơ', 'Mã cán bộ', 'Họ và tên', 'Tệp bảng điểm', 'Ngày tham chiếu', 'Trình độ cao nhất đạt'],
    level: ['kết quả', 'kết quả tính từ bảng điểm', 'số tiết tính được', 'số tiết (xét có lợi)', 'số tiết cần đạt', 'số bài tính được', 'số bài cần đạt', 'tổng số bài', 'số môn đạt', 'số môn bắt buộc', 'còn thiếu'],
    tail: ['Số dòng', 'Số dòng không khớp', 'Số quyết định của cán bộ', 'Cảnh báo', 'Mã lỗi', 'Lỗi'],
    none: 'chưa đạt',
    statsSheet: 'Thống kê',
    content: 'Nội dung',
  },
  en: {
    sheet: 'Summary',
    lead: ['No.', 'Dossier', 'ID', 'Name', 'Transcript files', 'As of', 'Highest level passed'],
    level: ['verdict', 'computed verdict', 'periods counted', 'periods (optimistic)', 'periods required', 'lessons counted', 'lessons required', 'lessons total', 'subjects passed', 'subjects required', 'shortfall'],
    tail: ['Rows', 'Unmatched rows', 'Officer decisions', 'Warnings', 'Error code', 'Error'],
    none: 'none',
    statsSheet: 'Statistics',
    content: 'Item',
  },
} as const;

/** The summary's header row in words, level columns prefixed with the level's name (e.g. "Sơ cấp LLCT: kết quả"). */
export function summaryHeader(levels: readonly Program[], lang: Lang): string[] {
  const h = HEAD[lang];
  return [...h.lead, ...levels.flatMap((l) => h.level.map((f) => `${l.name[lang]}: ${f}`)), ...h.tail];
}

/** One dossier as typed cells: numbers as numbers, the date as a date, verdicts and codes in words. */
export function summaryCells(row: SummaryRow, levels: readonly Program[], lang: Lang): XlsxCell[] {
  let highest: Program | undefined;
  for (const l of levels) {
    if (l.id === row.highestPassed) {
      highest = l;
      break;
    }
  }
  const cells: XlsxCell[] = [
    row.no,
    row.dossier,
    row.id,
    row.name,
    row.files.join('; '),
    row.asOf !== null ? { date: row.asOf } : null,
    row.error ? null : highest ? highest.name[lang] : HEAD[lang].none,
  ];
  const words = verdictWords(lang);
  for (const level of levels) for (const c of levelCells(levelOf(row, level.id), words, null)) cells.push(c);
  cells.push(
    row.rows,
    row.unmatchedRows,
    row.decisions,
    warningsText(row.warnings) || null,
    row.error ? batchMessages(lang).errorCode[row.error.code] : null,
    row.error?.message ?? null,
  );
  return cells;
}

const verdictWordsMemo = new Map<Lang, (v: Verdict) => string>();

/** The verdict in words, one function per language (not a closure per row). */
function verdictWords(lang: Lang): (v: Verdict) => string {
  let f = verdictWordsMemo.get(lang);
  if (!f) verdictWordsMemo.set(lang, (f = (v) => verdictWord(lang, v)));
  return f;
}

/** summary.xlsx's sheet before its rows (one per dossier, from `summaryCells`, appended as the batch goes). */
export function summarySheet(levels: readonly Program[], lang: Lang): XlsxSheetSpec {
  return { name: HEAD[lang].sheet, header: summaryHeader(levels, lang) };
}

/**
 * The appendix table: a title, the official column titles, one row per item — section totals at the margin, their
 * parts indented as in the printed form — and the counts as numbers.
 */
export function statisticsSheet(t: StatisticsTable, lang: Lang): XlsxSheet {
  return {
    name: HEAD[lang].statsSheet,
    title: [batchMessages(lang).statisticsTitle],
    header: [HEAD[lang].content, ...t.columns.map((c) => c.label[lang])],
    rows: t.rows.map((r) => [`${'    '.repeat(r.depth)}${r.depth > 0 ? '- ' : ''}${r.label[lang]}`, ...t.columns.map((c) => r.cells[c.id] ?? 0)]),
    table: false,
  };
}

/**
 * Worklist titles in words. The decision columns use titles the decisions reader knows ("Quyết định", "Lý do",
 * "Người quyết định"…), so the filled-in workbook reads back with --decisions; the others are for people only.
 */
const REVIEW_TITLES: Record<Lang, Record<(typeof WORKLIST_COLUMNS)[number], string>> = {
  vi: {
    dossier: 'Hồ sơ', person: 'Người học', program: 'Chương trình', verdict: 'Kết luận tính được', file: 'Tệp', sheet: 'Trang tính',
    line: 'Dòng', course_name: 'Tên học phần', why: 'Cần xem xét vì', rule_suggested: 'Quy tắc gợi ý', action: 'Quyết định',
    value: 'Giá trị', reason: 'Lý do', decided_by: 'Người quyết định', date: 'Ngày', reference: 'Căn cứ',
  },
  en: Object.fromEntries(WORKLIST_COLUMNS.map((c) => [c, c])) as Record<(typeof WORKLIST_COLUMNS)[number], string>,
};

/** The actions as an officer picks them from the drop-down (each one the decisions reader takes). */
const REVIEW_ACTION_WORDS: Record<Lang, readonly string[]> = {
  vi: ACTIONS.map((a) => ACTION_WORD_VI[a]),
  en: ACTIONS,
};

/** review.xlsx: the worklist with a drop-down list of actions in the action column (rows appended as the batch goes). */
export function reviewSheet(lang: Lang): XlsxSheetSpec {
  return {
    name: lang === 'vi' ? 'Cần xem xét' : 'Review',
    header: WORKLIST_COLUMNS.map((c) => REVIEW_TITLES[lang][c]),
    lists: [{ column: WORKLIST_COLUMNS.indexOf('action'), values: REVIEW_ACTION_WORDS[lang] }],
  };
}

// ── the same tables as CSV for people (--excel) ───────────────────────────────────────────────────────────

/**
 * A workbook table as CSV cells for a person opening it in Excel (`--excel`): the headers and words of the
 * workbook in the report's language, dates as officers write them, true/false as words. Machine CSV (without
 * --excel) keeps the stable English ids.
 */
export interface PeopleCsv {
  header: string[];
  records: CsvCell[][];
}

const YES_NO: Record<Lang, readonly [string, string]> = { vi: ['có', 'không'], en: ['yes', 'no'] };

function peopleCell(c: XlsxCell, lang: Lang): CsvCell {
  if (c !== null && typeof c === 'object') return date(lang, c.date);
  if (typeof c === 'boolean') return c ? YES_NO[lang][0] : YES_NO[lang][1];
  return c;
}

export const summaryPeopleRow = (row: SummaryRow, levels: readonly Program[], lang: Lang): CsvCell[] => summaryCells(row, levels, lang).map((c) => peopleCell(c, lang));

/** statistics.csv for people: the appendix table as in statistics.xlsx, without its title line. */
export function statisticsPeopleCsv(t: StatisticsTable, lang: Lang): PeopleCsv {
  const sheet = statisticsSheet(t, lang);
  return { header: sheet.header, records: sheet.rows.map((r) => r.map((c) => peopleCell(c, lang))) };
}

/** review.csv for people: the worklist titles of review.xlsx, which the decisions reader takes back. */
export const reviewPeopleHeader = (lang: Lang): string[] => WORKLIST_COLUMNS.map((c) => REVIEW_TITLES[lang][c]);

const UNMATCHED_TITLES: Record<Lang, { key: string; example: string; dossiers: string; suggestion: string; rule: string; similarity: string }> = {
  vi: { key: 'Tên chuẩn hoá', example: 'Tên trong bảng điểm', dossiers: 'Số hồ sơ', suggestion: 'Gợi ý', rule: 'Mã quy tắc gợi ý', similarity: 'Độ giống gợi ý' },
  en: { key: 'Normalised name', example: 'Name as written', dossiers: 'Dossiers', suggestion: 'Suggestion', rule: 'Suggested rule id', similarity: 'Suggestion similarity' },
};

/** unmatched.csv for people: the same cells under titles in words. */
export function unmatchedPeopleCsv(list: readonly UnmatchedEntry[], lang: Lang): PeopleCsv {
  const { header, records } = unmatchedCsv(list);
  const t = UNMATCHED_TITLES[lang];
  const words = header.map((h) => {
    const m = /^suggestion_(\d+)(?:_(rule|similarity))?$/u.exec(h);
    if (!m) return t[h as 'key' | 'example' | 'dossiers'];
    return `${m[2] === 'rule' ? t.rule : m[2] === 'similarity' ? t.similarity : t.suggestion} ${m[1]}`;
  });
  return { header: words, records };
}
