// displayWidth's fast paths against its plain definition (every code point of the NFC text without ANSI codes,
// but combining marks), on random text; the pieces the renderers keep.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../fast-check-seed.js';
import { displayWidth, flat, remember } from '../../src/report/format.js';

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

describe('kept pieces', () => {
  it('flat keeps the value of a string made of parts', () => {
    let s = '';
    for (let i = 0; i < 100; i++) s += `<td class="num">${i}</td>Triết học `;
    const copy = s.split('').join('');
    expect(flat(s)).toBe(copy);
    expect(flat('')).toBe('');
  });

  it('remember keeps at most 2,000 pieces, then starts afresh', () => {
    const cache = new Map<string, string>();
    for (let i = 0; i < 2000; i++) expect(remember(cache, `k${i}`, `v${i}`)).toBe(`v${i}`);
    expect(cache.size).toBe(2000);
    expect(remember(cache, 'next', 'v')).toBe('v');
    expect([...cache]).toEqual([['next', 'v']]);
  });
});
