import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { packLines, segment } from '../../src/batch/lines.js';

describe('packed lines (worker → writer)', () => {
  it('gives back every text as its UTF-8 bytes, empty ones included', () => {
    const texts = ['{"a":1}\n', '', 'Nguyễn Văn Ả,150\n', '𝔸 emoji 👩‍🎓\r\n', ''];
    const p = packLines(texts);
    expect(p.ends).toHaveLength(texts.length);
    texts.forEach((t, i) => expect(Buffer.from(segment(p, i)).toString('utf8')).toBe(t));
    expect(p.bytes.length).toBe(Buffer.byteLength(texts.join(''), 'utf8'));
  });

  it('round-trips any strings', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 6 }), (texts) => {
        const p = packLines(texts);
        expect(texts.map((_, i) => Buffer.from(segment(p, i)).toString('utf8'))).toEqual(texts);
      }),
    );
  });
});
