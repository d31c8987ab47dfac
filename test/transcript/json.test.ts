import { describe, expect, it } from 'vitest';
import { inputError, parseText } from './helpers.js';

const json = (v: unknown, opts = {}) => parseText(JSON.stringify(v, null, 2), 't.json', opts);

describe('JSON transcripts', () => {
  it('reads an array of rows with the stable keys', () => {
    const t = json([
      { name: 'Triết học Mác-Lênin', code: 'PHI1006', credits: 3, grade: 7.5, gradeScale: '10', term: 'HK1', institution: 'ĐHQG' },
      { name: 'Tư tưởng Hồ Chí Minh', dvht: 3, grade: 'B+' },
      { name: 'Chủ nghĩa xã hội khoa học', lecturePeriods: 30, practicePeriods: 15, grade: null },
      { name: 'Kinh tế chính trị', credits: '2,5', creditUnit: 'dvht', periods: 45 },
    ]);
    expect(t.files).toEqual(['t.json']);
    expect(t.person).toBeUndefined();
    expect(t.rows).toEqual([
      {
        id: 1, source: { file: 't.json', path: '$[0]' }, name: 'Triết học Mác-Lênin', code: 'PHI1006', credits: 3,
        creditUnit: 'credit', grade: { text: '7.5', scale: '10' }, term: 'HK1', institution: 'ĐHQG',
      },
      { id: 2, source: { file: 't.json', path: '$[1]' }, name: 'Tư tưởng Hồ Chí Minh', credits: 3, creditUnit: 'dvht', grade: { text: 'B+' } },
      { id: 3, source: { file: 't.json', path: '$[2]' }, name: 'Chủ nghĩa xã hội khoa học', periods: 45, periodsOrigin: 'parts' },
      {
        id: 4, source: { file: 't.json', path: '$[3]' }, name: 'Kinh tế chính trị', credits: 2.5, creditUnit: 'dvht',
        periods: 45, periodsOrigin: 'given',
      },
    ]);
  });

  it('reads { person, courses } and { rows } with the person block kept whole', () => {
    const t = json({ person: { id: 123, name: 'Phạm Thị Dung', birthDate: '1980-05-01', unit: 'Sở Nội vụ', phone: '0912' }, courses: [{ name: 'A' }] });
    expect(t.person).toEqual({ id: '123', name: 'Phạm Thị Dung', birthDate: '1980-05-01', unit: 'Sở Nội vụ', phone: '0912' });
    expect(t.rows[0]?.source).toEqual({ file: 't.json', path: '$.courses[0]' });
    const r = json({ rows: [{ name: 'B' }] });
    expect(r.rows[0]?.source.path).toBe('$.rows[0]');
  });

  it('accepts CSV header aliases as keys, with the same grade preference', () => {
    const t = json([{ 'Tên học phần': 'Lịch sử Đảng', 'Số tín chỉ': 2, 'Điểm chữ': 'A', 'Điểm hệ 10': '8,5', LT: 20, 'TL/TH': 10, STT: 1 }]);
    expect(t.rows[0]).toMatchObject({ name: 'Lịch sử Đảng', credits: 2, periods: 30, grade: { text: '8,5', scale: '10' } });
  });

  it('applies --scale when gradeScale is absent', () => {
    expect(json([{ name: 'A', grade: 3 }], { scale: '4' }).rows[0]?.grade).toEqual({ text: '3', scale: '4' });
    expect(json([{ name: 'A', grade: 3, gradeScale: 10 }], { scale: '4' }).rows[0]?.grade).toEqual({ text: '3', scale: '10' });
  });

  it('is chosen by extension, --format or content', () => {
    expect(parseText('[{"name":"A"}]', 'x.txt').rows[0]?.source.path).toBe('$[0]');
    expect(parseText('  {"courses":[{"name":"B"}]}', 'x.csv').rows[0]?.source.path).toBe('$.courses[0]');
    // an empty list is a truncated export, not a person who studied nothing
    expect(() => parseText('  {"courses":[]}', 'x.csv')).toThrow(/no course rows/);
    expect(() => parseText('[]', 'x.json')).toThrow(/no course rows/);
    expect(() => parseText('STT,Tên học phần,TC\n', 'h.csv')).toThrow(/no course rows/);
    expect(() => parseText('[{"name":"A"}]', 'x.json', { format: 'csv' })).toThrow(/no course-name column/);
  });
});

describe('JSON errors', () => {
  it('names the JSON path and line:column of a wrong type', () => {
    const text = '{\n  "courses": [\n    { "name": "A", "credits": 3 },\n    { "name": "B", "credits": true }\n  ]\n}\n';
    const err = inputError(() => parseText(text, 'w.json'));
    expect(err.finding).toEqual({
      code: 'json-field-invalid',
      args: { path: '$.courses[1].credits', message: 'expected a number', got: { type: 'boolean', shown: 'true' }, more: 0 },
      file: 'w.json',
      place: { path: '$.courses[1].credits', line: 4, column: 31 },
    });
    expect(err.message).toBe('$.courses[1].credits: expected a number, got boolean true');
    expect(err.vi).toContain('$.courses[1].credits');
  });

  it('reports alias keys under their own name', () => {
    const err = inputError(() => json([{ 'Tên học phần': 'A', 'Số tín chỉ': 'ba' }]));
    expect(err.place?.path).toBe('$[0]["Số tín chỉ"]');
  });

  it('requires a non-empty name, pointing at the row when the key is missing', () => {
    const err = inputError(() => parseText('[\n  { "credits": 2 }\n]', 'n.json'));
    expect(err.place).toEqual({ path: '$[0].name', line: 2, column: 3 });
    expect(inputError(() => json([{ name: '  ' }])).place?.path).toBe('$[0].name');
  });

  it('rejects unexpected shapes', () => {
    expect(inputError(() => json({ person: {} })).place?.path).toBe('$');
    expect(inputError(() => json({ courses: {} })).place?.path).toBe('$.courses');
    expect(inputError(() => json([1])).place?.path).toBe('$[0]');
    expect(inputError(() => json({ person: [], courses: [] })).place?.path).toBe('$.person');
    expect(inputError(() => json([{ name: 'A', creditUnit: 'tc' }])).place?.path).toBe('$[0].creditUnit');
    expect(inputError(() => parseText('"text"', 'a.json')).place?.path).toBe('$');
  });

  it('reports malformed JSON with line and column', () => {
    const err = inputError(() => parseText('[\n  {"name": "A",}\n]', 'm.json'));
    expect(err.place).toEqual({ line: 2, column: 16 });
    expect(err.message).toMatch(/^malformed JSON at line 2, column 16/);
    expect(inputError(() => parseText('[{"name": "A"} // note\n]', 'c.json')).message).toMatch(/comments/);
  });
});
