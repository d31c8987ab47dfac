// check with spreadsheets: an .xlsx transcript in, an .xlsx report out, and the format taken from -o's name.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { runIn, spawnBin } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'llct-check-xlsx-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const rowsOf = (ws: XLSX.WorkSheet) => XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null });

describe('check on an .xlsx transcript', () => {
  it('gives the same verdicts and figures as the CSV it was made from', async () => {
    const args = ['--as-of', '2020-01-01', '--format', 'csv'];
    const fromCsv = await runIn(['check', 'fixtures/transcripts/era-2019.csv', ...args]);
    const fromXlsx = await runIn(['check', 'fixtures/transcripts/era-2019.xlsx', ...args]);
    expect(fromXlsx.stdout).toBe(fromCsv.stdout);
    expect(fromXlsx.code).toBe(fromCsv.code);
  });

  it('names rows by sheet and row in the text report (built bin: the library is loaded lazily)', () => {
    const r = spawnBin(['check', 'fixtures/transcripts/era-2019.xlsx', '--as-of', '2020-01-01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Người học:       Lê Thị Ánh');
    expect(r.stdout).toMatch(/era-2019\.xlsx, trang Bảng điểm, dòng 6/u);
  });
});

describe('check --format xlsx / -o *.xlsx', () => {
  it('writes conclusion, shortfall, rows with provenance and notices, in Vietnamese', async () => {
    const file = join(tmp, 'ket-qua.xlsx');
    const r = await runIn(['check', 'fixtures/transcripts/era-2019.xlsx', '--as-of', '2020-01-01', '-o', file]);
    expect(r.code).toBe(0);
    const wb = XLSX.read(readFileSync(file), { type: 'buffer' });
    expect(wb.SheetNames).toEqual(['Kết luận', 'Môn còn thiếu', 'Các dòng', 'Lưu ý']);
    const conclusion = rowsOf(wb.Sheets['Kết luận']!);
    expect(conclusion[0]![0]).toBe('KẾT QUẢ XÁC ĐỊNH TRÌNH ĐỘ LÝ LUẬN CHÍNH TRỊ TƯƠNG ĐƯƠNG');
    const head = conclusion.findIndex((row) => row[0] === 'Chương trình');
    expect(conclusion[head + 1]!.slice(0, 4)).toEqual(['Sơ cấp lý luận chính trị', 'ĐẠT', 165, 144]);
    const shortfall = rowsOf(wb.Sheets['Môn còn thiếu']!);
    expect(shortfall[0]![1]).toBe('Môn');
    expect(shortfall.length).toBeGreaterThan(1);
    const rows = rowsOf(wb.Sheets['Các dòng']!);
    expect(rows[0]!.slice(0, 6)).toEqual(['Dòng số', 'Tệp', 'Trang tính', 'Dòng trong tệp', 'Mã học phần', 'Tên học phần']);
    expect(rows[1]!.slice(1, 4)).toEqual(['fixtures/transcripts/era-2019.xlsx', 'Bảng điểm', 6]);
    expect(rowsOf(wb.Sheets['Lưu ý']!)[0]).toEqual(['Mã', 'Nội dung']);
  });

  it('refuses a workbook on a terminal', async () => {
    const r = await runIn(['check', 'fixtures/transcripts/era-2019.csv', '--format', 'xlsx'], { stdoutIsTTY: true });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('-o TỆP.xlsx');
  });
});

describe('the output format from the file name', () => {
  const out = (name: string) => join(tmp, name);
  it.each([
    ['kq.json', '{'],
    ['kq.csv', 'program_id,'],
    ['kq.txt', 'KẾT QUẢ'],
    ['kq.html', '<!DOCTYPE html>'],
  ])('-o %s picks its format', async (name, start) => {
    const r = await runIn(['check', 'fixtures/transcripts/era-2019.csv', '--as-of', '2020-01-01', '-o', out(name)]);
    expect(r.code).toBe(0);
    expect(readFileSync(out(name), 'utf8').trimStart().startsWith(start)).toBe(true);
  });

  it('an explicit --format that disagrees with the extension is an error', async () => {
    const r = await runIn(['check', 'fixtures/transcripts/era-2019.csv', '--format', 'json', '-o', out('kq.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format json không khớp với tên tệp -o');
  });

  it('an unknown extension without --format is an error naming the choices', async () => {
    const r = await runIn(['check', 'fixtures/transcripts/era-2019.csv', '-o', out('kq.docx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.txt, .json, .csv, .html, .htm, .xlsx');
  });

  it('--excel with a workbook name is an error; --excel alone still means CSV', async () => {
    expect((await runIn(['check', 'fixtures/transcripts/era-2019.csv', '--excel', '-o', out('kq.xlsx')])).code).toBe(2);
    const r = await runIn(['check', 'fixtures/transcripts/era-2019.csv', '--excel', '--as-of', '2020-01-01']);
    expect(r.stdout.startsWith('\uFEFFChương trình;')).toBe(true);
  });
});
