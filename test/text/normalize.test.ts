// The plain-range shortcuts of src/text/normalize.ts and displayWidth give what the Unicode classes they stand for
// give (they only spare a process compiling those classes).

import '../fast-check-seed.js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { baseKey, stripDiacritics } from '../../src/text/normalize.js';
import { isMark } from '../../src/report/format.js';

const chars = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));
const PUNCTUATION = chars(0x2000, 0x206f);
const VIETNAMESE = chars(0x1e00, 0x1eff);

describe('plain ranges for the Unicode classes', () => {
  it('ASCII letters and digits are A-Z, a-z, 0-9; General Punctuation has none', () => {
    for (const ch of chars(0, 0x7f)) expect(/[\p{L}\p{N}]/u.test(ch), ch).toBe(/[A-Za-z0-9]/.test(ch));
    for (const ch of PUNCTUATION) expect(/[\p{L}\p{N}]/u.test(ch), ch).toBe(false);
  });

  it('the marks below U+0370 are U+0300–U+036F; Latin Extended Additional and General Punctuation have none', () => {
    for (const ch of chars(0, 0x36f)) expect(/\p{M}/u.test(ch), ch).toBe(/[\u0300-\u036f]/.test(ch));
    for (const ch of [...VIETNAMESE, ...PUNCTUATION]) expect(/\p{M}/u.test(ch), ch).toBe(false);
  });

  it('isMark is \\p{M} for every code point', () => {
    for (let c = 0; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCodePoint(c);
      if (isMark(ch) !== /\p{M}/u.test(ch)) expect(isMark(ch), `U+${c.toString(16)}`).toBe(/\p{M}/u.test(ch));
    }
  });

  it('baseKey and stripDiacritics equal their Unicode-class definitions', () => {
    const strip = (s: string): string => s.replace(/đ/gu, 'd').normalize('NFD').replace(/\p{M}+/gu, '');
    const reference = (s: string): string => strip(s.toLowerCase()).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const samples = ['Triết học Mác – Lênin', 'ĐƯỜNG LỐI CÁCH MẠNG', 'Tư tưởng Hồ Chí Minh (3 TC)…', 'Ælfred ßtraße', 'Ωμέγα 2', '  ', 'a\u0301', 'x\u0483y', '😀 điểm', 'ẚ ẞ ỿ'];
    for (const s of samples) {
      expect(baseKey(s), s).toBe(reference(s));
      expect(stripDiacritics(s.toLowerCase()), s).toBe(strip(s.toLowerCase()));
    }
    const unit = fc.constantFrom(...chars(0, 0x3ff), ...VIETNAMESE, ...PUNCTUATION, 'đ', 'Đ', '\u0483', '\u1dc0', '\u20d0', 'Ω', '😀');
    fc.assert(
      fc.property(fc.string({ unit }), (s) => baseKey(s) === reference(s) && stripDiacritics(s.toLowerCase()) === strip(s.toLowerCase())),
      { numRuns: 3000 },
    );
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => baseKey(s) === reference(s)), { numRuns: 2000 });
  });
});
