// Edge: the one way this tool reads a file (regular files only, size-bounded) and the one way it writes one
// (regular files only, temp file + rename). Errors come out as SystemError, in the tool's own words.

import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InputError } from './errors.js';
import { NOT_REGULAR, SystemError } from './fs-errors.js';
import { Utf8Pieces } from './text/utf8-pieces.js';

/** Default size limit of one transcript file (--max-file-size, in MB). */
export const DEFAULT_MAX_FILE_MB = 20;
export const MB = 1024 * 1024;

/** A file bigger than the limit: a one-line error naming the limit and the option that changes it. */
export class TooLargeError extends InputError {
  constructor(file: string, readonly limitBytes: number) {
    super({ code: 'file-too-large', args: { limitBytes }, file });
  }
}

const notRegular = (): NodeJS.ErrnoException => Object.assign(new Error('not a regular file'), { code: NOT_REGULAR });

/**
 * Read a whole regular file, at most `maxBytes`. A FIFO, device or socket is refused without reading (opened
 * non-blocking, so a FIFO without a writer cannot hang us); a file over the limit is refused, never loaded.
 * Throws the raw cause (errno error or TooLargeError) so callers pick their own wording.
 */
export function readRegularFileSync(path: string, maxBytes: number, shownAs: string = path): Buffer {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (!st.isFile()) throw notRegular();
    if (st.size > maxBytes) throw new TooLargeError(shownAs, maxBytes);
    // the size may change while we read: read until the end, but never past the limit. The first buffer is the
    // size fstat gave plus one byte (a batch reads thousands of small files: a fixed 64 KB each made GC work);
    // a short read of a regular file is its end, so an unchanged file takes one read.
    const chunks: Buffer[] = [];
    let total = 0;
    let chunk = Buffer.allocUnsafe(Math.min(st.size, maxBytes) + 1);
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw new TooLargeError(shownAs, maxBytes);
      chunks.push(chunk.subarray(0, n));
      if (n < chunk.length) break;
      chunk = Buffer.allocUnsafe(Math.min(64 * 1024, maxBytes + 1 - total));
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** Everything a stream gives, at most `maxBytes` (standard input may be a pipe: that is fine, but bounded). */
export async function readStreamBounded(stream: NodeJS.ReadableStream, maxBytes: number, shownAs: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const c of stream) {
    const chunk = typeof c === 'string' ? Buffer.from(c) : (c as Buffer);
    total += chunk.length;
    if (total > maxBytes) throw new TooLargeError(shownAs, maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

// ── writing ───────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Temp files are `.llct-<pid>-<8 hex>.tmp` beside their target: short whatever the target's name is. The hex part
 * only keeps one process's temp files apart (they are opened exclusively): Math.random does, without the start-up
 * cost of node:crypto.
 */
function tempPath(target: string): string {
  const hex = Math.floor(Math.random() * 0x1_0000_0000).toString(16).padStart(8, '0');
  return join(dirname(target), `.llct-${process.pid}-${hex}.tmp`);
}

/** Whether a file name is one of our temp files (of any process, or of process `pid` only). */
export function isTempName(name: string, pid?: number): boolean {
  const m = /^\.llct-(\d+)-[0-9a-f]{8}\.tmp$/u.exec(name);
  return m !== null && (pid === undefined || Number(m[1]) === pid);
}

/**
 * Refuse a target that exists and is not a regular file: renaming over a device or FIFO would replace it, and a
 * folder cannot take a file. A link is followed: writing through a link to a regular file is fine.
 */
function assertRegularTarget(path: string, shownAs: string): void {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new SystemError(e, 'write', shownAs);
  }
  if (!isFile) {
    const dir = lstatSync(path).isDirectory() || statSync(path).isDirectory();
    throw new SystemError(dir ? 'EISDIR' : NOT_REGULAR, 'write', shownAs);
  }
}

/**
 * A file written under a temp name in the same folder and renamed into place when complete, so a reader never
 * sees half a file and a failure (disk full, read-only) leaves whatever was there before untouched. Synchronous:
 * the pieces are small, and a worker thread or the writer loop is the only caller.
 */
/** How many bytes an AtomicFile holds before it writes (see `pending`). */
const FLUSH_AT = 64 * 1024;

export class AtomicFile {
  private readonly temp: string;
  private fd: number | null = null;
  private done = false;
  /** `path` is where the file goes (a link's target when it is one); `shownAs` is the name used in errors. */
  constructor(
    readonly path: string,
    readonly shownAs: string = path,
  ) {
    assertRegularTarget(path, shownAs);
    this.temp = tempPath(path);
    try {
      this.fd = openSync(this.temp, 'wx', 0o644);
    } catch (e) {
      throw new SystemError(e, 'write', shownAs);
    }
  }

  /**
   * Bytes written and not yet on disk: a batch writes a short line per dossier into each of its streamed files, and
   * one system call per line cost the writing thread more than the lines themselves. Text is encoded here as it comes
   * rather than held as strings: a line is often a slice of a larger string (a dossier's packed lines), which it kept
   * alive until the flush, and the writing thread's young collections copied those strings again and again.
   * Flushed from FLUSH_AT, and before the file is committed, so a write error still stops the batch (at most FLUSH_AT
   * later).
   */
  private readonly pending = new Utf8Pieces(FLUSH_AT, (bytes) => this.writeAll(bytes));

  write(data: string | Uint8Array): void {
    this.pending.write(data);
  }

  private writeAll(bytes: Uint8Array): void {
    try {
      let off = 0;
      while (off < bytes.length) off += writeSync(this.fd!, bytes, off, bytes.length - off);
    } catch (e) {
      this.abort();
      throw new SystemError(e, 'write', this.shownAs);
    }
  }

  commit(): void {
    this.pending.flush();
    try {
      closeSync(this.fd!);
      this.fd = null;
      renameSync(this.temp, this.path);
      this.done = true;
    } catch (e) {
      this.abort();
      throw new SystemError(e, 'write', this.shownAs);
    }
  }

  /** Drop the temp file (after a failure or an interruption); the target is left as it was. */
  abort(): void {
    this.pending.clear();
    if (this.done) return;
    this.done = true;
    if (this.fd !== null) {
      try {
        closeSync(this.fd);
      } catch {
        // already closed
      }
      this.fd = null;
    }
    try {
      unlinkSync(this.temp);
    } catch {
      // never created, or already gone
    }
  }
}

/** Write a whole file atomically (see AtomicFile). */
export function writeFileAtomic(path: string, data: string | Uint8Array, shownAs: string = path): void {
  const f = new AtomicFile(path, shownAs);
  f.write(data);
  f.commit();
}
