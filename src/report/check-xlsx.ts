// The check report as a workbook for people: conclusion, subjects short of the minimum, rows with where they came from, notices.

import type { CheckResult } from '../coverage/types.js';
import type { RuleSet } from '../rules/types.js';
import type { Person } from '../transcript/types.js';
import { date } from './format.js';
import { buildJsonReport, type JsonRow } from './json.js';
import { messages, verdictWord } from './messages.js';
import type { Lang } from '../lang.js';
import { buildWorkbook, type XlsxCell, type XlsxSheet } from './xlsx.js';

export interface CheckXlsxMeta {
  lang: Lang;
  files: string[];
  toolVersion: string;
  person?: Person;
}

const WORDS = {
  vi: {
    sheets: { conclusion: 'Kết luận', shortfall: 'Môn còn thiếu', rows: 'Các dòng', notices: 'Lưu ý' },
    title: 'KẾT QUẢ XÁC ĐỊNH TRÌNH ĐỘ LÝ LUẬN CHÍNH TRỊ TƯƠNG ĐƯƠNG',
    person: 'Người học',
    files: 'Bảng điểm',
    asOf: 'Ngày tham chiếu',
    highest: 'Kết luận',
    none: 'chưa tương đương trình độ nào',
    conclusion: ['Chương trình', 'Kết quả', 'Số tiết tính được', 'Số tiết tối thiểu', 'Tổng số tiết', 'Số bài tính được', 'Số bài tối thiểu', 'Tổng số bài', 'Số tiết còn thiếu', 'Số bài còn thiếu', 'Số tiết (xét có lợi)', 'Dòng cần xem xét', 'Dữ liệu tái dựng'],
    shortfall: ['Chương trình', 'Môn', 'Bắt buộc', 'Số tiết của môn', 'Số tiết cần đạt', 'Số tiết tính được', 'Số tiết còn thiếu', 'Số bài còn thiếu', 'Các bài còn thiếu'],
    rows: ['Dòng số', 'Tệp', 'Trang tính', 'Dòng trong tệp', 'Mã học phần', 'Tên học phần', 'Điểm', 'Thang điểm', 'Số tiết', 'Số tiết lấy từ', 'Trạng thái', 'Khớp quy tắc', 'Các bài được tính', 'Lý do'],
    state: { counted: 'được tính', uncertain: 'chưa chắc chắn', 'not-counted': 'không được tính' },
    scale: { '10': 'thang 10', '4': 'thang 4', letter: 'điểm chữ' },
    notices: ['Mã', 'Nội dung'],
  },
  en: {
    sheets: { conclusion: 'Conclusion', shortfall: 'Shortfall', rows: 'Rows', notices: 'Notices' },
    title: 'POLITICAL-THEORY LEVEL EQUIVALENCE',
    person: 'Person',
    files: 'Transcript',
    asOf: 'As of',
    highest: 'Conclusion',
    none: 'no level passed',
    conclusion: ['Program', 'Verdict', 'Periods counted', 'Periods minimum', 'Periods total', 'Lessons counted', 'Lessons minimum', 'Lessons total', 'Periods missing', 'Lessons missing', 'Periods (optimistic)', 'Rows to review', 'Reconstructed data'],
    shortfall: ['Program', 'Subject', 'Required', 'Subject periods', 'Periods minimum', 'Periods counted', 'Periods missing', 'Lessons missing', 'Missing lessons'],
    rows: ['Row', 'File', 'Sheet', 'Line in file', 'Course code', 'Course name', 'Grade', 'Scale', 'Periods', 'Periods from', 'State', 'Matched rule', 'Lessons credited', 'Reason'],
    state: { counted: 'counted', uncertain: 'uncertain', 'not-counted': 'not counted' },
    scale: { '10': '10-point', '4': '4-point', letter: 'letter' },
    notices: ['Code', 'Message'],
  },
} as const;

function rowCells(r: JsonRow, lang: Lang, programName: (id: string) => string): XlsxCell[] {
  const w = WORDS[lang];
  const m = messages(lang);
  const lessons = r.contributions.flatMap((k) => k.lessons.map((l) => `${programName(k.programId)}: ${l.title[lang]}`));
  return [
    r.id,
    r.source.file,
    r.source.sheet ?? null,
    r.source.line ?? r.source.path ?? null,
    r.code,
    r.name,
    r.grade.value ?? r.grade.text,
    r.grade.scale ? w.scale[r.grade.scale] : null,
    r.periods.value,
    m.origin(r.periods),
    w.state[r.state],
    r.match ? r.match.label[lang] : null,
    lessons.join('; ') || null,
    r.reasons.map((x) => x.message[lang]).join('; ') || null,
  ];
}

/** The sheets of one check's workbook, in the report's language. */
export function checkSheets(result: CheckResult, ruleSet: RuleSet, meta: CheckXlsxMeta): XlsxSheet[] {
  const lang = meta.lang;
  const w = WORDS[lang];
  const report = buildJsonReport(result, ruleSet, { files: meta.files, toolVersion: meta.toolVersion, ...(meta.person ? { person: meta.person } : {}) });
  const programName = (id: string) => report.programs.find((p) => p.id === id)?.name[lang] ?? id;
  const who = [meta.person?.name, meta.person?.birthDate].filter((x): x is string => typeof x === 'string' && x !== '').join(', ');
  const title = [
    w.title,
    ...(who ? [`${w.person}: ${who}`] : []),
    `${w.files}: ${meta.files.join(', ')}`,
    `${w.asOf}: ${date(lang, report.asOf)}`,
    `${w.highest}: ${report.highestPassed ? report.highestPassed.name[lang] : w.none}`,
  ];
  const conclusion: XlsxSheet = {
    name: w.sheets.conclusion,
    title,
    header: [...w.conclusion],
    rows: report.programs.map((p) => [
      p.name[lang],
      verdictWord(lang, p.verdict),
      p.evaluations.pessimistic.periodsCounted,
      p.minPeriods,
      p.totalPeriods,
      p.evaluations.pessimistic.lessonsCovered,
      p.minLessons,
      p.totalLessons,
      p.shortfall.periodsMissing,
      p.shortfall.lessonsMissing,
      p.evaluations.optimistic.periodsCounted,
      p.decidingRows.join(', ') || null,
      p.usesUnverifiedData,
    ]),
  };
  const shortfall: XlsxSheet = {
    name: w.sheets.shortfall,
    header: [...w.shortfall],
    rows: report.programs.flatMap((p) =>
      p.evaluations.pessimistic.subjects
        .filter((s) => s.periodsMissing > 0 || s.lessonsMissing.length > 0)
        .map((s) => [
          p.name[lang],
          s.name[lang],
          s.required,
          s.periodsRequired,
          s.periodsMinimum,
          s.periodsCounted,
          s.periodsMissing,
          s.lessonsMissing.length,
          s.lessonsMissing.map((l) => l.title[lang]).join('; ') || null,
        ]),
    ),
  };
  const rows: XlsxSheet = { name: w.sheets.rows, header: [...w.rows], rows: report.rows.map((r) => rowCells(r, lang, programName)) };
  const notices: XlsxSheet = { name: w.sheets.notices, header: [...w.notices], rows: report.notices.map((n) => [n.code, n.message[lang]]) };
  return [conclusion, shortfall, rows, notices];
}

/** `check --format xlsx`: the workbook's bytes. */
export async function renderCheckXlsx(result: CheckResult, ruleSet: RuleSet, meta: CheckXlsxMeta): Promise<Uint8Array> {
  return buildWorkbook(checkSheets(result, ruleSet, meta), { lang: meta.lang });
}
