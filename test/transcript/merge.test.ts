import { describe, expect, it } from 'vitest';
import { mergeTranscripts } from '../../src/transcript/parse.js';
import { parseText } from './helpers.js';

describe('mergeTranscripts', () => {
  it('concatenates rows and files, renumbers ids 1..n and keeps sources', () => {
    const a = parseText('Tên học phần,TC\nA,1\nB,2\n', 'a.csv');
    const b = parseText(JSON.stringify({ person: { name: 'X' }, courses: [{ name: 'C' }] }), 'b.json');
    const c = parseText(JSON.stringify({ person: { name: 'Y' }, courses: [{ name: 'D' }] }), 'c.json');
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

  it('merges nothing into an empty transcript without a person', () => {
    expect(mergeTranscripts([])).toEqual({ rows: [], files: [] });
  });
});
