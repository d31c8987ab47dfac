// Text (and bytes) gathered into pieces of about `size` bytes, UTF-8 encoded into one reused buffer as it comes, for
// writers that append many short strings: an output file (file-io.ts's AtomicFile) and a workbook sheet
// (report/xlsx-writer.ts). Holding the bytes rather than the strings keeps no string alive until the piece is done.

export class Utf8Pieces {
  private buffer: Buffer | null = null;
  private used = 0;
  /** room for a piece and one more write of up to `size` UTF-16 units (each at most 3 bytes of UTF-8) */
  private readonly room: number;

  /**
   * `emit` gets each piece once it holds `size` bytes or more, and at `flush`; a piece is a view of the reused
   * buffer, valid until the next write, so `emit` uses it at once.
   */
  constructor(
    private readonly size: number,
    private readonly emit: (piece: Uint8Array) => void,
  ) {
    this.room = size + 3 * size;
  }

  write(data: string | Uint8Array): void {
    const most = typeof data === 'string' ? 3 * data.length : data.length;
    if (most > this.room - this.used) {
      this.flush();
      // too big for the buffer even when it is empty (a whole file, a huge cell): a piece of its own
      if (most > this.room) {
        this.emit(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
        return;
      }
    }
    const buffer = (this.buffer ??= Buffer.allocUnsafe(this.room));
    if (typeof data === 'string') this.used += buffer.write(data, this.used, 'utf8');
    else {
      buffer.set(data, this.used);
      this.used += data.length;
    }
    if (this.used >= this.size) this.flush();
  }

  /** Emit what is gathered, if anything. */
  flush(): void {
    if (this.used === 0) return;
    const piece = this.buffer!.subarray(0, this.used);
    this.used = 0;
    this.emit(piece);
  }

  /** Drop what is gathered and the buffer. */
  clear(): void {
    this.buffer = null;
    this.used = 0;
  }
}
