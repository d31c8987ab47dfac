// summary.xlsx and statistics.xlsx of a batch, read back with the spreadsheet library: types, headers, counts.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIn } from '../cli/helpers.js';

const SAMPLE = 'fixtures/dossiers/sample';
const DOSSIERS = 16;
const tmp = mkdtempSync(join(tmpdir(), 'llct-xlsx-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const book = (file: string) => XLSX.read(readFileSync(file), { type: 'buffer', cellNF: true, cellDates: false });
/** The raw worksheet XML, for what the reader does not surface (frozen panes). */
function sheetXml(file: string, n = 1): string {
  const zip = XLSX.CFB.read(readFileSync(file), { type: 'buffer' });
  return Buffer.from(XLSX.CFB.find(zip, `/xl/worksheets/sheet${n}.xml`)!.content as Uint8Array).toString('utf8');
}

describe('batch --out workbooks (--lang vi)', () => {
  const out = join(tmp, 'vi');
  beforeAll(async () => {
    await runIn(['batch', SAMPLE, '--out', out, '--jobs', '1']);
  });

  it('summary.xlsx: Vietnamese headers, one row per dossier, typed numbers and dates, frozen header, autofilter', () => {
    const wb = book(join(out, 'summary.xlsx'));
    expect(wb.SheetNames).toEqual(['Tổng hợp']);
    const ws = wb.Sheets['Tổng hợp']!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null });
    const header = rows[0] as string[];
    expect(header.slice(0, 7)).toEqual(['STT', 'Hồ sơ', 'Mã cán bộ', 'Họ và tên', 'Tệp bảng điểm', 'Ngày tham chiếu', 'Trình độ cao nhất đạt']);
    expect(header).toContain('Sơ cấp lý luận chính trị: kết quả');
    expect(rows.length - 1).toBe(DOSSIERS);
    // row 2 is the first dossier: STT a number, the date an Excel date shown dd/mm/yyyy, the verdict in words
    expect(ws['A2']).toMatchObject({ t: 'n', v: 1 });
    expect(ws['B2']).toMatchObject({ t: 's', v: '01-pre2008-lanh-dao' });
    expect(ws['F2']).toMatchObject({ t: 'n', z: 'dd/mm/yyyy', w: '15/03/2019' });
    const verdict = header.indexOf('Sơ cấp lý luận chính trị: kết quả');
    const periods = header.indexOf('Sơ cấp lý luận chính trị: số tiết tính được');
    expect(rows[1]![verdict]).toBe('ĐẠT');
    expect(ws[XLSX.utils.encode_cell({ r: 1, c: periods })]).toMatchObject({ t: 'n', v: 330 });
    expect(ws['!autofilter']).toEqual({ ref: ws['!ref'] });
    expect(sheetXml(join(out, 'summary.xlsx'))).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheetXml(join(out, 'summary.xlsx'))).toMatch(/<col min="2" max="2" width="\d+/u);
  });

  it('statistics.xlsx: the appendix table with its title, official column titles and counts as numbers', () => {
    const wb = book(join(out, 'statistics.xlsx'));
    const ws = wb.Sheets[wb.SheetNames[0]!]!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null });
    expect(rows[0]![0]).toBe('KẾT QUẢ XÁC NHẬN TRÌNH ĐỘ LÝ LUẬN CHÍNH TRỊ');
    expect(rows[1]!.slice(0, 3)).toEqual(['Nội dung', 'Số hồ sơ', 'Tổng số người được xác nhận']);
    expect(rows[2]).toEqual(['1. Đối tượng tại thời điểm xác nhận', 16, 9, 9, 0, 0, 2, 0, 3]);
    expect(rows[3]![0]).toBe('    - Cán bộ lãnh đạo, quản lý từ cấp trưởng phòng trở lên');
    expect(ws['B3']).toMatchObject({ t: 'n', v: DOSSIERS });
  });
});

describe('batch --out workbooks (--lang en)', () => {
  it('English headers and words', async () => {
    const out = join(tmp, 'en');
    await runIn(['batch', SAMPLE, '--out', out, '--jobs', '1', '--lang', 'en']);
    const ws = book(join(out, 'summary.xlsx')).Sheets['Summary']!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null });
    expect((rows[0] as string[]).slice(0, 2)).toEqual(['No.', 'Dossier']);
    expect(ws['F2']).toMatchObject({ t: 'n', w: '2019-03-15' });
    expect(rows.length - 1).toBe(DOSSIERS);
  });
});

describe('summary.xlsx against summary.csv', () => {
  it('with --excel both hold the same table: every figure, word and date (as shown) of every dossier', async () => {
    const out = join(tmp, 'excel');
    await runIn(['batch', SAMPLE, '--out', out, '--jobs', '2', '--excel']);
    const csv = parse(readFileSync(join(out, 'summary.csv'), 'utf8').replace(/^\uFEFF/u, ''), { delimiter: ';' }) as string[][];
    const ws = book(join(out, 'summary.xlsx')).Sheets['Tổng hợp']!;
    // as shown: numbers with the Vietnamese decimal comma of the CSV, dates in the sheet's dd/mm/yyyy
    const shown = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: false, defval: '' }) as string[][];
    const typed = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null });
    expect(shown).toHaveLength(DOSSIERS + 1);
    expect(shown.length).toBe(csv.length);
    shown.forEach((row, r) =>
      row.forEach((cell, c) => {
        const v = typed[r]![c];
        expect(typeof v === 'number' && !ws[XLSX.utils.encode_cell({ r, c })]?.z ? String(v).replace('.', ',') : cell).toBe(csv[r]![c] ?? '');
      }),
    );
  });
});
