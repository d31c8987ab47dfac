import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { mergeTranscripts } from '../../src/transcript/parse.js';
import { parseText } from './helpers.js';

describe('mergeTranscripts', () => {
  it('concatenates rows and files, renumbers ids 1..n and keeps sources', () => {
    const a = parseText('Tên học phần,TC\nA,1\nB,2\n', 'a.csv');
    const b = parseText(JSON.stringify({ person: { name: 'X' }, courses: [{ name: 'C' }] }), 'b.json');
    const c = parseText(JSON.stringify({ person: { name: 'x', id: 'other-school-id' }, courses: [{ name: 'D' }] }), 'c.json');
    const m = mergeTranscripts([a, b, c]);
    expect(m.rows.map((r) => [r.id, r.name, r.source.file])).toEqual([
      [1, 'A', 'a.csv'],
      [2, 'B', 'a.csv'],
      [3, 'C', 'b.json'],
      [4, 'D', 'c.json'],
    ]);
    expect(m.files).toEqual(['a.csv', 'b.json', 'c.json']);
    expect(m.person).toEqual({ name: 'X' });
    // the inputs are not mutated
    expect(b.rows[0]?.id).toBe(1);
  });

  it('refuses files about different people (name or birth date), naming both', () => {
    const a = parseText(JSON.stringify({ person: { name: 'Nguyễn Văn A', birthDate: '1980-01-02' }, courses: [{ name: 'C' }] }), 'a.json');
    const b = parseText(JSON.stringify({ person: { name: 'Trần Thị B' }, courses: [{ name: 'D' }] }), 'b.json');
    const a2 = parseText(JSON.stringify({ person: { name: 'NGUYEN VAN A', birthDate: '1981-01-02' }, courses: [{ name: 'D' }] }), 'a2.json');
    expect(() => mergeTranscripts([a, b])).toThrow(/different people: a\.json \(Nguyễn Văn A\) and b\.json \(Trần Thị B\)/);
    expect(() => mergeTranscripts([a, a2])).toThrow(
      expect.objectContaining({
        finding: { code: 'different-people', args: { first: { files: ['a.json'], value: '1980-01-02' }, other: { files: ['a2.json'], value: '1981-01-02' } }, file: 'a2.json' },
      }),
    );
    // a first file that names only a birth date does not let different names through
    const dobOnly = parseText(JSON.stringify({ person: { birthDate: '1980-01-02' }, courses: [{ name: 'X' }] }), 'd.json');
    expect(() => mergeTranscripts([dobOnly, a, b])).toThrow(/a\.json \(Nguyễn Văn A\) and b\.json \(Trần Thị B\)/);
    // same person written differently (case, diacritics, date format), or a file with no person block: fine
    const a3 = parseText(JSON.stringify({ person: { name: 'NGUYỄN VĂN A', birthDate: '02/01/1980' }, courses: [{ name: 'E' }] }), 'a3.json');
    expect(mergeTranscripts([a, a3, parseText('Tên học phần\nF\n', 'f.csv')]).rows).toHaveLength(3);
  });

  it('merges nothing into an empty transcript without a person', () => {
    expect(mergeTranscripts([])).toEqual({ rows: [], files: [] });
  });
});
