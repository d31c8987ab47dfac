// Our .xlsx writer: every part well-formed XML, a sound zip (CRC, sizes), text XML cannot hold, huge cells, an empty
// sheet, the same bytes for the same rows whichever way they come, and read back by the spreadsheet library.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { buildWorkbook, type XlsxSheet } from '../../src/report/xlsx.js';
import { FileSpool, writeWorkbookFile } from '../../src/report/xlsx-file.js';
import { SheetWriter, workbookBytes } from '../../src/report/xlsx-writer.js';
import { rowXml, xlsxStyle, type XlsxCell } from '../../src/report/xlsx-xml.js';
import { crc32, crc32ByTable, crc32Combine } from '../../src/report/zip.js';

const tmp = mkdtempSync(join(tmpdir(), 'llct-xlsx-writer-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// ── a zip reader and an XML checker, strict enough to catch what a careless writer does ────────────────────

interface Entry {
  name: string;
  data: Buffer;
}

/** Every entry of a zip, checked: central directory against local headers, sizes, CRC-32 of the inflated bytes. */
function unzipChecked(zip: Buffer): Entry[] {
  const end = zip.length - 22;
  expect(zip.readUInt32LE(end)).toBe(0x06054b50);
  const count = zip.readUInt16LE(end + 10);
  const cdSize = zip.readUInt32LE(end + 12);
  let at = zip.readUInt32LE(end + 16);
  expect(at + cdSize).toBe(end);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const crc = zip.readUInt32LE(at + 16);
    const csize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nlen = zip.readUInt16LE(at + 28);
    const offset = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nlen).toString('utf8');
    at += 46 + nlen + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    // the local header says the same
    expect(zip.readUInt32LE(offset)).toBe(0x04034b50);
    expect(zip.readUInt16LE(offset + 6) & 8).toBe(0);
    expect([zip.readUInt32LE(offset + 14), zip.readUInt32LE(offset + 18), zip.readUInt32LE(offset + 22)]).toEqual([crc, csize, size]);
    const start = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
    const data = inflateRawSync(zip.subarray(start, start + csize));
    expect(data.length).toBe(size);
    expect(crc32(data)).toBe(crc);
    entries.push({ name, data });
  }
  return entries;
}

const XML_CHAR_BAD = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/u;

/** Throws unless `xml` is well-formed: one root, balanced tags, quoted attributes, known entities, XML 1.0 characters. */
function assertWellFormed(xml: string, part: string): void {
  const fail = (why: string, at: number) => {
    throw new Error(`${part}: ${why} at ${at}: ${JSON.stringify(xml.slice(Math.max(0, at - 40), at + 40))}`);
  };
  const bad = XML_CHAR_BAD.exec(xml);
  if (bad) fail('character not allowed in XML 1.0', bad.index);
  let i = 0;
  if (xml.startsWith('<?xml')) i = xml.indexOf('?>') + 2;
  const stack: string[] = [];
  let roots = 0;
  const NAME = /[A-Za-z_][\w.:-]*/y;
  const ATTR = /\s+([A-Za-z_][\w.:-]*)="([^"<]*)"/y;
  const entities = (text: string, at: number) => {
    for (const m of text.matchAll(/&([^;]*);?/gu)) {
      if (!/^(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+)$/u.test(m[1]!) || !m[0].endsWith(';')) fail('bad entity', at + m.index!);
    }
  };
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    if (text.includes('>')) fail('raw >', i);
    if (stack.length === 0 && text.trim() !== '') fail('text outside the root', i);
    entities(text, i);
    if (lt === -1) break;
    i = lt + 1;
    const closing = xml[i] === '/';
    if (closing) i++;
    NAME.lastIndex = i;
    const name = NAME.exec(xml)?.[0];
    if (!name) fail('bad tag name', i);
    i += name!.length;
    const seen = new Set<string>();
    if (!closing) {
      for (;;) {
        ATTR.lastIndex = i;
        const a = ATTR.exec(xml);
        if (!a) break;
        if (seen.has(a[1]!)) fail('attribute twice', i);
        seen.add(a[1]!);
        entities(a[2]!, i);
        i = ATTR.lastIndex;
      }
    }
    while (xml[i] === ' ') i++;
    if (!closing && xml.startsWith('/>', i)) {
      if (stack.length === 0) roots++;
      i += 2;
    } else if (xml[i] === '>') {
      i++;
      if (closing) {
        if (stack.pop() !== name) fail(`</${name}> closes nothing open`, i);
      } else {
        if (stack.length === 0) roots++;
        stack.push(name!);
      }
    } else fail('bad tag', i);
  }
  if (stack.length > 0) fail(`unclosed <${stack.at(-1)}>`, xml.length);
  if (roots !== 1) fail(`${roots} root elements`, 0);
}

/** The workbook checked whole: zip, every part's XML, and the spreadsheet library's strict read. */
function checked(bytes: Uint8Array): { entries: Entry[]; book: XLSX.WorkBook; styled: XLSX.WorkBook } {
  const entries = unzipChecked(Buffer.from(bytes));
  for (const e of entries) assertWellFormed(e.data.toString('utf8'), e.name);
  expect(entries.map((e) => e.name)).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/worksheets/sheet1.xml']));
  // WTF: the reader throws on what it would otherwise skip quietly
  const book = XLSX.read(bytes, { type: 'buffer', WTF: true });
  const styled = XLSX.read(bytes, { type: 'buffer', WTF: true, cellNF: true, cellStyles: true });
  return { entries, book, styled };
}

const rowsOf = (ws: XLSX.WorkSheet) => XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null });
const sheetPart = (entries: Entry[], n = 1) => entries.find((e) => e.name === `xl/worksheets/sheet${n}.xml`)!.data.toString('utf8');

const SHEET: XlsxSheet = {
  name: 'Tổng hợp',
  header: ['STT', 'Họ và tên', 'Ngày', 'Đạt', 'Ghi chú'],
  rows: [
    [1, 'Nguyễn Văn A', { date: '2019-03-15' }, true, null],
    [2, '=1+1', { date: 'không rõ' }, false, '  cách đầu'],
    [3.5, null, null, null, 'cuối'],
  ],
  lists: [{ column: 3, values: ['tính', 'loại', 'có "ngoặc"'] }],
};

describe('the XML check of these tests', () => {
  it('refuses what is not well-formed', () => {
    for (const bad of ['<a><b></a>', '<a>&foo;</a>', '<a>& b</a>', '<a x=1/>', '<a x="1" x="2"/>', '<a>\u0001</a>', '<a/><b/>', '<a>', 'x<a/>']) {
      expect(() => assertWellFormed(bad, 'bad')).toThrow();
    }
    assertWellFormed('<?xml version="1.0"?>\n<a x="&amp;&#13;"><b/>t&lt;&#x1F600;</a>', 'good');
  });
});

describe('CRC-32', () => {
  it('the table fallback and the combination of two CRCs agree with zlib on any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), (a, b) => {
        const ab = Buffer.concat([a, b]);
        expect(crc32ByTable(ab, 0)).toBe(crc32(ab));
        expect(crc32Combine(crc32(a), crc32(b), b.length)).toBe(crc32(ab));
      }),
    );
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});

describe('workbook parts', () => {
  it('a sheet of typed cells: well-formed parts, a sound zip, values, types, date format, widths, pane, filter, list', () => {
    const { entries, book, styled } = checked(workbookBytes([SHEET], xlsxStyle('vi')));
    expect(book.SheetNames).toEqual(['Tổng hợp']);
    expect(rowsOf(book.Sheets['Tổng hợp']!)).toEqual([
      ['STT', 'Họ và tên', 'Ngày', 'Đạt', 'Ghi chú'],
      [1, 'Nguyễn Văn A', 43539, 'Có', null],
      [2, '=1+1', 'không rõ', 'Không', '  cách đầu'],
      [3.5, null, null, null, 'cuối'],
    ]);
    const ws = styled.Sheets['Tổng hợp']!;
    expect(ws['C2']).toMatchObject({ t: 'n', v: 43539, z: 'dd/mm/yyyy', w: '15/03/2019' });
    expect(ws['B3']).toMatchObject({ t: 's', v: '=1+1' });
    expect(ws['B3'].f).toBeUndefined();
    expect(ws['!ref']).toBe('A1:E4');
    expect(ws['!autofilter']).toEqual({ ref: 'A1:E4' });
    expect(ws['!cols']!.map((c) => c.wch)).toEqual([6, 14, 12, 7, 12]);
    const xml = sheetPart(entries);
    expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(xml).toContain('<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="D2:D4"><formula1>"tính,loại,có ""ngoặc"""</formula1>');
    expect(entries.find((e) => e.name === 'xl/workbook.xml')!.data.toString()).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Tổng hợp'!$A$1:$E$4</definedName>`);
  });

  it('English: dates yyyy-mm-dd, Yes/No', () => {
    const { styled } = checked(workbookBytes([SHEET], xlsxStyle('en')));
    const ws = styled.Sheets['Tổng hợp']!;
    expect(ws['C2']).toMatchObject({ t: 'n', w: '2019-03-15' });
    expect([ws['D2'].v, ws['D3'].v]).toEqual(['Yes', 'No']);
  });

  it('title lines above the header; no table: no pane, no filter', () => {
    const { entries, book } = checked(workbookBytes([{ name: 'Thống kê', title: ['BÁO CÁO'], header: ['Nội dung', 'Số'], rows: [['    - mục', 3]], table: false }], xlsxStyle('vi')));
    const ws = book.Sheets['Thống kê']!;
    expect(rowsOf(ws)).toEqual([['BÁO CÁO', null], ['Nội dung', 'Số'], ['    - mục', 3]]);
    expect(ws['!autofilter']).toBeUndefined();
    expect(sheetPart(entries)).not.toContain('<pane');
  });

  it('characters XML cannot hold become U+FFFD; tabs, line breaks, CR and markup characters survive', () => {
    const nasty = 'a\u0000b\u0001c\u000bd\u001fe\ud800f\uffff g <b>&amp; "x" \'y\'\r\n\tz \u{1F600}';
    const { entries, book } = checked(workbookBytes([{ name: 'T', header: ['x'], rows: [[nasty]] }], xlsxStyle('vi')));
    // CR is written as a reference (a reader turns a raw CR into LF); this reader turns CR LF into LF all the same
    expect(sheetPart(entries)).toContain('&#13;\n\tz');
    expect(book.Sheets['T']!['A2'].v).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFD g <b>&amp; "x" \'y\'\n\tz \u{1F600}');
  });

  it('any text reads back as written, but for characters XML cannot hold', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 40 }).map((t) => t.replace(/\r/gu, '')), { minLength: 1, maxLength: 5 }), (texts) => {
        const { book } = checked(workbookBytes([{ name: 'T', header: texts.map((_, i) => `c${i}`), rows: [texts] }], xlsxStyle('vi')));
        const got = rowsOf(book.Sheets['T']!)[1] ?? [];
        texts.forEach((t, i) => expect(got[i] ?? '').toBe(t.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/gu, '\uFFFD')));
      }),
      { numRuns: 60 },
    );
  });

  it('a cell over 32,767 characters is cut with "…" (a surrogate pair is never split)', () => {
    const long = 'x'.repeat(32_765) + '\u{1F600}' + 'y'.repeat(100);
    const { styled } = checked(workbookBytes([{ name: 'T', header: ['x'], rows: [['a'.repeat(40_000)], [long]] }], xlsxStyle('vi')));
    const ws = styled.Sheets['T']!;
    expect(ws['A2'].v).toBe(`${'a'.repeat(32_766)}…`);
    expect(ws['A3'].v).toBe(`${'x'.repeat(32_765)}…`);
    expect(ws['!cols']![0]!.wch).toBe(60);
  });

  it('a row longer than the writer buffer (12 full cells) goes whole, between ordinary rows', () => {
    const wide = Array.from({ length: 12 }, (_, i) => `${i}`.repeat(40_000));
    const { book } = checked(workbookBytes([{ name: 'T', header: wide.map((_, i) => `c${i}`), rows: [['trước'], wide, ['sau']] }], xlsxStyle('vi')));
    const rows = rowsOf(book.Sheets['T']!);
    expect(rows.map((r) => r[0])).toEqual(['c0', 'trước', `${'0'.repeat(32_766)}…`, 'sau']);
    expect(rows[2]![11]).toBe(`${'11'.repeat(16_383)}…`);
  });

  it('a sheet with no rows: the header, a filter and a list over one empty row', () => {
    const { entries, book } = checked(workbookBytes([{ ...SHEET, rows: [] }], xlsxStyle('vi')));
    const ws = book.Sheets['Tổng hợp']!;
    expect(rowsOf(ws)).toEqual([['STT', 'Họ và tên', 'Ngày', 'Đạt', 'Ghi chú'], [null, null, null, null, null]]);
    expect(ws['!autofilter']).toEqual({ ref: 'A1:E2' });
    expect(sheetPart(entries)).toContain('sqref="D2:D2"');
  });

  it('several sheets, names made valid and distinct', async () => {
    const bytes = await buildWorkbook(
      [
        { name: 'a/b:c', header: ['x'], rows: [[1]] },
        { name: 'A B C', header: ['y'], rows: [] },
        { name: "it's", header: ['z'], rows: [['q']] },
      ],
      { lang: 'vi' },
    );
    const { book } = checked(bytes);
    expect(book.SheetNames).toEqual(['a b c', 'A B C 2', "it's"]);
    expect(book.Sheets["it's"]!['A2'].v).toBe('q');
  });
});

describe('the same rows give the same bytes', () => {
  const many: XlsxCell[][] = Array.from({ length: 6000 }, (_, i) => [i + 1, `Hồ sơ số ${i} — ${'chữ '.repeat(i % 13)}`, { date: '2020-02-29' }, i % 3 === 0, i % 7 === 0 ? null : i / 7]);
  const big: XlsxSheet = { name: 'Big', header: ['n', 'text', 'date', 'bool', 'x'], rows: many, lists: [{ column: 3, values: ['a', 'b'] }] };

  it('twice, in memory and through a spool file, typed or rendered beforehand: one result (rows in many compressed pieces)', () => {
    const style = xlsxStyle('vi');
    const a = workbookBytes([big], style);
    expect(Buffer.compare(a, workbookBytes([big], style))).toBe(0);
    const spoolPath = join(tmp, 'big.rows');
    const w = new SheetWriter(big, style, new FileSpool(spoolPath, 'big.xlsx'));
    for (const r of many) w.addRendered(rowXml(r, style));
    writeWorkbookFile(join(tmp, 'big.xlsx'), 'big.xlsx', [w], style);
    expect(Buffer.compare(a, readFileSync(join(tmp, 'big.xlsx')))).toBe(0);
    // the spool is gone once the workbook is written
    expect(readdirSync(tmp).filter((f) => f.endsWith('.rows'))).toEqual([]);
    const { book } = checked(a);
    const rows = rowsOf(book.Sheets['Big']!);
    expect(rows).toHaveLength(6001);
    expect(rows[6000]).toEqual([6000, `Hồ sơ số 5999 — ${'chữ '.repeat(5999 % 13)}`, 43890, 'Không', null]);
    expect(rows[5999]).toEqual([5999, `Hồ sơ số 5998 — ${'chữ '.repeat(5998 % 13)}`, 43890, 'Không', 5998 / 7]);
  });

  it('unzip -t finds no error (when unzip is installed)', () => {
    const file = join(tmp, 't.xlsx');
    writeFileSync(file, workbookBytes([big, SHEET], xlsxStyle('vi')));
    const r = spawnSync('unzip', ['-tq', file], { encoding: 'utf8' });
    if (r.error) return; // no unzip here
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('No errors detected');
  });
});
