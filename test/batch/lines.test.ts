import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { packLines, segment } from '../../src/batch/lines.js';

describe('packed lines (worker → writer)', () => {
  it('gives back every text, empty ones included', () => {
    const texts = ['{"a":1}\n', '', 'Nguyễn Văn Ả,150\n', '𝔸 emoji 👩‍🎓\r\n', ''];
    const p = packLines(texts);
    expect(p.ends).toHaveLength(texts.length);
    texts.forEach((t, i) => expect(segment(p, i)).toBe(t));
    expect(p.text).toBe(texts.join(''));
  });

  it('round-trips any strings', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 6 }), (texts) => {
        const p = packLines(texts);
        expect(texts.map((_, i) => segment(p, i))).toEqual(texts);
      }),
    );
  });
});
