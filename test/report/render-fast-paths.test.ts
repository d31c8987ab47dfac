// The renderers' fast paths (issue 10) against the general code they skip: the same strings on random input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../fast-check-seed.js';
import { displayWidth, isMark, num } from '../../src/report/format.js';
import { cssString, escapeHtml } from '../../src/report/html.js';

/** cssString's general path: escape for HTML, then each character CSS cannot hold as is becomes a hex escape. */
function cssStringFull(s: string): string {
  const body = [...escapeHtml(s)]
    .map((ch) => (/[\\"<>&\n\r\f]/.test(ch) || ch.charCodeAt(0) < 0x20 ? `\\${ch.codePointAt(0)!.toString(16)} ` : ch))
    .join('');
  return `"${body}"`;
}

/** num's general path: rounded to one decimal, a decimal comma in Vietnamese. */
function numFull(lang: 'vi' | 'en', n: number): string {
  const rounded = Math.round(n * 10) / 10;
  const s = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
  return lang === 'vi' ? s.replace('.', ',') : s;
}

/** displayWidth's general path: ANSI codes removed, NFC, one column per character that is not a mark. */
function displayWidthFull(s: string): number {
  let w = 0;
  // eslint-disable-next-line no-control-regex
  for (const ch of s.replace(/\u001b\[[0-9;]*m/g, '').normalize('NFC')) if (!isMark(ch)) w += 1;
  return w;
}

/** A string of code units from the given ranges, with marks, an ESC and letters beyond them mixed in at times. */
const unitsFrom = (ranges: [number, number][], extra: string) =>
  fc
    .array(fc.oneof(...ranges.map(([a, b]) => fc.integer({ min: a, max: b }).map((c) => String.fromCharCode(c))), fc.constantFrom(...extra)), { maxLength: 16 })
    .map((parts) => parts.join(''));

/** Text mixing plain letters, Vietnamese, and every character class the escapers treat specially. */
const text = fc
  .array(fc.oneof(fc.constantFrom(...'aZ 09ễĐ—·&<>"\'\\\n\r\f\t\u0000\u0007\u000b\u007f\u0085\ud800\udc00\ufffe\uffff😀'), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 12 })
  .map((parts) => parts.join(''));

describe('render fast paths agree with the general code', () => {
  it('cssString: plain labels skip the per-character pass, with the same result', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(cssString(s)).toBe(cssStringFull(s));
      }),
      { numRuns: 2000 },
    );
    for (const s of ['PHIẾU ĐỐI CHIẾU HỌC PHẦN LÝ LUẬN CHÍNH TRỊ', 'd000001', 'Lập bằng llct 0.1.0', 'a"b', 'x\\y', 'tab\there', "it's"]) {
      expect(cssString(s)).toBe(cssStringFull(s));
    }
  });

  it('num: whole numbers skip rounding and the decimal comma, with the same result', () => {
    const numbers = fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.double(), fc.constantFrom(0, -0, 1e14, 1e14 - 1, -1e14 + 1, 1e21, 1.5e21, -1e21, 2 ** 53, 45, 7.5, 0.05, -0.04, Infinity, -Infinity, NaN));
    fc.assert(
      fc.property(numbers, (n) => {
        expect(num('vi', n)).toBe(numFull('vi', n));
        expect(num('en', n)).toBe(numFull('en', n));
      }),
      { numRuns: 5000 },
    );
  });

  it('displayWidth: Latin, Vietnamese and punctuation text is one column per character, as the general path counts', () => {
    const latin: [number, number][] = [[0, 0x2ff], [0x1e00, 0x1eff], [0x2000, 0x206f]];
    const plain = unitsFrom(latin, 'ễĐ—·');
    const mixed = unitsFrom(latin, 'e\u0301\u0303\u1100\u1161\u001b[1m\u212b\u0340\u3099か😀');
    fc.assert(
      fc.property(fc.oneof(plain, mixed), (s) => {
        expect(displayWidth(s)).toBe(displayWidthFull(s));
      }),
      { numRuns: 5000 },
    );
    // every pair of characters of those ranges: none composes under NFC
    const chars: string[] = [];
    for (const [a, b] of latin) for (let c = a; c <= b; c++) if (c !== 0x1b) chars.push(String.fromCharCode(c));
    for (const a of chars) for (const b of chars) if ((a + b).normalize('NFC').length !== 2) expect(a + b).toBe('composes');
    expect(displayWidth('Tư tưởng Hồ Chí Minh — 3 tiết')).toBe(29);
  });

  it("text report's table: a line has white space to trim exactly when its last character matches \\s", () => {
    // the subject table skips trimEnd (which copies the line) when the name ends in no white space
    for (let c = 0; c <= 0xffff; c++) {
      const line = `  12  x${String.fromCharCode(c)}`;
      expect(/\s$/u.test(line)).toBe(line.trimEnd() !== line);
    }
  });
});
