// A streaming .xlsx writer: rows are rendered, compressed and handed to a spool as they come, so a sheet of any
// length never sits in memory whole; at the end the workbook's zip is written front to back. Where the spool keeps
// its bytes (memory, or a file in a batch's staging folder) is the caller's choice: no file system here.

import { Utf8Pieces } from '../text/utf8-pieces.js';
import { crc32, crc32Combine, deflatePiece, ZipWriter } from './zip.js';
import {
  contentTypesXml,
  ROOT_RELS_XML,
  rowXml,
  sheetHead,
  sheetLayout,
  sheetName,
  sheetTail,
  stylesXml,
  workbookRelsXml,
  workbookXml,
  type RenderedRow,
  type XlsxCell,
  type XlsxSheetSpec,
  type XlsxStyle,
} from './xlsx-xml.js';

/** Where a sheet's compressed rows wait for the end: appended in order, read back once in order. */
export interface Spool {
  append(bytes: Uint8Array): void;
  /** the bytes appended, in order (read after the last append) */
  read(): Iterable<Uint8Array>;
  /** forget the bytes (after the workbook is written, or when the run is abandoned) */
  dispose(): void;
}

/** A spool in memory, for small workbooks (a check's report, the statistics table). */
class MemorySpool implements Spool {
  private parts: Uint8Array[] = [];
  append(bytes: Uint8Array): void {
    this.parts.push(bytes);
  }
  read(): Iterable<Uint8Array> {
    return this.parts;
  }
  dispose(): void {
    this.parts = [];
  }
}

/**
 * Rows are UTF-8 encoded straight into a buffer and compressed from it in pieces of about PIECE bytes: large enough
 * that restarting deflate's window for each costs little, small enough that a piece is nothing to hold. The pieces
 * depend only on the rows, so the same rows give the same bytes.
 */
const PIECE = 256 * 1024;

/** One sheet being written: title and header at the start, data rows appended, head and tail made at the end. */
export class SheetWriter {
  /** the rows not yet compressed; a row too long for a piece (a huge cell) is a piece of its own */
  private readonly pending = new Utf8Pieces(PIECE, (bytes) => this.compress(bytes));
  private crc = 0;
  private size = 0;
  private compressedSize = 0;
  private rows = 0;
  private nextRow = 1;
  /** the widest cell of each column, over the header and data rows (not the title lines) */
  private readonly widest: number[];

  constructor(
    readonly spec: XlsxSheetSpec,
    private readonly style: XlsxStyle,
    private readonly spool: Spool,
  ) {
    this.widest = spec.header.map(() => 0);
    for (const t of spec.title ?? []) this.push(rowXml([t], style).xml);
    this.addRendered(rowXml(spec.header, style), false);
  }

  /** A data row of typed cells. */
  addRow(cells: readonly XlsxCell[]): void {
    this.addRendered(rowXml(cells, this.style));
  }

  /** A data row rendered elsewhere by `rowXml` (a worker thread, say) with the same style. */
  addRendered(row: RenderedRow, data = true): void {
    const w = this.widest;
    const n = Math.min(w.length, row.widths.length);
    for (let i = 0; i < n; i++) if (row.widths[i]! > w[i]!) w[i] = row.widths[i]!;
    if (data) this.rows++;
    this.push(row.xml);
  }

  private push(cells: string): void {
    this.pending.write(`<row r="${this.nextRow++}">${cells}</row>`);
  }

  private compress(bytes: Uint8Array): void {
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    const piece = deflatePiece(bytes, false);
    this.compressedSize += piece.length;
    this.spool.append(piece);
  }

  /** The sheet as a zip entry's parts: the head (widths known now), the spooled rows, the tail. */
  entry(): { crc: number; size: number; compressedSize: number; pieces: Iterable<Uint8Array>; filter: string | null } {
    this.pending.flush();
    const layout = sheetLayout(this.spec, this.rows);
    const head = Buffer.from(sheetHead(this.spec, layout, this.widest), 'utf8');
    const tail = Buffer.from(sheetTail(this.spec, layout), 'utf8');
    const headPiece = deflatePiece(head, false);
    const tailPiece = deflatePiece(tail, true);
    const spool = this.spool;
    const crc = crc32Combine(crc32Combine(crc32(head), this.crc, this.size), crc32(tail), tail.length);
    return {
      crc,
      size: head.length + this.size + tail.length,
      compressedSize: headPiece.length + this.compressedSize + tailPiece.length,
      pieces: (function* () {
        yield headPiece;
        yield* spool.read();
        yield tailPiece;
      })(),
      filter: this.spec.table !== false ? `A${layout.headerRow}:${layout.lastColumn}${layout.lastRow}` : null,
    };
  }

  dispose(): void {
    this.pending.clear();
    this.spool.dispose();
  }
}

/** Write the workbook of these sheets through `out`, front to back; the sheets' spools are disposed of after. */
export function writeWorkbook(sheets: readonly SheetWriter[], style: XlsxStyle, out: (bytes: Uint8Array) => void): void {
  try {
    const zip = new ZipWriter(out);
    const used = new Set<string>();
    const names = sheets.map((s) => sheetName(s.spec.name, used));
    zip.add('[Content_Types].xml', contentTypesXml(sheets.length));
    zip.add('_rels/.rels', ROOT_RELS_XML);
    const filters: (string | null)[] = [];
    sheets.forEach((s, i) => {
      const e = s.entry();
      zip.addPieces(`xl/worksheets/sheet${i + 1}.xml`, e.crc, e.size, e.pieces, e.compressedSize);
      filters.push(e.filter);
    });
    zip.add('xl/workbook.xml', workbookXml(names.map((name, i) => ({ name, filter: filters[i]! }))));
    zip.add('xl/_rels/workbook.xml.rels', workbookRelsXml(sheets.length));
    zip.add('xl/styles.xml', stylesXml(style));
    zip.end();
  } finally {
    for (const s of sheets) s.dispose();
  }
}

/** A sheet whose rows are all at hand, spooled in memory. */
export function memorySheet(sheet: XlsxSheetSpec & { rows: readonly (readonly XlsxCell[])[] }, style: XlsxStyle): SheetWriter {
  const w = new SheetWriter(sheet, style, new MemorySpool());
  for (const r of sheet.rows) w.addRow(r);
  return w;
}

/** A whole workbook of sheets held in memory, as bytes. */
export function workbookBytes(sheets: readonly (XlsxSheetSpec & { rows: readonly (readonly XlsxCell[])[] })[], style: XlsxStyle): Uint8Array {
  const parts: Uint8Array[] = [];
  writeWorkbook(
    sheets.map((s) => memorySheet(s, style)),
    style,
    (b) => parts.push(b),
  );
  return Buffer.concat(parts);
}
