// displayWidth's fast paths against its plain definition (every code point of the NFC text without ANSI codes,
// but combining marks), on random text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../fast-check-seed.js';
import { displayWidth } from '../../src/report/format.js';

function reference(s: string): number {
  let w = 0;
  // eslint-disable-next-line no-control-regex
  for (const ch of s.replace(/\u001b\[[0-9;]*m/g, '').normalize('NFC')) if (!/\p{M}/u.test(ch)) w++;
  return w;
}

describe('displayWidth', () => {
  it('equals its definition on any text, ANSI colours and combining marks included', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom('\u001b[31m', '\u001b[0m', 'e\u0302\u0301', 'Tiếng Việt', '\u{1D16E}', 'a\u{1D167}', '\t', ' '),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 6 }), (parts) => {
        expect(displayWidth(parts.join(''))).toBe(reference(parts.join('')));
      }), { numRuns: 3000 });
  });
});
