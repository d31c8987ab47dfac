// The batch's own user-facing words (vi default, en option): error reasons, summary lines, progress, totals.

import type { Lang } from '../lang.js';
import type { DossierErrorCode } from './types.js';

export { fileList } from '../findings/dossier.js';

const EXCEL = /\.(xlsx|xlsm|xlsb|xls|ods)$/iu;

/** The extension of a spreadsheet file that is not CSV (`.xlsx`), or null. */
export function spreadsheetExtension(name: string): string | null {
  const m = EXCEL.exec(name);
  return m ? `.${m[1]!.toLowerCase()}` : null;
}

export interface BatchMessages {
  errorCode: Record<DossierErrorCode, string>;
  warnings: string;
  notEvaluated(a: { failed: number; dossiers: number; out: boolean }): string;
  nestedSummary(a: { dossiers: number; list: string }): string;
  interrupted(dir: string | null): string;
  staleLock(a: { pid: number; dir: string }): string;
  reviewRows(rows: number[]): string;
  none: string;
  error: string;
  highest: string;
  /** before an officer's decision: `ĐẠT (máy tính: CẦN XEM XÉT)` */
  computed: string;
  courseFigures(a: { periods: string; minPeriods: string; lessons: number; total: number; minLessons: number }): string;
  subjectFigures(a: { passed: number; required: number; periods: string; total: string }): string;
  totals(a: { dossiers: number; evaluated: number; failed: number; passed: number }): string;
  progress(a: { done: number; total: number; rate: string; left: string | null }): string;
  wrote(a: { dossiers: number; dir: string }): string;
  statisticsTitle: string;
}

const vi: BatchMessages = {
  errorCode: {
    'no-transcript': 'không có bảng điểm',
    unreadable: 'không đọc được tệp',
    'metadata-invalid': 'thông tin hồ sơ không hợp lệ',
    'transcript-invalid': 'bảng điểm không đọc được',
    'unsupported-file': 'tệp không được hỗ trợ',
    'person-mismatch': 'hồ sơ của những người khác nhau',
    'decisions-invalid': 'quyết định của cán bộ không áp dụng được',
    'too-large': 'tệp vượt giới hạn',
    'worker-died': 'luồng xử lý bị dừng',
    internal: 'lỗi chương trình',
  },
  warnings: 'Cảnh báo',
  notEvaluated: (a) =>
    `${a.failed}/${a.dossiers} hồ sơ không đánh giá được; ${a.out ? 'xem cột error trong summary.csv' : 'xem các dòng LỖI ở trên'}`,
  nestedSummary: (a) =>
    `CHÚ Ý: ${a.dossiers} hồ sơ có tệp dạng bảng điểm trong thư mục con, không được đọc (cảnh báo nested-transcripts): ${a.list}`,
  interrupted: (dir) =>
    dir === null ? 'Đã dừng theo yêu cầu; bảng tổng hợp chưa đầy đủ' : `Đã dừng theo yêu cầu; ${dir} được giữ nguyên như trước khi chạy`,
  staleLock: (a) =>
    `Đã gỡ khóa cũ của ${a.dir} do tiến trình ${a.pid || '?'} để lại (lượt chạy đó đã dừng giữa chừng); các tệp tạm của nó đã được xóa`,
  reviewRows: (rows) => `Cần xem xét dòng ${rows.join(', ')}.`,
  none: 'chưa đạt trình độ nào',
  error: 'LỖI',
  highest: 'Cao nhất',
  computed: 'tính từ bảng điểm',
  courseFigures: (a) => `${a.periods}/${a.minPeriods} tiết, ${a.lessons}/${a.total} bài (tối thiểu ${a.minLessons})`,
  subjectFigures: (a) => `${a.passed}/${a.required} môn đạt, ${a.periods}/${a.total} tiết`,
  totals: (a) =>
    `Tổng cộng ${a.dossiers} hồ sơ: ${a.evaluated} đã đánh giá (${a.passed} đạt ít nhất một trình độ), ${a.failed} không đánh giá được.`,
  progress: (a) => `Đã xử lý ${a.done}/${a.total} hồ sơ · ${a.rate} hồ sơ/giây${a.left !== null ? ` · còn khoảng ${a.left}` : ''}`,
  wrote: (a) => `Đã ghi kết quả ${a.dossiers} hồ sơ vào ${a.dir}`,
  statisticsTitle: 'KẾT QUẢ XÁC NHẬN TRÌNH ĐỘ LÝ LUẬN CHÍNH TRỊ',
};

const en: BatchMessages = {
  errorCode: {
    'no-transcript': 'no transcript',
    unreadable: 'unreadable file',
    'metadata-invalid': 'invalid metadata',
    'transcript-invalid': 'unreadable transcript',
    'unsupported-file': 'unsupported file',
    'person-mismatch': 'different people in one dossier',
    'decisions-invalid': 'an officer decision cannot apply',
    'too-large': 'file over the limit',
    'worker-died': 'worker stopped',
    internal: 'internal error',
  },
  warnings: 'Warnings',
  notEvaluated: (a) =>
    `${a.failed} of ${a.dossiers} dossiers could not be evaluated; ${a.out ? 'see the error column of summary.csv' : 'see the ERROR lines above'}`,
  nestedSummary: (a) =>
    `NOTE: ${a.dossiers} dossier${a.dossiers === 1 ? ' has' : 's have'} transcript-like files in sub-folders that were not read (warning nested-transcripts): ${a.list}`,
  interrupted: (dir) =>
    dir === null ? 'Stopped on request; the summary is incomplete' : `Stopped on request; ${dir} is left as it was before the run`,
  staleLock: (a) =>
    `Removed a stale lock on ${a.dir} left by process ${a.pid || '?'} (that run stopped half-way); its temp files were removed`,
  reviewRows: (rows) => `Review row${rows.length === 1 ? '' : 's'} ${rows.join(', ')}.`,
  none: 'no level passed',
  error: 'ERROR',
  highest: 'Highest',
  computed: 'computed',
  courseFigures: (a) => `${a.periods}/${a.minPeriods} periods, ${a.lessons}/${a.total} lessons (at least ${a.minLessons})`,
  subjectFigures: (a) => `${a.passed}/${a.required} subjects pass, ${a.periods}/${a.total} periods`,
  totals: (a) =>
    `${a.dossiers} dossiers in total: ${a.evaluated} evaluated (${a.passed} passed at least one level), ${a.failed} could not be evaluated.`,
  progress: (a) => `Processed ${a.done}/${a.total} dossiers · ${a.rate} dossiers/s${a.left !== null ? ` · about ${a.left} left` : ''}`,
  wrote: (a) => `Wrote the results of ${a.dossiers} dossiers to ${a.dir}`,
  statisticsTitle: 'POLITICAL THEORY LEVEL CONFIRMATIONS',
};

const tables: Record<Lang, BatchMessages> = { vi, en };

export function batchMessages(lang: Lang): BatchMessages {
  return tables[lang];
}
