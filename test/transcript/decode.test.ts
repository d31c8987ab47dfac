import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../fast-check-seed.js';
import { decodeTextAs, decodeText, findInvalidUtf8 } from '../../src/transcript/decode.js';
import { inputError, utf8 } from './helpers.js';

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM, dropping the BOM', () => {
    expect(decodeText(utf8('Tên học phần'), 'a.csv')).toBe('Tên học phần');
    expect(decodeText(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8('Tên')), 'a.csv')).toBe('Tên');
  });

  it('NFC-normalises decomposed input', () => {
    const nfd = 'Triết học'.normalize('NFD');
    expect(decodeText(utf8(nfd), 'a.csv')).toBe('Triết học'.normalize('NFC'));
  });

  it('detects UTF-16 LE and BE by BOM', () => {
    const le = Buffer.from('\ufeffĐiểm', 'utf16le');
    expect(decodeText(le, 'a.csv')).toBe('Điểm');
    const be = Buffer.from(le).swap16();
    expect(decodeText(be, 'a.csv')).toBe('Điểm');
  });

  it('accepts --encoding utf-16, utf-16le, utf-16be without a BOM', () => {
    const le = Buffer.from('Điểm', 'utf16le');
    expect(decodeText(le, 'a.csv', 'utf-16')).toBe('Điểm');
    expect(decodeText(le, 'a.csv', 'utf-16le')).toBe('Điểm');
    expect(decodeText(Buffer.from(le).swap16(), 'a.csv', 'utf-16be')).toBe('Điểm');
  });

  it('lets a byte-order mark win over --encoding, and reads valid UTF-8 as UTF-8 under --encoding windows-1258', () => {
    // one option for a whole batch of old and new files must not garble the new ones
    expect(decodeText(utf8('Lê Văn Đức'), 'new.csv', 'windows-1258')).toBe('Lê Văn Đức');
    expect(decodeText(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8('Điểm')), 'bom.csv', 'windows-1258')).toBe('Điểm');
    expect(decodeText(Buffer.from('\ufeffĐiểm', 'utf16le'), 'u16.txt', 'windows-1258')).toBe('Điểm');
    // not valid UTF-8: windows-1258 it is ("Tr" + ầ as a + combining grave: E2 CC)
    expect(decodeText(Uint8Array.of(0x54, 0x72, 0xe2, 0xcc, 0x6e), 'old.csv', 'windows-1258')).toBe('Trần');
  });

  it.each([
    [[0x50, 0x4b, 0x03, 0x04, 0x14, 0x00], 'zip', /Excel \(\.xlsx\)/],
    [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1], 'ole', /\.xls, \.doc/],
    [[0x25, 0x50, 0x44, 0x46, 0x2d, 0x31], 'pdf', /PDF/],
  ])('names Excel, old Office and PDF files and says what to do (%#)', (bytes, format, re) => {
    const err = inputError(() => decodeText(Uint8Array.from(bytes), 'x'));
    expect(err.finding).toEqual({ code: 'known-format', args: { format }, file: 'x' });
    // words: what it is and what to do
    expect(err.vi).toMatch(re);
    expect(err.vi).toMatch(/CSV UTF-8/);
  });

  it('decodes windows-1258 base letter + combining tone mark into NFC letters', () => {
    // "Triết" = T r i ê(0xEA) + acute(0xEC) t ; "Đảng" = Đ(0xD0) a + hook(0xD2) n g
    const bytes = Uint8Array.of(0x54, 0x72, 0x69, 0xea, 0xec, 0x74, 0x20, 0xd0, 0x61, 0xd2, 0x6e, 0x67);
    expect(decodeText(bytes, 'a.csv', 'windows-1258')).toBe('Triết Đảng');
  });

  it('reads bytes that are not UTF-8 as windows-1258 when no --encoding is given, and says it guessed', () => {
    const bytes = Uint8Array.of(...utf8('a,b\nc,'), 0xea, 0xec, 0x0a);
    expect(decodeTextAs(bytes, 'x.csv')).toEqual({ text: 'a,b\nc,ế\n', encoding: 'windows-1258', guessed: true });
    expect(decodeTextAs(utf8('a,ế\n'), 'x.csv')).toEqual({ text: 'a,ế\n', encoding: 'utf-8', guessed: false });
  });

  it('rejects invalid UTF-8 under --encoding utf-8, naming --encoding, the byte and the line', () => {
    const bytes = Uint8Array.of(...utf8('a,b\nc,'), 0xea, 0xec, 0x0a);
    const err = inputError(() => decodeText(bytes, 'x.csv', 'utf-8'));
    expect(err.finding).toEqual({ code: 'invalid-utf8', args: { offset: 6 }, file: 'x.csv', place: { line: 2 } });
    expect(err.message).toContain('--encoding windows-1258');
    expect(err.message).toContain('byte 6');
    expect(err.vi).toContain('--encoding windows-1258');
  });

  it('rejects NUL bytes in a non-UTF-16 file as binary', () => {
    const err = inputError(() => decodeText(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0, 1), 'img.csv'));
    expect(err.finding).toEqual({ code: 'binary-nul', args: { offset: 4 }, file: 'img.csv', place: { line: 1 } });
    // even when an encoding is forced
    expect(inputError(() => decodeText(Uint8Array.of(0x41, 0), 'a.csv', 'windows-1258')).finding.code).toBe('binary-nul');
  });

  it('rejects an odd-length UTF-16 file', () => {
    expect(inputError(() => decodeText(Uint8Array.of(0xff, 0xfe, 0x41), 'a.csv')).finding).toEqual({ code: 'utf16-odd-bytes', args: { bytes: 3 }, file: 'a.csv' });
  });
});

describe('findInvalidUtf8', () => {
  it('accepts valid multi-byte text and finds overlongs, surrogates and truncation', () => {
    expect(findInvalidUtf8(utf8('Đảng 𝔸 €'))).toBe(-1);
    expect(findInvalidUtf8(Uint8Array.of(0x41, 0xc0, 0x80))).toBe(1); // overlong NUL
    expect(findInvalidUtf8(Uint8Array.of(0xed, 0xa0, 0x80))).toBe(0); // UTF-16 surrogate
    expect(findInvalidUtf8(Uint8Array.of(0x41, 0x42, 0xe1, 0xba))).toBe(2); // truncated
    expect(findInvalidUtf8(Uint8Array.of(0xf4, 0x90, 0x80, 0x80))).toBe(0); // > U+10FFFF
  });

  // decoding trusts Node's isUtf8 and a fatal TextDecoder to say "valid", and places errors with findInvalidUtf8
  it('agrees with isUtf8 and a fatal TextDecoder on any bytes', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    const valid = (b: Uint8Array) => {
      try {
        fatal.decode(b);
        return true;
      } catch {
        return false;
      }
    };
    // bytes around every boundary of the UTF-8 tables, and well-formed text with a byte changed
    const edgy = fc.constantFrom(0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff);
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 12 }),
      fc.array(edgy, { maxLength: 12 }).map((a) => Uint8Array.from(a)),
      fc.tuple(fc.string({ unit: 'grapheme' }), fc.nat(), edgy).map(([t, at, b]) => {
        const u = utf8(t);
        if (u.length > 0) u[at % u.length] = b;
        return u;
      }),
    );
    fc.assert(
      fc.property(bytes, (b) => {
        const ok = findInvalidUtf8(b) < 0;
        return isUtf8(b) === ok && valid(b) === ok;
      }),
      { numRuns: 20_000 },
    );
  });
});
