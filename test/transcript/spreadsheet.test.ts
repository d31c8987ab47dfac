// Workbooks built with the spreadsheet library read like the equivalent CSV: same rows, same verdicts.

import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { checkTranscript } from '../../src/coverage/check.js';
import { InputError } from '../../src/errors.js';
import { buildJsonReport } from '../../src/report/json.js';
import { loadRuleSet } from '../../src/rules/load.js';
import { parseTranscript } from '../../src/transcript/parse.js';
import { loadSpreadsheetLibrary } from '../../src/transcript/spreadsheet.js';
import type { Transcript } from '../../src/transcript/types.js';

await loadSpreadsheetLibrary();
const rs = await loadRuleSet();

/** The courses of the workbook and of the CSV: name, code, credits, 10-point grade, letter grade. */
const COURSES: [string, string, number, number | string, string][] = [
  ['MLN101', 'Những nguyên lý cơ bản của chủ nghĩa Mác-Lênin', 5, 7.5, 'B'],
  ['HCM101', 'Tư tưởng Hồ Chí Minh', 2, 8, 'B+'],
  ['VCP101', 'Đường lối cách mạng của Đảng Cộng sản Việt Nam', 3, 6.5, 'C+'],
  ['MAT101', 'Giải tích 1', 3, 8.5, 'A'],
  ['LAW101', 'Pháp luật đại cương', 2, 'Đạt', ''],
  ['PHY101', 'Vật lý đại cương', 3, 5.5, 'C'],
  ['GDQP', 'Giáo dục quốc phòng – an ninh', 8, 'Miễn', ''],
];

const CSV = [
  'BẢNG ĐIỂM HỌC TẬP',
  'Họ và tên: Nguyễn Thị Ánh,,Ngày sinh: 02/01/1990',
  '',
  'STT,Mã HP,Tên học phần,Số tín chỉ,Số tiết,Điểm hệ 10,Điểm chữ',
  ...COURSES.map(([code, name, credits, grade, letter], i) => `${i + 1},${code},"${name}",${credits},${credits * 15},${grade},${letter}`),
  '',
].join('\n');

/**
 * The same transcript as an Excel office makes it: a title merged over the width, a person line, a two-row header
 * ("Điểm" merged over "Hệ 10 | Chữ", the other headers merged down), numbers as numbers, "Số tiết" as formulas.
 */
function workbook(opts: { sheetBefore?: boolean } = {}): Uint8Array {
  const header1 = ['STT', 'Mã HP', 'Tên học phần', 'Số tín chỉ', 'Số tiết', 'Điểm', null];
  const header2 = [null, null, null, null, null, 'Hệ 10', 'Chữ'];
  const aoa: unknown[][] = [
    ['BẢNG ĐIỂM HỌC TẬP'],
    ['Họ và tên: Nguyễn Thị Ánh', null, 'Ngày sinh: 02/01/1990'],
    [],
    header1,
    header2,
    ...COURSES.map(([code, name, credits, grade, letter], i) => [i + 1, code, name, credits, null, grade, letter || null]),
  ];
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  // "Số tiết" = credits × 15, as a formula whose value Excel saved (the reader never recalculates)
  COURSES.forEach(([, , credits], i) => {
    ws[XLSX.utils.encode_cell({ r: 5 + i, c: 4 })] = { t: 'n', v: credits * 15, f: `D${6 + i}*15` };
  });
  const merge = (s: string, e: string) => ({ s: XLSX.utils.decode_cell(s), e: XLSX.utils.decode_cell(e) });
  ws['!merges'] = [merge('A1', 'G1'), merge('A2', 'B2'), merge('A4', 'A5'), merge('B4', 'B5'), merge('C4', 'C5'), merge('D4', 'D5'), merge('E4', 'E5'), merge('F4', 'G4')];
  const wb = XLSX.utils.book_new();
  if (opts.sheetBefore) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Ghi chú'], ['Bảng điểm ở trang sau']]), 'Ghi chú');
  XLSX.utils.book_append_sheet(wb, ws, 'Bảng điểm');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array;
}

/** A transcript without where its rows came from: what must be equal between the two files. */
const content = (t: Transcript) => ({ person: t.person, rows: t.rows.map(({ source: _source, ...r }) => r) });

describe('xlsx transcripts', () => {
  it('read like the equivalent CSV: same rows (numbers as numbers, formulas by value), same person', () => {
    const fromCsv = parseTranscript(new TextEncoder().encode(CSV), 'bang-diem.csv');
    const fromXlsx = parseTranscript(workbook(), 'bang-diem.xlsx');
    expect(content(fromXlsx)).toEqual(content(fromCsv));
    expect(fromXlsx.rows).toHaveLength(COURSES.length);
    expect(fromXlsx.rows[0]).toMatchObject({ credits: 5, periods: 75, periodsOrigin: 'given', grade: { text: '7.5', scale: '10' } });
    expect(fromXlsx.rows[4]!.grade).toEqual({ text: 'Đạt', scale: '10' });
    expect(fromXlsx.person).toEqual({ name: 'Nguyễn Thị Ánh', birthDate: '02/01/1990' });
  });

  it('row identity is sheet + row', () => {
    const t = parseTranscript(workbook(), 'bang-diem.xlsx');
    expect(t.rows[0]!.source).toEqual({ file: 'bang-diem.xlsx', sheet: 'Bảng điểm', line: 6 });
    expect(t.rows.at(-1)!.source).toEqual({ file: 'bang-diem.xlsx', sheet: 'Bảng điểm', line: 5 + COURSES.length });
  });

  it('give the same check result as the CSV (verdicts, periods, matches, notices)', () => {
    const opts = { asOf: '2020-06-01' };
    const a = buildJsonReport(checkTranscript(parseTranscript(new TextEncoder().encode(CSV), 'bang-diem.csv'), rs, opts), rs, { files: ['x'], toolVersion: '0' });
    const b = buildJsonReport(checkTranscript(parseTranscript(workbook(), 'bang-diem.xlsx'), rs, opts), rs, { files: ['x'], toolVersion: '0' });
    const strip = (r: typeof a) => JSON.parse(JSON.stringify(r, (k, v: unknown) => (k === 'source' ? undefined : v))) as unknown;
    expect(strip(b)).toEqual(strip(a));
    expect(b.programs.find((p) => p.id === 'so-cap')).toBeDefined();
  });

  it('use the first sheet that has a course-name header', () => {
    const t = parseTranscript(workbook({ sheetBefore: true }), 'bang-diem.xlsx');
    expect(t.rows).toHaveLength(COURSES.length);
    expect(t.rows[0]!.source.sheet).toBe('Bảng điểm');
  });

  it('old .xls and .ods workbooks are read too', () => {
    const book = XLSX.read(workbook(), { type: 'buffer' });
    for (const bookType of ['xls', 'ods'] as const) {
      const bytes = XLSX.write(book, { type: 'buffer', bookType }) as Uint8Array;
      const t = parseTranscript(bytes, `bang-diem.${bookType}`);
      expect(t.rows.map((r) => [r.name, r.credits, r.periods])).toEqual(COURSES.map(([, name, credits]) => [name, credits, credits * 15]));
    }
  });

  it('a workbook without a course-name column names the sheet, row and the columns found', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Danh sách'], ['Họ tên', 'Đơn vị']]), 'DS');
    const err = (() => {
      try {
        parseTranscript(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array, 'ds.xlsx');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).place).toEqual({ sheet: 'DS', line: 2 });
    expect((err as InputError).message).toContain("'Họ tên', 'Đơn vị'");
  });

  it('a formula saved without its value is an error naming the cell', () => {
    const ws = XLSX.utils.aoa_to_sheet([['Tên học phần', 'Số tín chỉ'], ['Triết học', 3]]);
    ws['B2'] = { t: 'n', f: 'A1*3' } as XLSX.CellObject;
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    expect(() => parseTranscript(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array, 'f.xlsx')).toThrow(/B2/);
  });
});
