// Every user-facing word of the reports, in Vietnamese (default) and English: the core returns codes, this makes sentences.

import type { GradeStatus, Notice, NotCountedReason, RowOutcome, UncertainReason, Verdict } from '../coverage/types.js';
import type { Lang } from '../lang.js';
import type { RuleSet } from '../rules/types.js';
import { date, num } from './format.js';
import { programName as lookupProgramName, ruleLabel as lookupRuleLabel } from './lookup.js';

export interface Messages {
  title: string;
  files: string;
  /** how `-` (standard input) is named in a report */
  stdin: string;
  person: string;
  ruleSet: string;
  version: string;
  asOf: string;
  verdict: Record<Verdict, string>;
  conclusionPassed(level: string): string;
  conclusionReviewAbove(levels: string): string;
  conclusionReview(levels: string): string;
  conclusionNone: string;
  outsideCaveat: string;
  /** course policy: counted periods against the minimum, lessons against the total */
  courseLine(a: { counted: string; min: string; total: string; lessons: number; totalLessons: number; minLessons: number }): string;
  courseShort(a: { periods: string; lessons: number }): string;
  perSubjectLine(a: { passed: number; required: number; counted: string; total: string }): string;
  perSubjectShort(a: { subjects: number; periods: string }): string;
  evalCourse(a: { counted: string; min: string; lessons: number; totalLessons: number }): string;
  evalPerSubject(a: { passed: number; required: number }): string;
  reviewIntro: string;
  overlapReason: string;
  withoutUncertain: string;
  withUncertain: string;
  unverifiedProgram: string;
  tableNoteSure: string;
  col: { periods: string; minimum: string; counted: string; missing: string; lessons: string; result: string; subject: string };
  subjectPass: string;
  subjectFail: string;
  optional: string;
  lessonsMissingHeading: string;
  rowsCounted(n: number): string;
  rowsUncertain(n: number): string;
  rowsNotCounted(n: number): string;
  noRows: string;
  where(file: string, line?: number, path?: string, sheet?: string): string;
  row(id: number): string;
  rule: string;
  matchedBy: Record<'name' | 'code' | 'keywords' | 'decision', string>;
  periods(n: string): string;
  periodsUnknown: string;
  origin(r: RowOutcome['periods']): string;
  grade(text: string | null, status: GradeStatus): string;
  feeds: string;
  lessonPeriods(id: string, periods: string | null): string;
  uncertain: Record<UncertainReason, string>;
  notCounted(reason: NotCountedReason, row: RowOutcome, ruleLabel: string | null): string;
  noticesHeading: string;
  notice(n: Notice, ruleSet: RuleSet): string;
}

const listMax = 8;
/** A bounded list for a sentence: the first few items and how many more. */
function shortList(items: string[], more: (n: number) => string): string {
  if (items.length <= listMax) return items.join(', ');
  return `${items.slice(0, listMax).join(', ')} ${more(items.length - listMax)}`;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(str) : []);

const programName = (rs: RuleSet, id: unknown, lang: Lang): string => lookupProgramName(rs, str(id), lang);
const ruleLabel = (rs: RuleSet, id: unknown, lang: Lang): string => lookupRuleLabel(rs, str(id), lang);

/** The effective period of a rule set or program as words. */
function period(lang: Lang, from: unknown, to: unknown): string {
  const f = str(from);
  const t = str(to);
  if (lang === 'vi') {
    if (f && t) return `từ ${date(lang, f)} đến hết ${date(lang, t)}`;
    if (f) return `từ ${date(lang, f)}`;
    if (t) return `đến hết ${date(lang, t)}`;
    return 'không giới hạn';
  }
  if (f && t) return `from ${f} to ${t} inclusive`;
  if (f) return `from ${f}`;
  if (t) return `up to ${t} inclusive`;
  return 'unbounded';
}

const vi: Messages = {
  title: 'KẾT QUẢ XÁC ĐỊNH TRÌNH ĐỘ LÝ LUẬN CHÍNH TRỊ TƯƠNG ĐƯƠNG',
  files: 'Bảng điểm',
  stdin: '(đầu vào chuẩn)',
  person: 'Người học',
  ruleSet: 'Bộ quy tắc',
  version: 'phiên bản',
  asOf: 'Ngày tham chiếu',
  verdict: { PASS: 'ĐẠT', FAIL: 'KHÔNG ĐẠT', REVIEW: 'CẦN XEM XÉT' },
  conclusionPassed: (level) => `Kết luận: tương đương trình độ ${level.toLocaleUpperCase('vi')}.`,
  conclusionReviewAbove: (levels) => `Cần xem xét thêm đối với: ${levels}.`,
  conclusionReview: (levels) =>
    `Kết luận: chưa xác định được — cần cán bộ xem xét thêm đối với: ${levels}.`,
  conclusionNone: 'Kết luận: chưa đủ điều kiện tương đương trình độ nào trong các chương trình đã kiểm tra.',
  outsideCaveat: '(Ngày tham chiếu nằm ngoài thời gian áp dụng của quy định — kết quả chỉ để tham khảo, xem phần Lưu ý.)',
  courseLine: (a) =>
    `Tính được ${a.counted} tiết (tối thiểu ${a.min} trong tổng ${a.total} tiết) và ${a.lessons}/${a.totalLessons} bài (tối thiểu ${a.minLessons}).`,
  courseShort: (a) =>
    a.lessons > 0 && a.periods !== '0'
      ? `Còn thiếu ${a.periods} tiết và ${a.lessons} bài so với mức tối thiểu.`
      : a.lessons > 0
        ? `Còn thiếu ${a.lessons} bài so với mức tối thiểu.`
        : `Còn thiếu ${a.periods} tiết so với mức tối thiểu.`,
  perSubjectLine: (a) =>
    `Đạt ${a.passed}/${a.required} môn bắt buộc (so từng môn, môn thừa tiết không bù cho môn thiếu); tính được ${a.counted}/${a.total} tiết.`,
  perSubjectShort: (a) => `Còn thiếu ${a.periods} tiết ở ${a.subjects} môn.`,
  evalCourse: (a) => `${a.counted} tiết (tối thiểu ${a.min}), ${a.lessons}/${a.totalLessons} bài`,
  evalPerSubject: (a) => `đạt ${a.passed}/${a.required} môn`,
  reviewIntro: 'Kết quả phụ thuộc vào các dòng sau:',
  overlapReason: 'trùng nội dung với học phần khác, chỉ tính một lần khi xét bất lợi (xem Lưu ý)',
  withoutUncertain: 'Xét theo hướng bất lợi',
  withUncertain: 'Xét theo hướng có lợi',
  unverifiedProgram: 'Chương trình này dùng dữ liệu tái dựng, chưa đối chiếu với văn bản chính thức (xem phần Lưu ý).',
  tableNoteSure: '(bảng chỉ tính các dòng chắc chắn)',
  col: {
    periods: 'Số tiết',
    minimum: 'Cần đạt',
    counted: 'Tính được',
    missing: 'Thiếu',
    lessons: 'Số bài',
    result: 'Kết quả',
    subject: 'Môn / phần',
  },
  subjectPass: 'Đạt',
  subjectFail: 'Không đạt',
  optional: 'không bắt buộc',
  lessonsMissingHeading: 'Bài còn thiếu:',
  rowsCounted: (n) => `Các dòng được tính (${n}):`,
  rowsUncertain: (n) => `Các dòng chưa chắc chắn — chỉ tính khi xét theo hướng có lợi (${n}):`,
  rowsNotCounted: (n) => `Các dòng không được tính (${n}):`,
  noRows: 'Bảng điểm không có dòng nào.',
  where: (file, line, path, sheet) =>
    line !== undefined ? `${file}, ${sheet !== undefined ? `trang ${sheet}, ` : ''}dòng ${line}` : path ? `${file}, ${path}` : file,
  row: (id) => `[${id}]`,
  rule: 'quy tắc',
  matchedBy: { name: 'khớp theo tên', code: 'khớp theo mã học phần', keywords: 'khớp theo từ khóa', decision: 'theo quyết định của cán bộ' },
  periods: (n) => `${n} tiết`,
  periodsUnknown: 'không rõ số tiết',
  origin: (p) => {
    if (p.origin === 'given') return 'số tiết ghi trên bảng điểm';
    if (p.origin === 'parts') return 'LT + TL/TH';
    if (p.origin === 'credits') {
      const unit = p.unit === 'dvht' ? 'ĐVHT' : 'TC';
      return `${num('vi', p.credits ?? 0)} ${unit} × ${num('vi', p.perUnit ?? 0)}`;
    }
    if (p.origin === 'decided') return 'số tiết theo quyết định của cán bộ';
    return 'không có số tín chỉ/số tiết';
  },
  grade: (text, status) => {
    const s = { pass: 'đạt', exempt: 'miễn, được công nhận', fail: 'không đạt', uncertain: 'chưa chắc chắn', missing: 'không có điểm' }[status];
    return text === null ? s : `điểm ${text} (${s})`;
  },
  feeds: 'tính vào',
  lessonPeriods: (id, p) => (p === null ? `${id} (chưa rõ số tiết)` : `${id} ${p} tiết`),
  uncertain: {
    'periods-unknown': 'không có số tín chỉ hoặc số tiết',
    'grade-missing': 'không có điểm',
    'grade-uncertain': 'điểm nằm trong khoảng chưa chắc đạt (dùng --pass-mark để xác định điểm đạt)',
    'grade-unreadable': 'không đọc được điểm',
    'grade-scale-inferred': 'đạt theo thang điểm 4 suy đoán nhưng không đạt theo thang 10 (dùng --scale 4 hoặc --scale 10)',
    'near-match': 'tên chỉ khớp gần đúng: có từ quy tắc không giải thích được (xem Lưu ý)',
  },
  notCounted: (reason, row, label) => {
    switch (reason) {
      case 'failed':
        return row.grade.text ? `không đạt (điểm ${row.grade.text})` : 'không đạt';
      case 'duplicate':
        return row.supersededBy !== undefined
          ? `học phần học lại/trùng, đã tính ở dòng [${row.supersededBy}]`
          : 'học phần học lại/trùng, đã tính ở dòng khác';
      case 'unmatched':
        return 'không khớp quy tắc nào (không phải học phần lý luận chính trị theo bộ quy tắc)';
      case 'not-relevant':
        return label ? `khớp «${label}» nhưng không thuộc chương trình được kiểm tra` : 'không thuộc chương trình được kiểm tra';
      case 'excluded':
        return 'không tính theo quyết định của cán bộ';
    }
  },
  noticesHeading: 'Lưu ý:',
  notice: (n, rs) => {
    const a = n.args;
    switch (n.code) {
      case 'unverified-rules': {
        const parts = [
          a.program ? 'mô tả chương trình' : '',
          a.policy ? 'ngưỡng đạt' : '',
          strs(a.subjects).length ? `số tiết của ${strs(a.subjects).length} môn/phần` : '',
          strs(a.lessons).length ? lessonPart(rs, strs(a.lessons), 'vi') : '',
          strs(a.rules).length ? `quy tắc ánh xạ ${shortList(strs(a.rules).map((r) => `«${ruleLabel(rs, r, 'vi')}»`), (k) => `và ${k} quy tắc khác`)}` : '',
        ].filter(Boolean);
        return (
          `${programName(rs, a.programId, 'vi')}: kết quả dựa trên dữ liệu tái dựng, chưa được đối chiếu với văn bản chính thức` +
          (parts.length ? ` (${parts.join('; ')})` : '') +
          '; chỉ dùng để tham khảo và cần đối chiếu trước khi xác nhận.'
        );
      }
      case 'outside-effective-period': {
        const scope = a.programId ? `chương trình ${programName(rs, a.programId, 'vi')}` : `bộ quy tắc ${rs.name.vi}`;
        return (
          `Ngày tham chiếu ${date('vi', str(a.asOf))} nằm ngoài thời gian áp dụng của ${scope} (${period('vi', a.from, a.to)}): ` +
          `vào ngày đó việc xác định tương đương theo quy định này ${a.to !== undefined && str(a.asOf) > str(a.to) ? 'không còn' : 'chưa'} được áp dụng; kết quả chỉ dùng để tham khảo, rà soát.`
        );
      }
      case 'rule-tie':
        return (
          `Dòng [${str(a.rowId)}] khớp ngang nhau nhiều quy tắc (${[a.ruleId, ...strs(a.tiedWith)].map((r) => ruleLabel(rs, r, 'vi')).join('; ')}); ` +
          `đã dùng quy tắc đứng trước: ${ruleLabel(rs, a.ruleId, 'vi')}.`
        );
      case 'grade-band':
        return (
          `Dòng [${str(a.rowId)}]: điểm ${num('vi', Number(a.grade))} đạt theo thang tín chỉ (từ ${num('vi', Number(a.passMark))}) nhưng có thể chưa đạt theo quy chế niên chế ` +
          `(dưới ${num('vi', Number(a.uncertainBelow))}); dùng --pass-mark để xác định điểm đạt.`
        );
      case 'exempt-counted':
        return `Dòng [${str(a.rowId)}] được miễn và công nhận kết quả; đã tính như học phần đạt.`;
      case 'four-point-scale-inferred':
        return (
          `Cột điểm của ${strs(a.files).join(', ')} không ghi thang điểm và mọi điểm số đều không quá 4 nên được hiểu theo thang điểm 4; ` +
          'điểm nào chỉ đạt theo cách hiểu này được xếp vào loại chưa chắc chắn — dùng --scale 4 hoặc --scale 10 để xác định.'
        );
      case 'overlapping-modules':
        return (
          `${programName(rs, a.programId, 'vi')}: các dòng ${strs(a.rows).map((r) => `[${r}]`).join(', ')} là các học phần khác nhau cùng tính vào ` +
          `${shortList(strs(a.lessons), (k) => `và ${k} bài khác`)}; khi xét bất lợi, mỗi bài chỉ tính phần lớn nhất (không cộng dồn nội dung trùng).`
        );
      case 'periods-from-credits':
        return `Số tiết được quy đổi: 1 tín chỉ = ${num('vi', Number(a.perCredit))} tiết, 1 ĐVHT = ${num('vi', Number(a.perDvht))} tiết (thay đổi bằng --periods-per-credit).`;
      case 'no-rows':
        return 'Bảng điểm không có dòng học phần nào.';
      case 'encoding-guessed':
        return `${str(a.file)} không phải UTF-8 nên được đọc theo bảng mã windows-1258 (tệp "CSV" của Excel trên Windows tiếng Việt); nếu chữ hiển thị sai, hãy chỉ rõ --encoding.`;
      case 'row-near-match':
        return (
          `Dòng [${str(a.rowId)}] chỉ khớp gần đúng quy tắc ${ruleLabel(rs, a.ruleId, 'vi')}: tên còn các từ ${strs(a.leftover).map((w) => `«${w}»`).join(', ')} ` +
          'mà quy tắc không giải thích được; dòng này chỉ được tính khi xét theo hướng có lợi (cần cán bộ xem xét).'
        );
      case 'periods-credits-mismatch':
        return (
          `Dòng [${str(a.rowId)}]: các cột số tiết giảng dạy cộng được ${num('vi', Number(a.periods))} tiết, khác với ${num('vi', Number(a.credits))} ` +
          `${a.unit === 'dvht' ? 'ĐVHT' : 'tín chỉ'} × ${num('vi', Number(a.perUnit))} = ${num('vi', Number(a.expected))} tiết; đã dùng số tiết ghi trên bảng điểm.`
        );
      case 'unknown-numeric-column':
        return `${str(a.file)}: không hiểu cột số ${strs(a.columns).map((c) => `«${c}»`).join(', ')}; cột này không được tính — hãy kiểm tra xem đó có phải số tiết hay tín chỉ không.`;
      case 'self-study-column':
        return `${str(a.file)}: cột ${strs(a.columns).map((c) => `«${c}»`).join(', ')} là giờ tự học, tự nghiên cứu nên không được tính vào số tiết.`;
      case 'merged-on-officer-word':
        return `Các tệp ${strs(a.files).join(', ')} không ghi họ tên hoặc ngày sinh; đã gộp thành bảng điểm của một người theo xác nhận của cán bộ (--same-person).`;
      case 'decision-program-not-checked':
        return `Quyết định về ${programName(rs, a.programId, 'vi')} (${str(a.file)}${a.line !== undefined ? `:${str(a.line)}` : ''}) không được áp dụng vì chương trình này không được kiểm tra lần này (--level).`;
      default:
        return `${str(n.code)} ${JSON.stringify(a)}`;
    }
  },
};

const en: Messages = {
  title: 'POLITICAL THEORY LEVEL EQUIVALENCE CHECK',
  files: 'Transcript',
  stdin: '(standard input)',
  person: 'Person',
  ruleSet: 'Rule set',
  version: 'version',
  asOf: 'Reference date',
  verdict: { PASS: 'PASS', FAIL: 'FAIL', REVIEW: 'NEEDS REVIEW' },
  conclusionPassed: (level) => `Conclusion: equivalent to ${level.toUpperCase()}.`,
  conclusionReviewAbove: (levels) => `Needs an officer's review for: ${levels}.`,
  conclusionReview: (levels) => `Conclusion: undecided — needs an officer's review for: ${levels}.`,
  conclusionNone: 'Conclusion: not equivalent to any of the programs checked.',
  outsideCaveat: '(The reference date is outside the period these rules applied — for reference only, see Notices.)',
  courseLine: (a) =>
    `Counted ${a.counted} periods (minimum ${a.min} of ${a.total}) and ${a.lessons}/${a.totalLessons} lessons (minimum ${a.minLessons}).`,
  courseShort: (a) =>
    a.lessons > 0 && a.periods !== '0'
      ? `Short by ${a.periods} periods and ${a.lessons} lessons against the minimums.`
      : a.lessons > 0
        ? `Short by ${a.lessons} lessons against the minimum.`
        : `Short by ${a.periods} periods against the minimum.`,
  perSubjectLine: (a) =>
    `${a.passed}/${a.required} required subjects pass (compared subject by subject; surplus never makes up a shortage); counted ${a.counted}/${a.total} periods.`,
  perSubjectShort: (a) => `Short by ${a.periods} periods in ${a.subjects} subjects.`,
  evalCourse: (a) => `${a.counted} periods (minimum ${a.min}), ${a.lessons}/${a.totalLessons} lessons`,
  evalPerSubject: (a) => `${a.passed}/${a.required} subjects pass`,
  reviewIntro: 'The verdict depends on these rows:',
  overlapReason: 'same content as another module, counted once in the pessimistic reading (see Notices)',
  withoutUncertain: 'Pessimistic reading',
  withUncertain: 'Optimistic reading',
  unverifiedProgram: 'This program uses reconstructed data not checked against the official text (see Notices).',
  tableNoteSure: '(the table counts certain rows only)',
  col: {
    periods: 'Periods',
    minimum: 'Needed',
    counted: 'Counted',
    missing: 'Missing',
    lessons: 'Lessons',
    result: 'Result',
    subject: 'Subject / part',
  },
  subjectPass: 'Pass',
  subjectFail: 'Fail',
  optional: 'optional',
  lessonsMissingHeading: 'Lessons missing:',
  rowsCounted: (n) => `Rows counted (${n}):`,
  rowsUncertain: (n) => `Uncertain rows — counted only in the favourable evaluation (${n}):`,
  rowsNotCounted: (n) => `Rows not counted (${n}):`,
  noRows: 'The transcript has no rows.',
  where: (file, line, path, sheet) =>
    line !== undefined ? `${file}, ${sheet !== undefined ? `sheet ${sheet}, row` : 'line'} ${line}` : path ? `${file}, ${path}` : file,
  row: (id) => `[${id}]`,
  rule: 'rule',
  matchedBy: { name: 'by name', code: 'by course code', keywords: 'by keywords', decision: 'by an officer’s decision' },
  periods: (n) => `${n} periods`,
  periodsUnknown: 'periods unknown',
  origin: (p) => {
    if (p.origin === 'given') return 'periods given on the transcript';
    if (p.origin === 'parts') return 'lecture + discussion/practice';
    if (p.origin === 'credits') {
      const unit = p.unit === 'dvht' ? 'ĐVHT' : 'credits';
      return `${num('en', p.credits ?? 0)} ${unit} × ${num('en', p.perUnit ?? 0)}`;
    }
    if (p.origin === 'decided') return 'periods set by an officer’s decision';
    return 'no credits or periods';
  },
  grade: (text, status) => {
    const s = { pass: 'pass', exempt: 'exempt, credit recognised', fail: 'fail', uncertain: 'uncertain', missing: 'no grade' }[status];
    return text === null ? s : `grade ${text} (${s})`;
  },
  feeds: 'feeds',
  lessonPeriods: (id, p) => (p === null ? `${id} (periods unknown)` : `${id} ${p} periods`),
  uncertain: {
    'periods-unknown': 'no credits or periods',
    'grade-missing': 'no grade',
    'grade-uncertain': 'grade in the uncertain band (set --pass-mark to decide)',
    'grade-unreadable': 'grade cannot be read',
    'grade-scale-inferred': 'passes on the inferred 4-point scale but not on the 10-point one (set --scale 4 or --scale 10)',
    'near-match': 'the name is only a near match: it holds words the rule does not explain (see Notices)',
  },
  notCounted: (reason, row, label) => {
    switch (reason) {
      case 'failed':
        return row.grade.text ? `failed (grade ${row.grade.text})` : 'failed';
      case 'duplicate':
        return row.supersededBy !== undefined
          ? `another attempt of the same module; row [${row.supersededBy}] counts instead`
          : 'another attempt of the same module counts instead';
      case 'unmatched':
        return 'matches no rule (not a political-theory module under this rule set)';
      case 'not-relevant':
        return label ? `matches "${label}" but feeds none of the programs checked` : 'feeds none of the programs checked';
      case 'excluded':
        return 'left out by an officer’s decision';
    }
  },
  noticesHeading: 'Notices:',
  notice: (n, rs) => {
    const a = n.args;
    switch (n.code) {
      case 'unverified-rules': {
        const parts = [
          a.program ? 'the program description' : '',
          a.policy ? 'the pass thresholds' : '',
          strs(a.subjects).length ? `the periods of ${strs(a.subjects).length} subjects/parts` : '',
          strs(a.lessons).length ? lessonPart(rs, strs(a.lessons), 'en') : '',
          strs(a.rules).length ? `the mapping rules ${shortList(strs(a.rules).map((r) => `"${ruleLabel(rs, r, 'en')}"`), (k) => `and ${k} more`)}` : '',
        ].filter(Boolean);
        return (
          `${programName(rs, a.programId, 'en')}: the result rests on reconstructed data not checked against the official text` +
          (parts.length ? ` (${parts.join('; ')})` : '') +
          '; for reference only, verify before certifying.'
        );
      }
      case 'outside-effective-period': {
        const scope = a.programId ? `the program ${programName(rs, a.programId, 'en')}` : `the rule set ${rs.name.en}`;
        return (
          `The reference date ${str(a.asOf)} is outside the period in which ${scope} applies (${period('en', a.from, a.to)}): ` +
          `equivalence under these rules was ${a.to !== undefined && str(a.asOf) > str(a.to) ? 'no longer' : 'not yet'} in force on that date; the result is for reference and audits only.`
        );
      }
      case 'rule-tie':
        return (
          `Row [${str(a.rowId)}] matches several rules equally well (${[a.ruleId, ...strs(a.tiedWith)].map((r) => ruleLabel(rs, r, 'en')).join('; ')}); ` +
          `the earlier rule was used: ${ruleLabel(rs, a.ruleId, 'en')}.`
        );
      case 'grade-band':
        return (
          `Row [${str(a.rowId)}]: grade ${num('en', Number(a.grade))} passes under the credit system (from ${num('en', Number(a.passMark))}) but may not under the ` +
          `older rules (below ${num('en', Number(a.uncertainBelow))}); set --pass-mark to decide.`
        );
      case 'exempt-counted':
        return `Row [${str(a.rowId)}] is exempt with credit recognised; counted as passed.`;
      case 'four-point-scale-inferred':
        return (
          `The grade column of ${strs(a.files).join(', ')} names no scale and every numeric grade is at most 4, so it was read on the 4-point scale; ` +
          'grades that pass only under that reading are uncertain — set --scale 4 or --scale 10 to decide.'
        );
      case 'overlapping-modules':
        return (
          `${programName(rs, a.programId, 'en')}: rows ${strs(a.rows).map((r) => `[${r}]`).join(', ')} are different modules feeding the same lessons ` +
          `(${shortList(strs(a.lessons), (k) => `and ${k} more`)}); the pessimistic evaluation counts only the largest share of each lesson, not the sum.`
        );
      case 'periods-from-credits':
        return `Periods converted at 1 credit = ${num('en', Number(a.perCredit))} periods, 1 ĐVHT = ${num('en', Number(a.perDvht))} periods (change with --periods-per-credit).`;
      case 'no-rows':
        return 'The transcript has no course rows.';
      case 'encoding-guessed':
        return `${str(a.file)} is not UTF-8, so it was read as windows-1258 (what Excel's "CSV" writes on Vietnamese Windows); if letters look wrong, say --encoding.`;
      case 'row-near-match':
        return (
          `Row [${str(a.rowId)}] is only a near match of ${ruleLabel(rs, a.ruleId, 'en')}: the name also holds ${strs(a.leftover).map((w) => `"${w}"`).join(', ')}, ` +
          'which the rule does not explain; it counts only in the optimistic reading (the officer should review it).'
        );
      case 'periods-credits-mismatch':
        return (
          `Row [${str(a.rowId)}]: the teaching-period columns add up to ${num('en', Number(a.periods))}, not ${num('en', Number(a.credits))} ` +
          `${a.unit === 'dvht' ? 'ĐVHT' : 'credits'} × ${num('en', Number(a.perUnit))} = ${num('en', Number(a.expected))}; the periods on the transcript were used.`
        );
      case 'unknown-numeric-column':
        return `${str(a.file)}: numeric column ${strs(a.columns).map((c) => `"${c}"`).join(', ')} is not understood and was not counted — check whether it holds periods or credits.`;
      case 'self-study-column':
        return `${str(a.file)}: column ${strs(a.columns).map((c) => `"${c}"`).join(', ')} holds self-study hours, which never count as periods.`;
      case 'merged-on-officer-word':
        return `The files ${strs(a.files).join(', ')} name nobody; they were merged as one person's transcript on the officer's word (--same-person).`;
      case 'decision-program-not-checked':
        return `The decision about ${programName(rs, a.programId, 'en')} (${str(a.file)}${a.line !== undefined ? `:${str(a.line)}` : ''}) is not applied: that program is not checked in this run (--level).`;
      default:
        return `${str(n.code)} ${JSON.stringify(a)}`;
    }
  },
};

const tables: Record<Lang, Messages> = { vi, en };

export function messages(lang: Lang): Messages {
  return tables[lang];
}

/** Unverified lessons: the whole list, or only the periods of lessons whose titles are published. */
function lessonPart(rs: RuleSet, ids: string[], lang: Lang): string {
  const titled = ids.filter((id) => rs.lessonIndex.get(id)?.lesson.titleVerified).length;
  if (titled === ids.length) return lang === 'vi' ? `số tiết của ${ids.length} bài (tên bài đã có nguồn)` : `the periods of ${ids.length} lessons (their titles are published)`;
  return lang === 'vi' ? `danh mục ${ids.length} bài` : `the list of ${ids.length} lessons`;
}

/** A notice as a sentence in one language. */
export function noticeMessage(lang: Lang, notice: Notice, ruleSet: RuleSet): string {
  return tables[lang].notice(notice, ruleSet);
}

/** Why a row was not counted, as a sentence. */
export function notCountedMessage(lang: Lang, row: RowOutcome, ruleSet: RuleSet): string {
  const label = row.match ? ruleLabel(ruleSet, row.match.ruleId, lang) : null;
  return row.notCounted ? tables[lang].notCounted(row.notCounted, row, label) : '';
}

export function uncertainMessage(lang: Lang, reason: UncertainReason): string {
  return tables[lang].uncertain[reason];
}

export function verdictWord(lang: Lang, v: Verdict): string {
  return tables[lang].verdict[v];
}
