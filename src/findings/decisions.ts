// Every sentence about officer decisions, by code, in Vietnamese and English.

import { ACTION_WORD_VI, ACTIONS, DECISION_FIELDS, type DecisionOrigin, type ReadProblemCode, type RefusalCode } from '../decisions/types.js';
import type { Words } from './types.js';

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const at = (o: unknown): string => {
  const x = (o ?? {}) as DecisionOrigin;
  return x.line !== undefined ? `${x.file}:${x.line}` : x.path ? `${x.file}: ${x.path}` : str(x.file);
};
const rowPlace = (a: Record<string, unknown>) => `${str(a.file)}${a.sheet !== undefined ? ` [${str(a.sheet)}]` : ''}${a.line !== undefined ? `:${str(a.line)}` : a.path ? ` ${str(a.path)}` : ''}`;

type Table = Record<ReadProblemCode | RefusalCode, (a: Record<string, unknown>) => string>;

const vi: Table = {
  syntax: (a) => str(a.vi),
  'no-header': (a) => `dòng tiêu đề thiếu cột ${(a.missing as string[]).join(', ')}; dùng tệp review.csv do llct ghi ra, hoặc thêm các cột này`,
  'unknown-field': (a) => `trường không có trong mẫu: "${str(a.field)}"; các trường hợp lệ: ${DECISION_FIELDS.join(', ')}`,
  'missing-field': (a) =>
    a.field === 'reason'
      ? 'quyết định thiếu lý do (cột reason); mỗi quyết định phải ghi lý do'
      : a.field === 'decided_by'
        ? 'quyết định thiếu người quyết định (cột decided_by)'
        : a.field === 'date'
          ? 'quyết định thiếu ngày (cột date, dạng DD/MM/YYYY)'
          : `thiếu giá trị ở cột ${str(a.field)}`,
  'unknown-action': (a) => `"${str(a.action)}" không phải quyết định hợp lệ; dùng một trong ${ACTIONS.join(', ')} (hoặc ${ACTIONS.map((x) => ACTION_WORD_VI[x]).join(', ')})`,
  'bad-value': (a) =>
    ({
      'set-periods': `số tiết "${str(a.value)}" không hợp lệ; ghi một số dương, ví dụ 30 hoặc 7,5`,
      'set-grade': `"${str(a.value)}" không phải kết quả; ghi đạt hoặc không đạt`,
      map: 'thiếu mã quy tắc ở cột value (xem llct rules show)',
      confirm: `"${str(a.value)}" không phải kết luận; ghi PASS/đạt hoặc FAIL/không đạt, hoặc để trống`,
      overturn: `kết luận mới "${str(a.value)}" không hợp lệ; ghi PASS/đạt hoặc FAIL/không đạt`,
    })[str(a.action)] ?? `giá trị không hợp lệ ở trường ${str(a.action)}: ${str(a.value)}`,
  'value-not-expected': (a) => `quyết định ${str(a.action)} không nhận giá trị ("${str(a.value)}"); để trống cột value`,
  'bad-date': (a) => `"${str(a.date)}" không phải ngày có thật; ghi DD/MM/YYYY hoặc YYYY-MM-DD`,
  'bad-line': (a) => `"${str(a.line)}" không phải số dòng; ghi số dòng trong bảng điểm (hoặc đường dẫn JSON như $.courses[2])`,
  'target-mismatch': (a) =>
    a.action === 'confirm' || a.action === 'overturn'
      ? `quyết định ${str(a.action)} là về kết luận của một chương trình: ghi cột program, để trống file/line/course_name`
      : `quyết định ${str(a.action)} là về một dòng bảng điểm: ghi file, line và course_name`,
  'no-dossier': () => 'thiếu tên hồ sơ (cột dossier); tệp quyết định dùng cho cả đợt phải ghi hồ sơ ở mỗi dòng',
  'other-dossier': (a) => `dòng này ghi hồ sơ "${str(a.dossier)}" nhưng tệp nằm trong hồ sơ "${str(a.expected)}"`,
  'row-not-found': (a) => `không còn dòng ${rowPlace(a)} trong bảng điểm (bảng điểm đã thay đổi?); xem lại quyết định`,
  'row-ambiguous': (a) => `"${str(a.file)}" chỉ ra nhiều tệp (${(a.files as string[]).join(', ')}); ghi rõ đường dẫn tệp`,
  'row-name-changed': (a) =>
    `dòng ${rowPlace(a)} nay là "${str(a.actual)}", không phải "${str(a.expected)}" như khi ra quyết định (bảng điểm đã thay đổi); xem lại quyết định`,
  'unknown-rule': (a) => `không có quy tắc "${str(a.ruleId)}" trong bộ quy tắc (xem llct rules show)`,
  'unknown-program': (a) => `không có chương trình "${str(a.programId)}" trong bộ quy tắc`,
  'count-unmatched': (a) => `dòng "${str(a.name)}" không khớp quy tắc nào nên không thể "tính"; dùng map (ánh xạ) với mã quy tắc`,
  contradicts: (a) => `mâu thuẫn với quyết định ở ${at(a.other)} về cùng dòng/chương trình; giữ một quyết định`,
  'confirm-stale': (a) => `xác nhận ${str(a.programId)} là ${str(a.value)} nhưng kết luận nay là ${str(a.verdict)} (dữ liệu đã thay đổi); xem lại quyết định`,
  'confirm-review': (a) => `không thể xác nhận kết luận CẦN XEM XÉT của ${str(a.programId)}; dùng overturn (thay đổi) với PASS hoặc FAIL`,
};

const en: Table = {
  syntax: (a) => str(a.en),
  'no-header': (a) => `the header lacks the column(s) ${(a.missing as string[]).join(', ')}; use the review.csv llct wrote, or add them`,
  'unknown-field': (a) => `unknown field "${str(a.field)}"; the fields are ${DECISION_FIELDS.join(', ')}`,
  'missing-field': (a) =>
    a.field === 'reason'
      ? 'the decision has no reason (column reason); every decision must say why'
      : a.field === 'decided_by'
        ? 'the decision does not say who decided (column decided_by)'
        : a.field === 'date'
          ? 'the decision has no date (column date, DD/MM/YYYY)'
          : `no value in column ${str(a.field)}`,
  'unknown-action': (a) => `"${str(a.action)}" is not a decision; use one of ${ACTIONS.join(', ')}`,
  'bad-value': (a) =>
    ({
      'set-periods': `"${str(a.value)}" is not a number of periods; write a positive number such as 30 or 7,5`,
      'set-grade': `"${str(a.value)}" is not a result; write pass or fail (đạt / không đạt)`,
      map: 'no rule id in column value (see llct rules show)',
      confirm: `"${str(a.value)}" is not a verdict; write PASS or FAIL, or leave it empty`,
      overturn: `"${str(a.value)}" is not a verdict to set; write PASS or FAIL`,
    })[str(a.action)] ?? `invalid value in field ${str(a.action)}: ${str(a.value)}`,
  'value-not-expected': (a) => `the decision ${str(a.action)} takes no value ("${str(a.value)}"); leave the value column empty`,
  'bad-date': (a) => `"${str(a.date)}" is not a real date; write DD/MM/YYYY or YYYY-MM-DD`,
  'bad-line': (a) => `"${str(a.line)}" is not a line number; write the row's line in the transcript (or a JSON path such as $.courses[2])`,
  'target-mismatch': (a) =>
    a.action === 'confirm' || a.action === 'overturn'
      ? `${str(a.action)} is about a program's verdict: fill program and leave file/line/course_name empty`
      : `${str(a.action)} is about a transcript row: fill file, line and course_name`,
  'no-dossier': () => 'no dossier (column dossier); a batch-wide decisions file names the dossier on every line',
  'other-dossier': (a) => `this line names dossier "${str(a.dossier)}" but the file is in dossier "${str(a.expected)}"`,
  'row-not-found': (a) => `the transcript has no row ${rowPlace(a)} any more (has it changed?); review the decision`,
  'row-ambiguous': (a) => `"${str(a.file)}" names several files (${(a.files as string[]).join(', ')}); give the file's path`,
  'row-name-changed': (a) =>
    `row ${rowPlace(a)} is now "${str(a.actual)}", not "${str(a.expected)}" as when the decision was made (the transcript changed); review the decision`,
  'unknown-rule': (a) => `the rule set has no rule "${str(a.ruleId)}" (see llct rules show)`,
  'unknown-program': (a) => `the rule set has no program "${str(a.programId)}"`,
  'count-unmatched': (a) => `"${str(a.name)}" matches no rule, so it cannot be counted; use map with a rule id`,
  contradicts: (a) => `contradicts the decision at ${at(a.other)} about the same row or program; keep one of them`,
  'confirm-stale': (a) => `confirms ${str(a.programId)} as ${str(a.value)} but the verdict is now ${str(a.verdict)} (the data changed); review the decision`,
  'confirm-review': (a) => `a REVIEW verdict of ${str(a.programId)} cannot be confirmed; overturn it to PASS or FAIL`,
};

export interface DecisionArgs {
  /** a decisions file's read problem or a refused decision: its own code and arguments (decisions/read.ts, decisions/types.ts) */
  decision: { code: ReadProblemCode | RefusalCode; args: Record<string, unknown> };
}

export const decisionWords: Words<DecisionArgs> = {
  decision: { en: (a) => en[a.code](a.args), vi: (a) => vi[a.code](a.args) },
};
