// Edge: workbooks on disk — a sheet's spool as a file (in a batch's private staging folder), so the rows of 40,000
// dossiers wait on disk, compressed, instead of in memory; and the workbook written through a temp file + rename.

import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { AtomicFile } from '../file-io.js';
import { SystemError } from '../fs-errors.js';
import { writeWorkbook, type SheetWriter, type Spool } from './xlsx-writer.js';
import type { XlsxStyle } from './xlsx-xml.js';

/** How much of the spool is read at a time when the workbook is written. */
const READ_PIECE = 1024 * 1024;

/**
 * A spool file, appended by opening, writing and closing: no descriptor stays open when a batch is abandoned
 * (its staging folder is then removed whole).
 */
export class FileSpool implements Spool {
  private size = 0;

  /** `path` is the spool file (it must not exist yet); errors name `shownAs`, the workbook it is for. */
  constructor(
    private readonly path: string,
    private readonly shownAs: string,
  ) {}

  append(bytes: Uint8Array): void {
    try {
      const fd = openSync(this.path, this.size === 0 ? 'wx' : 'a', 0o600);
      try {
        let off = 0;
        while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
      } finally {
        closeSync(fd);
      }
    } catch (e) {
      throw new SystemError(e, 'write', this.shownAs);
    }
    this.size += bytes.length;
  }

  *read(): Iterable<Uint8Array> {
    if (this.size === 0) return;
    let fd: number;
    try {
      fd = openSync(this.path, 'r');
    } catch (e) {
      throw new SystemError(e, 'write', this.shownAs);
    }
    try {
      let at = 0;
      while (at < this.size) {
        const buf = Buffer.allocUnsafe(Math.min(READ_PIECE, this.size - at));
        let n: number;
        try {
          n = readSync(fd, buf, 0, buf.length, at);
        } catch (e) {
          throw new SystemError(e, 'write', this.shownAs);
        }
        if (n === 0) throw new SystemError('EIO', 'write', this.shownAs);
        at += n;
        yield n === buf.length ? buf : buf.subarray(0, n);
      }
    } finally {
      closeSync(fd);
    }
  }

  dispose(): void {
    rmSync(this.path, { force: true });
    this.size = 0;
  }
}

/** Write a workbook to `path` atomically; on failure nothing is left but what was there before. */
export function writeWorkbookFile(path: string, shownAs: string, sheets: readonly SheetWriter[], style: XlsxStyle): void {
  const f = new AtomicFile(path, shownAs);
  try {
    writeWorkbook(sheets, style, (b) => f.write(b));
  } catch (e) {
    f.abort();
    throw e;
  }
  f.commit();
}
