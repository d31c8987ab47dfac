// CSV output: a generic safe writer (numbers stay numbers, formula-like text escaped, Excel mode) and the check's rows.

import { stringify } from 'csv-stringify/sync';
import type { CheckResult } from '../coverage/types.js';
import type { RuleSet } from '../rules/types.js';
import { isImplicitLesson, lessonTitle, subjectName } from './lookup.js';
import type { Lang } from './messages.js';

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

export function toCsv(header: string[], rows: CsvCell[][], options: CsvOptions = {}): string {
  const records = [header.map((h) => csvCellText(h, options)), ...rows.map((r) => r.map((c) => csvCellText(c, options)))];
  return stringify(records, {
    bom: options.excel === true,
    delimiter: options.excel ? ';' : ',',
    record_delimiter: options.excel ? '\r\n' : '\n',
  });
}

export const CHECK_CSV_COLUMNS = [
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
