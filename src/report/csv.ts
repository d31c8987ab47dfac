// CSV output: a generic safe writer (numbers stay numbers, formula-like text escaped, Excel mode) and the check's rows.

import type { CheckResult } from '../coverage/types.js';
import type { RuleSet } from '../rules/types.js';
import type { Lang } from '../lang.js';
import { isImplicitLesson, lessonTitle, programName, subjectName } from './lookup.js';
import { verdictWord } from './messages.js';

export type CsvCell = string | number | boolean | null;

export interface CsvOptions {
  /** UTF-8 BOM, `;` delimiter, CRLF and decimal commas: what Excel with Vietnamese regional settings opens cleanly */
  excel?: boolean;
}

/** Text a spreadsheet would run as a formula (or that starts with a control character it may strip). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The text a cell is written as, before CSV quoting. */
export function csvCellText(cell: CsvCell, options: CsvOptions = {}): string {
  if (cell === null) return '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  if (typeof cell === 'number') {
    const s = String(cell);
    return options.excel ? s.replace('.', ',') : s;
  }
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** A field that must be quoted: it holds the delimiter, a quote or a line break. */
const MUST_QUOTE: Record<',' | ';', RegExp> = { ',': /[",\n\r]/u, ';': /[";\n\r]/u };

/**
 * Records of cell texts as CSV: a field is quoted when it holds the delimiter, a quote or a line break (CR or LF,
 * alone or together), its quotes doubled; every record ends with the record delimiter. This is csv-stringify's output
 * with `quote_record_delimiter` (tested against it). Before, with csv-stringify's default for a given record
 * delimiter, a lone LF (in --excel files) or a lone CR (in plain ones) inside a field was written unquoted, which a
 * spreadsheet reads as a new row — a course name with a line break typed in an Excel cell, say. Written here because
 * a batch calls it for every dossier, where the library's per-call set-up cost more than the text.
 */
export function csvRecords(records: readonly (readonly string[])[], options: { delimiter: ',' | ';'; recordDelimiter: '\n' | '\r\n'; bom: boolean }): string {
  const mustQuote = MUST_QUOTE[options.delimiter];
  let out = options.bom ? '\ufeff' : '';
  for (const record of records) {
    for (let i = 0; i < record.length; i++) {
      const v = record[i]!;
      if (i > 0) out += options.delimiter;
      out += mustQuote.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
    }
    out += options.recordDelimiter;
  }
  return out;
}

export function toCsv(header: string[], rows: CsvCell[][], options: CsvOptions = {}): string {
  const records = [header.map((h) => csvCellText(h, options)), ...rows.map((r) => r.map((c) => csvCellText(c, options)))];
  return csvRecords(records, { bom: options.excel === true, delimiter: options.excel ? ';' : ',', recordDelimiter: options.excel ? '\r\n' : '\n' });
}

const CHECK_CSV_COLUMNS = [
  'program_id',
  'program_verdict',
  'program_periods_counted',
  'program_periods_minimum',
  'program_lessons_covered',
  'program_lessons_minimum',
  'subject_id',
  'subject_name',
  'periods_required',
  'periods_minimum',
  'periods_counted',
  'periods_missing',
  'lessons_total',
  'lessons_covered',
  'lessons_missing',
  'missing_lessons',
  'subject_pass',
] as const;

/**
 * One row per program × subject of the pessimistic evaluation (what is surely counted), each carrying its
 * program's verdict and totals (the sơ cấp 144-period / 13-lesson test is on every row of that program).
 * `missing_lessons` lists titles joined by " | "; the program minimums are empty under the per-subject policy,
 * `periods_minimum` and `subject_pass` under the course policy.
 */
export function checkCsvRows(result: CheckResult, ruleSet: RuleSet, lang: Lang = 'vi'): { header: string[]; rows: CsvCell[][] } {
  const rows: CsvCell[][] = [];
  for (const p of [...result.programs].sort((a, b) => a.rank - b.rank)) {
    for (const s of p.pessimistic.subjects) {
      const missing = s.lessonsMissing.filter((id) => !isImplicitLesson(ruleSet, id));
      rows.push([
        p.programId,
        p.verdict,
        p.pessimistic.periodsCounted,
        p.minPeriods,
        p.pessimistic.lessonsCovered,
        p.minLessons,
        s.subjectId,
        subjectName(ruleSet, p.programId, s.subjectId, lang),
        s.periodsRequired,
        s.periodsMinimum,
        s.periodsCounted,
        s.periodsMissing,
        s.lessonsCovered.length + s.lessonsMissing.length,
        s.lessonsCovered.length,
        s.lessonsMissing.length,
        missing.map((id) => lessonTitle(ruleSet, id, lang)).join(' | '),
        s.pass,
      ]);
    }
  }
  return { header: [...CHECK_CSV_COLUMNS], rows };
}

/** The check CSV's column titles for a person (`--excel`), in the order of CHECK_CSV_COLUMNS. */
const CHECK_CSV_TITLES: Record<Lang, Record<(typeof CHECK_CSV_COLUMNS)[number], string>> = {
  vi: {
    program_id: 'Chương trình',
    program_verdict: 'Kết quả',
    program_periods_counted: 'Số tiết tính được (chương trình)',
    program_periods_minimum: 'Số tiết tối thiểu (chương trình)',
    program_lessons_covered: 'Số bài tính được (chương trình)',
    program_lessons_minimum: 'Số bài tối thiểu (chương trình)',
    subject_id: 'Mã môn',
    subject_name: 'Môn',
    periods_required: 'Số tiết của môn',
    periods_minimum: 'Số tiết cần đạt',
    periods_counted: 'Số tiết tính được',
    periods_missing: 'Số tiết còn thiếu',
    lessons_total: 'Tổng số bài',
    lessons_covered: 'Số bài tính được',
    lessons_missing: 'Số bài còn thiếu',
    missing_lessons: 'Các bài còn thiếu',
    subject_pass: 'Môn đạt',
  },
  en: {
    program_id: 'Program',
    program_verdict: 'Verdict',
    program_periods_counted: 'Program periods counted',
    program_periods_minimum: 'Program periods minimum',
    program_lessons_covered: 'Program lessons counted',
    program_lessons_minimum: 'Program lessons minimum',
    subject_id: 'Subject id',
    subject_name: 'Subject',
    periods_required: 'Subject periods',
    periods_minimum: 'Periods minimum',
    periods_counted: 'Periods counted',
    periods_missing: 'Periods missing',
    lessons_total: 'Lessons total',
    lessons_covered: 'Lessons counted',
    lessons_missing: 'Lessons missing',
    missing_lessons: 'Missing lessons',
    subject_pass: 'Subject passed',
  },
};

const PASS_WORDS: Record<Lang, readonly [string, string]> = { vi: ['đạt', 'chưa đạt'], en: ['yes', 'no'] };

/**
 * The check's rows for a person opening the CSV in Excel (`--excel`): the same rows as `checkCsvRows`, under titles
 * in the report's language, with the program's name, the verdict and the subject's pass in words.
 */
export function checkPeopleCsvRows(result: CheckResult, ruleSet: RuleSet, lang: Lang): { header: string[]; rows: CsvCell[][] } {
  const { rows } = checkCsvRows(result, ruleSet, lang);
  const at = (c: (typeof CHECK_CSV_COLUMNS)[number]) => CHECK_CSV_COLUMNS.indexOf(c);
  const pass = PASS_WORDS[lang];
  return {
    header: CHECK_CSV_COLUMNS.map((c) => CHECK_CSV_TITLES[lang][c]),
    rows: rows.map((r) => {
      const out = [...r];
      out[at('program_id')] = programName(ruleSet, String(r[at('program_id')]), lang);
      out[at('program_verdict')] = verdictWord(lang, r[at('program_verdict')] as Parameters<typeof verdictWord>[1]);
      const p = r[at('subject_pass')] ?? null;
      out[at('subject_pass')] = typeof p === 'boolean' ? (p ? pass[0] : pass[1]) : p;
      return out;
    }),
  };
}
