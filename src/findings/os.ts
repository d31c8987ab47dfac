// The operating system's file errors in the tool's own words (both languages): what happened and what to do.

import type { Lang } from '../lang.js';
import type { Words as Table } from './types.js';

type Words = { en: string; vi: string };

/** Our own codes beside the system's: a device/FIFO/socket where a file was expected, a worker that died. */
export const NOT_REGULAR = 'not-regular';
export const WORKER_DIED = 'worker-died';

const REASONS: Record<string, { reason: Words; fix: Words }> = {
  ENOENT: { reason: { en: 'no such file or folder', vi: 'không có tệp hoặc thư mục này' }, fix: { en: 'check the path', vi: 'kiểm tra lại đường dẫn' } },
  EACCES: {
    reason: { en: 'permission denied', vi: 'không có quyền truy cập' },
    fix: { en: 'check its permissions or choose another place', vi: 'kiểm tra quyền truy cập hoặc chọn chỗ khác' },
  },
  EPERM: {
    reason: { en: 'operation not permitted', vi: 'không được phép thực hiện' },
    fix: { en: 'check its permissions or choose another place', vi: 'kiểm tra quyền truy cập hoặc chọn chỗ khác' },
  },
  EISDIR: { reason: { en: 'this is a folder, not a file', vi: 'đây là thư mục, không phải tệp' }, fix: { en: 'give a file', vi: 'hãy chỉ ra một tệp' } },
  ENOTDIR: {
    reason: { en: 'a part of the path is not a folder', vi: 'một phần của đường dẫn không phải là thư mục' },
    fix: { en: 'check the path', vi: 'kiểm tra lại đường dẫn' },
  },
  EROFS: {
    reason: { en: 'the disk is read-only', vi: 'ổ đĩa chỉ cho phép đọc' },
    fix: { en: 'choose a folder on a writable disk', vi: 'chọn thư mục trên ổ đĩa ghi được' },
  },
  ENOSPC: {
    reason: { en: 'the disk is full', vi: 'ổ đĩa đã đầy' },
    fix: { en: 'free some space or choose another disk, then run again', vi: 'giải phóng dung lượng hoặc chọn ổ đĩa khác rồi chạy lại' },
  },
  EDQUOT: {
    reason: { en: 'the disk quota is used up', vi: 'đã hết hạn mức dung lượng đĩa' },
    fix: { en: 'free some space or choose another disk, then run again', vi: 'giải phóng dung lượng hoặc chọn ổ đĩa khác rồi chạy lại' },
  },
  EFBIG: {
    reason: { en: 'the file is too large for this disk', vi: 'tệp quá lớn đối với ổ đĩa này' },
    fix: { en: 'choose another disk', vi: 'chọn ổ đĩa khác' },
  },
  ENAMETOOLONG: {
    reason: { en: 'the name or path is too long for the file system', vi: 'tên tệp hoặc đường dẫn quá dài đối với hệ thống tệp' },
    fix: { en: 'use a shorter name or a shallower folder', vi: 'đặt tên ngắn hơn hoặc dùng thư mục nông hơn' },
  },
  ELOOP: {
    reason: { en: 'too many symbolic links (a loop?)', vi: 'quá nhiều liên kết tượng trưng (liên kết vòng?)' },
    fix: { en: 'check the links in the path', vi: 'kiểm tra các liên kết trong đường dẫn' },
  },
  EMFILE: {
    reason: { en: 'too many open files', vi: 'mở quá nhiều tệp cùng lúc' },
    fix: { en: 'lower --jobs or close other programs', vi: 'giảm --jobs hoặc đóng bớt chương trình khác' },
  },
  EBUSY: {
    reason: { en: 'the file is in use by another program', vi: 'tệp đang được chương trình khác dùng' },
    fix: { en: 'close it (in Excel?) and run again', vi: 'đóng tệp (trong Excel?) rồi chạy lại' },
  },
  EIO: { reason: { en: 'the disk reported an input/output error', vi: 'ổ đĩa báo lỗi đọc/ghi' }, fix: { en: 'check the disk', vi: 'kiểm tra ổ đĩa' } },
  [NOT_REGULAR]: {
    reason: { en: 'not a regular file (a device, FIFO or socket)', vi: 'không phải tệp thông thường (thiết bị, FIFO hoặc socket)' },
    fix: { en: 'only ordinary files are read and written; copy the content into a file', vi: 'chỉ đọc và ghi tệp thông thường; hãy chép nội dung ra một tệp' },
  },
  [WORKER_DIED]: {
    reason: { en: 'the worker checking it stopped (out of memory?)', vi: 'luồng xử lý bị dừng (có thể do hết bộ nhớ)' },
    fix: { en: 'check this dossier alone with llct check', vi: 'hãy kiểm tra riêng hồ sơ này bằng llct check' },
  },
};
REASONS.ENFILE = REASONS.EMFILE!;
REASONS.ENXIO = REASONS[NOT_REGULAR]!;

/** An OS error as data: its code (`ENOSPC`, or one of ours) and the system's message for codes without words. */
export interface OsFailure {
  code?: string;
  message: string;
}

/** What went wrong and what to do, in one phrase; an unknown error keeps the system's message. */
export function osWords(os: OsFailure, lang: Lang): string {
  const known = os.code !== undefined ? REASONS[os.code] : undefined;
  return known ? `${known.reason[lang]}; ${known.fix[lang]}` : os.message;
}

export type FsAction = 'read' | 'write' | 'list' | 'create' | 'remove';

const ACTIONS: Record<FsAction, Words> = {
  read: { en: 'cannot read the file', vi: 'không đọc được tệp' },
  write: { en: 'cannot write the file', vi: 'không ghi được tệp' },
  list: { en: 'cannot read the folder', vi: 'không đọc được thư mục' },
  create: { en: 'cannot create the folder', vi: 'không tạo được thư mục' },
  remove: { en: 'cannot remove the file', vi: 'không xóa được tệp' },
};

export interface OsArgs {
  /** a file operation that failed */
  'os-error': { action: FsAction; os: OsFailure };
}

export const osWordsTable: Table<OsArgs> = {
  'os-error': {
    en: (a) => `${ACTIONS[a.action].en}: ${osWords(a.os, 'en')}`,
    vi: (a) => `${ACTIONS[a.action].vi}: ${osWords(a.os, 'vi')}`,
  },
};
