import { describe, expect, it } from 'vitest';
import { classifyHeader, mapColumns } from '../../src/transcript/headers.js';

describe('classifyHeader', () => {
  it.each([
    ['Tên học phần', 'name'],
    ['TEN HOC PHAN', 'name'],
    ['ten mon hoc', 'name'],
    ['Course Title', 'name'],
    ['  Môn   học ', 'name'],
    ['Mã HP', 'code'],
    ['ma mh', 'code'],
    ['Số tín chỉ', 'credits'],
    ['Tín chỉ (TC)', 'credits'],
    ['STC', 'credits'],
    ['ĐVHT', 'dvht'],
    ['dvht', 'dvht'],
    ['Số tiết', 'periods'],
    ['LT', 'lecture'],
    ['TL/TH', 'practice'],
    ['Học kỳ', 'term'],
    ['Trường', 'institution'],
    ['STT', 'rowNumber'],
  ])('%s → %s', (header, field) => {
    expect(classifyHeader(header)?.field).toBe(field);
  });

  it('reads the scale of grade columns, parentheses included', () => {
    expect(classifyHeader('Điểm')).toEqual({ field: 'grade' });
    expect(classifyHeader('Điểm (hệ 10)')).toEqual({ field: 'grade', scale: '10' });
    expect(classifyHeader('DIEM HE 4')).toEqual({ field: 'grade', scale: '4' });
    expect(classifyHeader('Điểm chữ')).toEqual({ field: 'grade', scale: 'letter' });
    expect(classifyHeader('Letter grade')).toEqual({ field: 'grade', scale: 'letter' });
  });

  it.each(['Điểm số', 'ĐTB', 'Điểm TB', 'Điểm trung bình', 'ĐTBHP', 'ĐTB HP', 'Điểm TBHP', 'Điểm trung bình học phần', 'DTB', 'điểm tb'])(
    '%s is a grade column without a scale',
    (header) => {
      expect(classifyHeader(header)).toEqual({ field: 'grade' });
    },
  );

  it('reads the scale of the average-grade headers', () => {
    expect(classifyHeader('ĐTB hệ 10')).toEqual({ field: 'grade', scale: '10' });
    expect(classifyHeader('Điểm TB (hệ 4)')).toEqual({ field: 'grade', scale: '4' });
    expect(classifyHeader('Điểm số hệ 10')).toEqual({ field: 'grade', scale: '10' });
  });

  it('ignores unknown and empty headers', () => {
    expect(classifyHeader('Ghi chú')).toBeUndefined();
    expect(classifyHeader('Điểm quá trình')).toBeUndefined();
    expect(classifyHeader('')).toBeUndefined();
  });
});

describe('mapColumns', () => {
  it('needs a name column', () => {
    expect(mapColumns(['STT', 'Mã HP', 'TC'])).toBeUndefined();
  });

  it('orders grade columns 10-point, letter, 4-point, generic', () => {
    const map = mapColumns(['Điểm', 'Tên HP', 'Điểm hệ 4', 'Điểm chữ', 'Điểm hệ 10']);
    expect(map?.name).toBe(1);
    expect(map?.grades).toEqual([
      { index: 4, scale: '10' },
      { index: 3, scale: 'letter' },
      { index: 2, scale: '4' },
      { index: 0 },
    ]);
  });

  it('ranks an average-grade column as a generic grade, after the scaled ones', () => {
    const map = mapColumns(['STT', 'Tên học phần', 'Số TC', 'ĐTBHP', 'Điểm chữ']);
    expect(map?.grades).toEqual([{ index: 4, scale: 'letter' }, { index: 3 }]);
    expect(mapColumns(['Môn học', 'Điểm trung bình'])?.grades).toEqual([{ index: 1 }]);
  });

  it('keeps the first column when a field repeats', () => {
    expect(mapColumns(['Môn học', 'Course', 'TC', 'Credits'])).toMatchObject({ name: 0, credits: 2 });
  });
});
