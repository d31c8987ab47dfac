import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../fast-check-seed.js';
import { countDelimiters, rankDelimiters } from '../../src/transcript/csv.js';
import { parseNumberText } from '../../src/transcript/rows.js';
import { inputError, parseText } from './helpers.js';

describe('CSV delimiters', () => {
  it.each([
    [',', 'Tên học phần,Số tín chỉ,Điểm\nTriết học Mác-Lênin,3,7.5\n'],
    [';', 'Tên học phần;Số tín chỉ;Điểm\nTriết học Mác-Lênin;3;7,5\n'],
    ['tab', 'Tên học phần\tSố tín chỉ\tĐiểm\nTriết học Mác-Lênin\t3\t7,5\n'],
  ])('detects %s', (_d, text) => {
    const t = parseText(text);
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0]).toMatchObject({ name: 'Triết học Mác-Lênin', credits: 3, creditUnit: 'credit' });
  });

  it('ignores delimiters inside quotes in the header', () => {
    const t = parseText('"Môn học";"Ghi chú, nhận xét";TC\n"Triết học, phần 1";"tốt, đạt";3\n');
    expect(t.rows[0]).toMatchObject({ name: 'Triết học, phần 1', credits: 3 });
    expect(countDelimiters('"a;b;c;d",x,y\n')).toBe(',');
    expect(countDelimiters('a\tb\tc;d\n')).toBe('\t');
  });

  it('lets --delimiter win over detection', () => {
    const text = 'Tên học phần;TC\nA, B;2\n';
    expect(parseText(text).rows[0]).toMatchObject({ name: 'A, B', credits: 2 });
    const err = inputError(() => parseText(text, 't.csv', { delimiter: '\t' }));
    expect(err.finding.code).toBe('no-name-column');
  });
});

describe('CSV parsing', () => {
  it('reads quoted fields with delimiters, doubled quotes and newlines, keeping start lines', () => {
    const t = parseText(
      'Tên học phần,Số tín chỉ,Điểm\n"Toán, phần 1",3,7\n"Tư tưởng\nHồ Chí Minh",2,8\n"Môn ""đặc biệt""",1,9\n',
    );
    expect(t.rows.map((r) => [r.name, r.credits, r.source.line])).toEqual([
      ['Toán, phần 1', 3, 2],
      ['Tư tưởng Hồ Chí Minh', 2, 3],
      ['Môn "đặc biệt"', 1, 5],
    ]);
  });

  it('skips empty lines and all-empty rows but counts them in line numbers', () => {
    const t = parseText('Tên học phần,TC\n\n,,\nTriết học,3\r\n\r\nKinh tế chính trị,2');
    expect(t.rows.map((r) => [r.id, r.name, r.source.line])).toEqual([
      [1, 'Triết học', 4],
      [2, 'Kinh tế chính trị', 6],
    ]);
  });

  it('trims cells and collapses whitespace in names', () => {
    const t = parseText('Tên học phần , TC\n  Triết   học  Mác-Lênin ,  3 \n');
    expect(t.rows[0]).toMatchObject({ name: 'Triết học Mác-Lênin', credits: 3 });
  });

  it('reads decimal commas in credits and periods and keeps grade text as written', () => {
    const t = parseText('Môn học;Tín chỉ;Số tiết;Điểm\nGiáo dục thể chất;1,5;22,5;7,5\n');
    expect(t.rows[0]).toMatchObject({ credits: 1.5, periods: 22.5, periodsOrigin: 'given', grade: { text: '7,5' } });
  });

  it('accepts headers without diacritics, in English and in mixed case', () => {
    const vi = parseText('TEN HOC PHAN,so tin chi,DIEM HE 10\nTriết học,3,7\n');
    expect(vi.rows[0]).toMatchObject({ name: 'Triết học', credits: 3, grade: { text: '7', scale: '10' } });
    const en = parseText('No,Course Code,Course Title,Credits,Letter Grade\n1,PHI101,Marxist-Leninist Philosophy,3,B+\n');
    expect(en.rows[0]).toMatchObject({
      name: 'Marxist-Leninist Philosophy',
      code: 'PHI101',
      credits: 3,
      grade: { text: 'B+', scale: 'letter' },
    });
  });

  it('skips title and person lines before the header and reads the person', () => {
    const t = parseText(
      'BẢNG ĐIỂM HỌC TẬP,,\nHọ và tên:,Nguyễn Văn An,\nNgày sinh: 01/02/1985,,\nSTT,Tên học phần,TC\n1,Triết học Mác-Lênin,3\n',
    );
    expect(t.person).toEqual({ name: 'Nguyễn Văn An', birthDate: '01/02/1985' });
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0]?.source.line).toBe(5);
  });

  it('does not look for a header beyond the first 15 rows', () => {
    const title = Array.from({ length: 15 }, (_, i) => `Dòng tiêu đề ${i + 1}`).join('\n');
    const err = inputError(() => parseText(`${title}\nTên học phần,TC\nTriết học,3\n`));
    expect(err.message).toMatch(/no course-name column/);
  });

  it('sums LT and TL/TH into periods when no period total is given', () => {
    const t = parseText('Tên học phần,LT,TL/TH,Số tiết\nA,30,15,\nB,30,,\nC,30,15,60\nD,,,\n');
    expect(t.rows.map((r) => [r.periods, r.periodsOrigin])).toEqual([
      [45, 'parts'],
      [30, 'parts'],
      [60, 'given'],
      [undefined, undefined],
    ]);
  });

  it('reads ĐVHT as credits in the dvht unit, with credits winning when both are given', () => {
    const t = parseText('Tên môn học,Số tín chỉ,ĐVHT\nA,,6\nB,3,\nC,2,4\n');
    expect(t.rows.map((r) => [r.credits, r.creditUnit])).toEqual([
      [6, 'dvht'],
      [3, 'credit'],
      [2, 'credit'],
    ]);
  });

  it('takes the grade from the 10-point column, then letter, then 4-point, then generic', () => {
    const t = parseText(
      'Tên HP,Điểm,Điểm hệ 4,Điểm chữ,Điểm hệ 10\nA,5,2.0,C,6.0\nB,5,2.0,C,\nC,5,2.0,,\nD,5,,,\nE,,,,\n',
    );
    expect(t.rows.map((r) => r.grade)).toEqual([
      { text: '6.0', scale: '10' },
      { text: 'C', scale: 'letter' },
      { text: '2.0', scale: '4' },
      { text: '5' },
      undefined,
    ]);
  });

  it('applies --scale to scale-less grade columns only', () => {
    const t = parseText('Tên HP,Điểm,Điểm chữ\nA,3.5,\nB,,B+\n', 't.csv', { scale: '4' });
    expect(t.rows.map((r) => r.grade)).toEqual([
      { text: '3.5', scale: '4' },
      { text: 'B+', scale: 'letter' },
    ]);
  });

  it('keeps code, term and institution', () => {
    const t = parseText('Mã HP,Môn học,Học kỳ,Trường\nHCM201,Tư tưởng HCM,HK2 2012,ĐH Vinh\n');
    expect(t.rows[0]).toMatchObject({ code: 'HCM201', term: 'HK2 2012', institution: 'ĐH Vinh' });
  });

  it('skips rows without a name, and totals or section lines without a grade', () => {
    const t = parseText(
      'Tên học phần,TC,Điểm\nHọc kỳ 1,,\nTriết học,3,7\n,3,\nTổng cộng,18,\nHọc kỳ quân sự,2,8\nTotal,20,\n',
    );
    expect(t.rows.map((r) => r.name)).toEqual(['Triết học', 'Học kỳ quân sự']);
    expect(t.rows.map((r) => r.id)).toEqual([1, 2]);
  });

  it('leaves empty number cells undefined', () => {
    const t = parseText('Tên học phần,TC,Số tiết,Điểm\nTriết học,,,\n');
    expect(t.rows[0]).toEqual({ id: 1, source: { file: 't.csv', line: 2 }, name: 'Triết học' });
  });
});

describe('summary lines', () => {
  it('drops averages, accumulated credits and classification lines whatever their grade column holds', () => {
    const t = parseText(
      'Tên học phần,TC,Điểm\nTriết học,3,7\nTổng số tín chỉ tích lũy,130,\nĐiểm trung bình chung tích lũy,,"7,25"\nĐTBC hệ 4,,"2,9"\nXếp loại tốt nghiệp,,Khá\nTổng quan du lịch,2,8\nTrung bình chung học kỳ,,7\n',
    );
    expect(t.rows.map((r) => r.name)).toEqual(['Triết học', 'Tổng quan du lịch']);
  });
});

describe('number cells as schools print them', () => {
  it('reads "3(2-1)" as 3 credits and a lone dash as empty', () => {
    const t = parseText('Tên học phần,TC,Số tiết,Điểm\nTriết học,3(2-1),-,7\nGiải tích,4 (3-1-0-8),—,8\n');
    expect(t.rows.map((r) => [r.credits, r.periods])).toEqual([
      [3, undefined],
      [4, undefined],
    ]);
  });
});

describe('number cells read without the regex', () => {
  it('parseNumberText = its pattern (digits and one separator take a path without the regex)', () => {
    const reference = (text: string): number | undefined => {
      const t = text.trim();
      if (t === '' || /^[-–—]$/u.test(t)) return undefined;
      const m = /^(\d+(?:[.,]\d+)?)(?:\s*\([\d\s.,+\-–/]*\))?$/u.exec(t);
      return m ? Number(m[1]!.replace(',', '.')) : Number.NaN;
    };
    const cell = fc.string({ unit: fc.constantFrom('0', '1', '3', '9', '.', ',', '-', '–', ' ', '(', ')', '+', '/', 'a', '\u00a0', '٣'), maxLength: 8 });
    fc.assert(
      fc.property(cell, (text) => {
        expect(parseNumberText(text)).toBe(reference(text));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('CSV errors', () => {
  it('names the line and column of a non-numeric credit cell', () => {
    const err = inputError(() => parseText('Tên học phần,Số tín chỉ\nA,3\nB,3 TC\n', 'b.csv'));
    expect(err.finding).toEqual({ code: 'not-a-number', args: { text: '3 TC', column: 'Số tín chỉ' }, file: 'b.csv', place: { line: 3 } });
    expect(err.message).toBe(`"3 TC" in column 'Số tín chỉ' is not a number (write e.g. 3 or 7,5)`);
  });

  it.each(['1.234,5', '-2', '3,', 'abc'])('rejects %s as a number', (cell) => {
    expect(inputError(() => parseText(`Tên học phần;Số tiết\nA;${cell}\n`)).place).toEqual({ line: 2 });
  });

  it('reports the line where an unclosed quote opened', () => {
    const err = inputError(() => parseText('Tên học phần,TC\nA,1\n\n"B,2\nC,3\nD,4\n', 'q.csv'));
    expect(err.finding).toEqual({ code: 'csv-quote-not-closed', args: { line: 4 }, file: 'q.csv', place: { line: 4 } });
  });

  it('lists the columns found when no name column exists, on the header line', () => {
    const err = inputError(() => parseText('BẢNG ĐIỂM\nSTT,Mã HP,TC\n1,X,3\n', 'n.csv'));
    expect(err.finding).toEqual({ code: 'no-name-column', args: { found: ['STT', 'Mã HP', 'TC'] }, file: 'n.csv', place: { line: 2 } });
    expect(err.vi).toContain("các cột tìm thấy: 'STT', 'Mã HP', 'TC'");
  });
});

describe('rankDelimiters', () => {
  // the ranking as it was first written (Map counts, trim() for blank lines): the charCode loop must agree with it
  function reference(text: string, lines = 15): string[] {
    const counts = new Map<string, number>([',', ';', '\t'].map((d) => [d, 0]));
    let seen = 0;
    let start = 0;
    while (seen < lines && start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const line = text.slice(start, end);
      start = end + 1;
      if (line.trim() === '') continue;
      seen++;
      let inQuote = false;
      for (const ch of line) {
        if (ch === '"') inQuote = !inQuote;
        else if (!inQuote && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
      }
    }
    return [',', ';', '\t'].sort((a, b) => counts.get(b)! - counts.get(a)!);
  }

  it('ranks as the reference on random text (quotes, blank lines, Unicode spaces, control characters)', () => {
    const unit = fc.constantFrom(',', ';', '\t', '"', '\n', ' ', 'a', 'Đ', '\u00a0', '\u2003', '\u000b', '\u0001', '\u007f', '\ufeff', '\r');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 80 }), fc.integer({ min: 1, max: 15 }), (text, lines) => {
        expect(rankDelimiters(text, lines)).toEqual(reference(text, lines));
      }),
      { numRuns: 5000 },
    );
  });
});
