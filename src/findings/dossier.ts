// A dossier's warnings in a batch: a notice of its check, no metadata, or files of the dossier that were not read.
// Each is a finding; the summary files write it as `code` or `code: a, b` (warningText), reports word it by code.

import type { NoticeCode } from '../coverage/types.js';
import type { Lang } from '../lang.js';
import { osWords, WORKER_DIED, type OsFailure } from './os.js';
import type { FindingsOf, Words } from './types.js';

/** At most this many file names in one message or warning; the rest are counted. */
const MAX_NAMED_FILES = 10;

/** File names for a message or warning: `a, b, c`, or the first few and `… (+N)`. */
export function fileList(names: readonly string[]): string {
  const shown = names.slice(0, MAX_NAMED_FILES).join(', ');
  return names.length > MAX_NAMED_FILES ? `${shown}, … (+${names.length - MAX_NAMED_FILES})` : shown;
}

/** Warnings that name files of the dossier that were not read (paths relative to the dossier folder). */
export interface FileWarningArgs {
  /** transcript-looking files in nested folders */
  'nested-transcripts': { files: string[] };
  /** `.txt` files without a course-name column */
  'ignored-txt': { files: string[] };
  /** files that are not transcripts (scans, documents) */
  'ignored-files': { files: string[] };
}

export type FileWarning = FindingsOf<FileWarningArgs>;

/** Every warning of a dossier's summary row. */
export type DossierWarning = FileWarning | { code: 'no-metadata' | NoticeCode; args: Record<string, never> };

/** A warning as the summary files write it: its code, and the files it names (`ignored-files: scan.pdf, don.docx`). */
export function warningText(w: DossierWarning): string {
  return 'files' in w.args ? `${w.code}: ${fileList(w.args.files)}` : w.code;
}

/** The file warnings as report lines, in words (the code after them, for search). */
const fileWarningWords: Words<FileWarningArgs> = {
  'nested-transcripts': {
    vi: (a) =>
      `CHÚ Ý: có tệp dạng bảng điểm trong thư mục con, KHÔNG được đọc: ${fileList(a.files)}; nếu là bảng điểm của người này (ví dụ văn bằng 2), hãy chuyển lên thư mục hồ sơ rồi chạy lại`,
    en: (a) =>
      `NOTE: transcript-like files in sub-folders were NOT read: ${fileList(a.files)}; if they are this person's transcripts (e.g. a second degree), move them up into the dossier folder and run again`,
  },
  'ignored-txt': {
    vi: (a) => `Tệp .txt không phải bảng điểm (không có cột tên học phần), bỏ qua: ${fileList(a.files)}`,
    en: (a) => `.txt files that are not transcripts (no course-name column), ignored: ${fileList(a.files)}`,
  },
  'ignored-files': {
    vi: (a) => `Tệp không đọc (bỏ qua): ${fileList(a.files)}`,
    en: (a) => `Files not read (ignored): ${fileList(a.files)}`,
  },
};

/** A file warning as one report line: its words, then its code. */
export function fileWarningLine(w: FileWarning, lang: Lang): string {
  return `${(fileWarningWords[w.code][lang] as (a: FileWarning['args']) => string)(w.args)} [${w.code}]`;
}

/** Why a dossier could not be evaluated (beside the known errors of its files, which keep their own codes). */
export interface DossierErrorArgs {
  /** a dossier folder without a transcript: what it holds instead (dossier-relative) */
  'no-transcript': { folder: string; others: string[]; nested: string[] };
  /** a file directly in the batch folder that is not a transcript */
  'unsupported-file': { name: string };
  'dossier-unreadable': { file: string; os: OsFailure };
  'metadata-not-utf8': { file: string };
  /** a bug: the dossier's check threw */
  internal: { detail: string };
  /** the worker thread checking it stopped (out of memory?) */
  'worker-died': { dossier: string };
}

export const dossierErrorWords: Words<DossierErrorArgs> = {
  'no-transcript': {
    vi: (a) =>
      [
        `${a.folder}: thư mục hồ sơ không có tệp bảng điểm (.csv, .tsv, .txt, .json, .xlsx, .xls, .ods)`,
        ...(a.others.length > 0 ? [`chỉ có: ${fileList(a.others)}`] : []),
        ...(a.nested.length > 0
          ? [`có tệp dạng bảng điểm trong thư mục con, không được đọc: ${fileList(a.nested)}; nếu là bảng điểm của người này, hãy chuyển lên thư mục hồ sơ`]
          : ['thêm bảng điểm vào thư mục']),
      ].join('; '),
    en: (a) =>
      [
        `${a.folder}: the dossier folder holds no transcript file (.csv, .tsv, .txt, .json, .xlsx, .xls, .ods)`,
        ...(a.others.length > 0 ? [`only: ${fileList(a.others)}`] : []),
        ...(a.nested.length > 0
          ? [`transcript-like files in sub-folders were not read: ${fileList(a.nested)}; if they are this person's transcripts, move them up into the dossier folder`]
          : ['add the transcript to the folder']),
      ].join('; '),
  },
  'unsupported-file': {
    vi: (a) =>
      a.name.toLowerCase() === 'metadata.json'
        ? `${a.name}: tệp thông tin hồ sơ phải nằm trong thư mục của một hồ sơ, cùng với bảng điểm`
        : `${a.name}: không phải tệp bảng điểm (.csv, .tsv, .txt, .json, .xlsx, .xls, .ods); nếu là giấy tờ của một hồ sơ, hãy chuyển vào thư mục của hồ sơ đó`,
    en: (a) =>
      a.name.toLowerCase() === 'metadata.json'
        ? `${a.name}: a metadata file belongs inside a dossier folder, beside the transcript`
        : `${a.name}: not a transcript file (.csv, .tsv, .txt, .json, .xlsx, .xls, .ods); if it belongs to a dossier, move it into that dossier's folder`,
  },
  'dossier-unreadable': {
    vi: (a) => `${a.file}: không đọc được: ${osWords(a.os, 'vi')}`,
    en: (a) => `${a.file}: cannot read it: ${osWords(a.os, 'en')}`,
  },
  'metadata-not-utf8': {
    vi: (a) => `${a.file}: tệp thông tin hồ sơ không phải UTF-8; lưu lại dưới dạng UTF-8`,
    en: (a) => `${a.file}: the metadata file is not UTF-8; save it as UTF-8`,
  },
  internal: {
    vi: (a) => `lỗi không mong đợi khi xử lý hồ sơ (${a.detail}); hãy báo lỗi này`,
    en: (a) => `unexpected failure while processing the dossier (${a.detail}); please report it`,
  },
  'worker-died': {
    vi: (a) => `${a.dossier}: ${osWords({ code: WORKER_DIED, message: WORKER_DIED }, 'vi')}`,
    en: (a) => `${a.dossier}: ${osWords({ code: WORKER_DIED, message: WORKER_DIED }, 'en')}`,
  },
};
