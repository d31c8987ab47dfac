// The batch's own user-facing words (vi default, en option): error reasons, summary lines, progress, totals.

import type { Lang } from '../report/messages.js';
import type { DossierErrorCode } from './types.js';

export interface BatchMessages {
  errorCode: Record<DossierErrorCode, string>;
  noTranscript(folder: string): string;
  reviewRows(rows: number[]): string;
  none: string;
  error: string;
  highest: string;
  courseFigures(a: { periods: string; minPeriods: string; lessons: number; total: number; minLessons: number }): string;
  subjectFigures(a: { passed: number; required: number; periods: string; total: string }): string;
  totals(a: { dossiers: number; evaluated: number; failed: number; passed: number }): string;
  progress(a: { done: number; total: number; rate: string; left: string }): string;
  wrote(a: { dossiers: number; dir: string }): string;
  statisticsTitle: string;
  unreadable(file: string, detail: string): string;
  internal(detail: string): string;
}

const vi: BatchMessages = {
  errorCode: {
    'no-transcript': 'không có bảng điểm',
    unreadable: 'không đọc được tệp',
    'metadata-invalid': 'thông tin hồ sơ không hợp lệ',
    'transcript-invalid': 'bảng điểm không đọc được',
    internal: 'lỗi chương trình',
  },
  noTranscript: (folder) =>
    `${folder}: thư mục hồ sơ không có tệp bảng điểm (.csv, .tsv, .txt, .json); thêm bảng điểm vào thư mục`,
  reviewRows: (rows) => `Cần xem xét dòng ${rows.join(', ')}.`,
  none: 'chưa đạt trình độ nào',
  error: 'LỖI',
  highest: 'Cao nhất',
  courseFigures: (a) => `${a.periods}/${a.minPeriods} tiết, ${a.lessons}/${a.total} bài (tối thiểu ${a.minLessons})`,
  subjectFigures: (a) => `${a.passed}/${a.required} môn đạt, ${a.periods}/${a.total} tiết`,
  totals: (a) =>
    `Tổng cộng ${a.dossiers} hồ sơ: ${a.evaluated} đã đánh giá (${a.passed} đạt ít nhất một trình độ), ${a.failed} không đánh giá được.`,
  progress: (a) => `Đã xử lý ${a.done}/${a.total} hồ sơ · ${a.rate} hồ sơ/giây · còn khoảng ${a.left}`,
  wrote: (a) => `Đã ghi kết quả ${a.dossiers} hồ sơ vào ${a.dir}`,
  statisticsTitle: 'KẾT QUẢ XÁC NHẬN TRÌNH ĐỘ LÝ LUẬN CHÍNH TRỊ',
  unreadable: (file, detail) => `${file}: không đọc được tệp (${detail})`,
  internal: (detail) => `lỗi không mong đợi khi xử lý hồ sơ (${detail}); hãy báo lỗi này`,
};

const en: BatchMessages = {
  errorCode: {
    'no-transcript': 'no transcript',
    unreadable: 'unreadable file',
    'metadata-invalid': 'invalid metadata',
    'transcript-invalid': 'unreadable transcript',
    internal: 'internal error',
  },
  noTranscript: (folder) =>
    `${folder}: the dossier folder holds no transcript file (.csv, .tsv, .txt, .json); add the transcript to the folder`,
  reviewRows: (rows) => `Review row${rows.length === 1 ? '' : 's'} ${rows.join(', ')}.`,
  none: 'no level passed',
  error: 'ERROR',
  highest: 'Highest',
  courseFigures: (a) => `${a.periods}/${a.minPeriods} periods, ${a.lessons}/${a.total} lessons (at least ${a.minLessons})`,
  subjectFigures: (a) => `${a.passed}/${a.required} subjects pass, ${a.periods}/${a.total} periods`,
  totals: (a) =>
    `${a.dossiers} dossiers in total: ${a.evaluated} evaluated (${a.passed} passed at least one level), ${a.failed} could not be evaluated.`,
  progress: (a) => `Processed ${a.done}/${a.total} dossiers · ${a.rate} dossiers/s · about ${a.left} left`,
  wrote: (a) => `Wrote the results of ${a.dossiers} dossiers to ${a.dir}`,
  statisticsTitle: 'POLITICAL THEORY LEVEL CONFIRMATIONS',
  unreadable: (file, detail) => `${file}: cannot read the file (${detail})`,
  internal: (detail) => `unexpected failure while processing the dossier (${detail}); please report it`,
};

const tables: Record<Lang, BatchMessages> = { vi, en };

export function batchMessages(lang: Lang): BatchMessages {
  return tables[lang];
}
