// The operating system's file errors in words an officer can act on (both languages), instead of ENOENT & co.

const REASONS: Record<string, { en: string; vi: string }> = {
  ENOENT: { en: 'no such file or folder', vi: 'không có tệp hoặc thư mục này' },
  EACCES: { en: 'permission denied', vi: 'không có quyền truy cập' },
  EPERM: { en: 'operation not permitted', vi: 'không được phép thực hiện' },
  EISDIR: { en: 'this is a folder, not a file', vi: 'đây là thư mục, không phải tệp' },
  ENOTDIR: { en: 'a part of the path is not a folder', vi: 'một phần của đường dẫn không phải là thư mục' },
  EROFS: { en: 'the disk is read-only', vi: 'ổ đĩa chỉ cho phép đọc' },
  ENOSPC: { en: 'the disk is full', vi: 'ổ đĩa đã đầy' },
  EMFILE: { en: 'too many open files', vi: 'mở quá nhiều tệp cùng lúc' },
  EBUSY: { en: 'the file is in use by another program (close it in Excel?)', vi: 'tệp đang được chương trình khác dùng (đóng tệp trong Excel?)' },
};

/** Words for a failed file operation; unknown errors keep the system's own message. */
export function fsReason(e: unknown): { en: string; vi: string } {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const known = code ? REASONS[code] : undefined;
  if (known) return known;
  const message = e instanceof Error ? e.message : String(e);
  return { en: message, vi: message };
}
