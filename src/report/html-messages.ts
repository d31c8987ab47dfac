// The words only the HTML report uses (headings, legends, the sign-off block), in Vietnamese and English.

import type { Lang } from '../lang.js';

export interface HtmlMessages {
  docTitle: string;
  unit: string;
  placeDate: string;
  dossier: string;
  personId: string;
  birthDate: string;
  personUnit: string;
  effective: string;
  effectiveIn(period: string): string;
  effectiveOut(period: string): string;
  toolVersion: string;
  conclusionHeading: string;
  colProgram: string;
  basisCourse(a: { counted: string; min: string; total: string; lessons: number; totalLessons: number; minLessons: number }): string;
  basisPerSubject(a: { passed: number; required: number; counted: string; total: string }): string;
  colComputed: string;
  colDecided: string;
  colBasis: string;
  notDecided: string;
  programHeading(no: number, name: string): string;
  colPossible: string;
  total: string;
  legend: { required: string; counted: string; possible: string; minimum: string };
  barTitle(a: { subject: string; counted: string; possible: string; required: string; minimum: string | null }): string;
  lessonsHeading(a: { covered: number; uncertain: number; total: number; min: number }): string;
  lessonState: { covered: string; uncertain: string; missing: string };
  shortfallHeading: string;
  shortfallNone: string;
  shortfallProgram(a: { periods: string; lessons: number; course: boolean }): string;
  rowsHeading: string;
  colRow: string;
  colCourse: string;
  colRule: string;
  colPeriods: string;
  colGrade: string;
  colReason: string;
  colFeeds(program: string): string;
  line(n: number): string;
  decisionsHeading: string;
  colDecision: string;
  colBy: string;
  colDate: string;
  colMinutes: string;
  warningsHeading: string;
  unverifiedCaveat: string;
  unverifiedFor(program: string, parts: string): string;
  unverifiedParts(a: { program: boolean; policy: boolean; subjects: number; lessons: number; rules: string[] }): string;
  noticesHeading: string;
  unverifiedUsesRules(n: number): string;
  unmatchedGroup(n: number): string;
  unmatchedWhy: string;
  outsideCaveat(asOf: string, ended: boolean): string;
  period(from?: string, to?: string): string;
  signoffHeading: string;
  checker: string;
  approver: string;
  signHint: string;
  dateLine: string;
  footerTool(version: string): string;
  page: string;
  of: string;
  errorHeading: string;
}

const vi: HtmlMessages = {
  docTitle: 'PHIẾU ĐỐI CHIẾU HỌC PHẦN LÝ LUẬN CHÍNH TRỊ',
  unit: 'Đơn vị: ……………………………………',
  placeDate: '……………, ngày …… tháng …… năm ………',
  dossier: 'Hồ sơ',
  personId: 'Mã',
  birthDate: 'Ngày sinh',
  personUnit: 'Đơn vị công tác',
  effective: 'Thời gian áp dụng',
  effectiveIn: (p) => `${p} — ngày tham chiếu nằm trong thời gian áp dụng`,
  effectiveOut: (p) => `${p} — NGÀY THAM CHIẾU NẰM NGOÀI thời gian áp dụng: kết quả chỉ để tham khảo`,
  toolVersion: 'Công cụ',
  conclusionHeading: 'I. Kết luận',
  colProgram: 'Chương trình',
  basisCourse: (a) => `${a.counted}/${a.total} tiết (cần ${a.min}); ${a.lessons}/${a.totalLessons} bài (cần ${a.minLessons})`,
  basisPerSubject: (a) => `đạt ${a.passed}/${a.required} môn bắt buộc (so từng môn); ${a.counted}/${a.total} tiết`,
  colComputed: 'Kết quả tính',
  colDecided: 'Kết quả quyết định',
  colBasis: 'Căn cứ',
  notDecided: '(chưa quyết định)',
  programHeading: (no, name) => `II.${no}. ${name}`,
  colPossible: 'Có thể',
  total: 'Toàn chương trình',
  legend: { required: 'số tiết chương trình', counted: 'tính được chắc chắn', possible: 'có thể tính (kể cả dòng chưa chắc chắn)', minimum: 'mức cần đạt' },
  barTitle: (a) =>
    `${a.subject}: tính được ${a.counted}, có thể tính ${a.possible} / ${a.required} tiết` + (a.minimum === null ? '' : ` (cần đạt ${a.minimum})`),
  lessonsHeading: (a) =>
    `Các bài của chương trình: ${a.covered}/${a.total} bài đã học chắc chắn` +
    (a.uncertain ? `, ${a.uncertain} bài chưa chắc chắn` : '') +
    ` (cần tối thiểu ${a.min} bài)`,
  lessonState: { covered: 'đã học', uncertain: 'chưa chắc chắn', missing: 'chưa học' },
  shortfallHeading: 'III. Phần còn thiếu',
  shortfallNone: 'Không thiếu so với mức tối thiểu.',
  shortfallProgram: (a) =>
    a.course ? `Thiếu ${a.periods} tiết và ${a.lessons} bài so với mức tối thiểu.` : `Thiếu tổng cộng ${a.periods} tiết ở các môn chưa đạt.`,
  rowsHeading: 'IV. Các dòng của bảng điểm',
  colRow: 'Dòng',
  colCourse: 'Học phần',
  colRule: 'Quy tắc',
  colPeriods: 'Số tiết',
  colGrade: 'Điểm',
  colReason: 'Lý do',
  colFeeds: (program) => `Tính vào: ${program}`,
  line: (n) => `dòng ${n}`,
  decisionsHeading: 'Quyết định của cán bộ đã áp dụng',
  colDecision: 'Quyết định',
  colBy: 'Người quyết định',
  colDate: 'Ngày',
  colMinutes: 'Biên bản',
  warningsHeading: 'Tệp trong hồ sơ',
  unverifiedCaveat:
    'Kết quả dựa trên dữ liệu tái dựng, chưa được đối chiếu với văn bản chính thức; chỉ dùng để tham khảo và cần đối chiếu trước khi xác nhận. Dữ liệu chưa đối chiếu:',
  unverifiedFor: (program, parts) => `${program}: ${parts}.`,
  unverifiedParts: (a) =>
    [
      a.program ? 'mô tả chương trình' : '',
      a.policy ? 'ngưỡng đạt' : '',
      a.subjects ? `số tiết của ${a.subjects} môn/phần` : '',
      a.lessons ? `danh mục ${a.lessons} bài` : '',
      a.rules.length ? `quy tắc ánh xạ ${a.rules.map((r) => `«${r}»`).join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; '),
  noticesHeading: 'V. Lưu ý',
  unverifiedUsesRules: (n) => `${n} quy tắc ánh xạ (dưới đây)`,
  unmatchedGroup: (n) => `Không khớp quy tắc nào (${n} dòng):`,
  unmatchedWhy: 'không phải học phần lý luận chính trị theo bộ quy tắc.',
  outsideCaveat: (asOf, ended) =>
    `Ngày tham chiếu ${asOf} nằm ngoài thời gian áp dụng của quy định: vào ngày đó việc xác định tương đương theo quy định này ${ended ? 'không còn' : 'chưa'} được áp dụng; kết quả chỉ dùng để tham khảo, rà soát. Thời gian áp dụng:`,
  period: (from, to) =>
    from && to ? `từ ${from} đến hết ${to}` : from ? `từ ${from}` : to ? `đến hết ${to}` : 'không giới hạn',
  signoffHeading: 'VI. Xác nhận',
  checker: 'NGƯỜI KIỂM TRA',
  approver: 'NGƯỜI DUYỆT',
  signHint: '(Ký, ghi rõ họ tên)',
  dateLine: 'Ngày …… tháng …… năm ………',
  footerTool: (v) => `Lập bằng llct ${v}`,
  page: 'Trang',
  of: '/',
  errorHeading: 'Không đánh giá được hồ sơ',
};

const en: HtmlMessages = {
  docTitle: 'POLITICAL THEORY MODULE COMPARISON SHEET',
  unit: 'Unit: ……………………………………',
  placeDate: '……………, date ……………………',
  dossier: 'Dossier',
  personId: 'ID',
  birthDate: 'Date of birth',
  personUnit: 'Workplace',
  effective: 'Effective period',
  effectiveIn: (p) => `${p} — the reference date is inside the effective period`,
  effectiveOut: (p) => `${p} — THE REFERENCE DATE IS OUTSIDE the effective period: for reference only`,
  toolVersion: 'Tool',
  conclusionHeading: 'I. Conclusion',
  colProgram: 'Program',
  basisCourse: (a) => `${a.counted}/${a.total} periods (minimum ${a.min}); ${a.lessons}/${a.totalLessons} lessons (minimum ${a.minLessons})`,
  basisPerSubject: (a) => `${a.passed}/${a.required} required subjects pass (subject by subject); ${a.counted}/${a.total} periods`,
  colComputed: 'Computed',
  colDecided: 'Decided',
  colBasis: 'Basis',
  notDecided: '(not decided)',
  programHeading: (no, name) => `II.${no}. ${name}`,
  colPossible: 'Possible',
  total: 'Whole program',
  legend: { required: 'program periods', counted: 'surely counted', possible: 'possible (uncertain rows included)', minimum: 'minimum' },
  barTitle: (a) =>
    `${a.subject}: counted ${a.counted}, possible ${a.possible} of ${a.required} periods` + (a.minimum === null ? '' : ` (minimum ${a.minimum})`),
  lessonsHeading: (a) =>
    `Lessons of the program: ${a.covered}/${a.total} surely covered` +
    (a.uncertain ? `, ${a.uncertain} uncertain` : '') +
    ` (minimum ${a.min})`,
  lessonState: { covered: 'covered', uncertain: 'uncertain', missing: 'not covered' },
  shortfallHeading: 'III. Shortfall',
  shortfallNone: 'Nothing missing against the minimums.',
  shortfallProgram: (a) =>
    a.course ? `Short by ${a.periods} periods and ${a.lessons} lessons against the minimums.` : `Short by ${a.periods} periods in the subjects that fail.`,
  rowsHeading: 'IV. Transcript rows',
  colRow: 'Row',
  colCourse: 'Course',
  colRule: 'Rule',
  colPeriods: 'Periods',
  colGrade: 'Grade',
  colReason: 'Reason',
  colFeeds: (program) => `Feeds: ${program}`,
  line: (n) => `line ${n}`,
  decisionsHeading: 'Officer decisions applied',
  colDecision: 'Decision',
  colBy: 'Decided by',
  colDate: 'Date',
  colMinutes: 'Minutes',
  warningsHeading: 'Files in the dossier',
  unverifiedCaveat:
    'The result rests on reconstructed data not checked against the official text; for reference only, verify before certifying. Unverified data:',
  unverifiedFor: (program, parts) => `${program}: ${parts}.`,
  unverifiedParts: (a) =>
    [
      a.program ? 'the program description' : '',
      a.policy ? 'the pass thresholds' : '',
      a.subjects ? `the periods of ${a.subjects} subjects/parts` : '',
      a.lessons ? `the list of ${a.lessons} lessons` : '',
      a.rules.length ? `the mapping rules ${a.rules.map((r) => `"${r}"`).join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; '),
  noticesHeading: 'V. Notices',
  unverifiedUsesRules: (n) => `${n} mapping rules (below)`,
  unmatchedGroup: (n) => `Matching no rule (${n} rows):`,
  unmatchedWhy: 'not political-theory modules under this rule set.',
  outsideCaveat: (asOf, ended) =>
    `The reference date ${asOf} is outside the period these rules apply: equivalence under them was ${ended ? 'no longer' : 'not yet'} in force on that date; the result is for reference and audits only. Effective periods:`,
  period: (from, to) => (from && to ? `from ${from} to ${to} inclusive` : from ? `from ${from}` : to ? `up to ${to} inclusive` : 'unbounded'),
  signoffHeading: 'VI. Sign-off',
  checker: 'CHECKED BY',
  approver: 'APPROVED BY',
  signHint: '(signature and full name)',
  dateLine: 'Date ……………………',
  footerTool: (v) => `Produced with llct ${v}`,
  page: 'Page',
  of: 'of',
  errorHeading: 'The dossier could not be evaluated',
};

export function htmlMessages(lang: Lang): HtmlMessages {
  return lang === 'vi' ? vi : en;
}
