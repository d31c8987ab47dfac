import fc from 'fast-check';
import '../fast-check-seed.js';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { checkCsvRows, csvCellText, toCsv, type CsvCell } from '../../src/report/csv.js';
import { passingResult, ruleSet } from './builders.js';

describe('toCsv', () => {
  it('keeps numbers as numbers and escapes formula-like text', () => {
    const csv = toCsv(['a', 'b', 'c', 'd'], [
      [1.5, -2, '=SUM(A1)', '+84 912'],
      ['@x', '-5', 'Tư tưởng, Hồ Chí Minh', null],
      ['\tTab', true, false, 'ok'],
    ]);
    expect(csv).toBe("a,b,c,d\n1.5,-2,'=SUM(A1),'+84 912\n'@x,'-5,\"Tư tưởng, Hồ Chí Minh\",\n'\tTab,true,false,ok\n");
  });

  it('writes what Vietnamese Excel expects with --excel: BOM, semicolons, CRLF, decimal commas', () => {
    const csv = toCsv(['môn', 'tiết'], [['Triết học', 22.5], ['a;b', 3]], { excel: true });
    expect(csv).toBe('\ufeffmôn;tiết\r\nTriết học;22,5\r\n"a;b";3\r\n');
  });

  it('round-trips: parsing the output gives back the written cells', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.constantFrom('=1+1', '-x', '@a', '+1', '\tx', '\rx', 'a"b', 'a\nb', 'Đảng; "x"'),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 6 }), fc.boolean(), (rows: CsvCell[][], excel) => {
        const csv = toCsv(['h1', 'h2'], rows, { excel });
        const back = parse(csv, { bom: true, delimiter: excel ? ';' : ',', relax_column_count: false }) as string[][];
        expect(back).toEqual([['h1', 'h2'], ...rows.map((r) => r.map((c) => csvCellText(c, { excel })))]);
        for (const r of back.slice(1)) for (const c of r) expect(c).not.toMatch(/^[=+@\t\r]/);
      }),
    );
  });

  it('reads numbers back as the same numbers', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const [, [back]] = parse(toCsv(['n'], [[n]])) as string[][] as [string[], string[]];
        expect(Number(back)).toBe(n === 0 ? 0 : n);
      }),
    );
  });
});

describe('checkCsvRows', () => {
  const { header, rows } = checkCsvRows(passingResult(), ruleSet());

  it('has the stable column ids', () => {
    expect(header).toEqual([
      'program_id',
      'program_verdict',
      'program_periods_counted',
      'program_periods_minimum',
      'program_lessons_covered',
      'program_lessons_minimum',
      'subject_id',
      'subject_name',
      'periods_required',
      'periods_minimum',
      'periods_counted',
      'periods_missing',
      'lessons_total',
      'lessons_covered',
      'lessons_missing',
      'missing_lessons',
      'subject_pass',
    ]);
  });

  it('writes one row per program × subject with numbers as numbers', () => {
    expect(rows).toEqual([
      ['so-cap', 'PASS', 75, 32, 3, 3, 'SC-I', 'Chủ nghĩa Mác-Lênin', 20, null, 45, 0, 2, 2, 0, '', null],
      ['so-cap', 'PASS', 75, 32, 3, 3, 'SC-II', 'Tư tưởng Hồ Chí Minh', 20, null, 30, 0, 2, 1, 1, 'Đại đoàn kết toàn dân tộc', null],
      ['trung-cap', 'FAIL', 45, null, 0, null, 'TC-TH', 'Triết học Mác-Lênin', 60, 48, 45, 3, 1, 0, 1, '', false],
      ['trung-cap', 'FAIL', 45, null, 0, null, 'TC-XDD', 'Xây dựng Đảng', 60, 48, 0, 48, 1, 0, 1, '', false],
    ]);
  });

  it('uses English names with lang en', () => {
    expect(checkCsvRows(passingResult(), ruleSet(), 'en').rows[1]![7]).toBe('EN Tư tưởng Hồ Chí Minh');
  });
});
