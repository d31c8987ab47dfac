// AtomicFile encodes what it is given as it comes and writes in large pieces: the file holds exactly the UTF-8 of
// the pieces in order, whatever their sizes, wherever a flush falls (inside a run of multi-byte characters too).

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { AtomicFile, writeFileAtomic } from '../../src/file-io.js';
import '../fast-check-seed.js';

const tmp = mkdtempSync(join(tmpdir(), 'llct-atomic-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
/** The bytes AtomicFile writes for these pieces, and the bytes they should be. */
function written(pieces: readonly (string | Uint8Array)[]): { got: Buffer; want: Buffer } {
  const path = join(tmp, `f${n++}`);
  const f = new AtomicFile(path);
  for (const p of pieces) f.write(p);
  f.commit();
  const want = Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
  return { got: readFileSync(path), want };
}

describe('AtomicFile', () => {
  it('the UTF-8 of the pieces in order: short lines, pieces past the flush size and past its buffer, bytes between', () => {
    const line = 'Nguyễn Thị Lan,Triết học Mác – Lênin,3,8 😀\n';
    const pieces: (string | Uint8Array)[] = [];
    for (let i = 0; i < 5000; i++) pieces.push(`${i},${line}`);
    pieces.push('ễ'.repeat(70 * 1024), new Uint8Array([1, 2, 3]), 'a'.repeat(300 * 1024), 'ệ'.repeat(200 * 1024), 'tail\n');
    const { got, want } = written(pieces);
    expect(got.length).toBe(want.length);
    expect(got.equals(want)).toBe(true);
  });

  it('any pieces: text with lone surrogates and astral characters, and bytes (property)', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 3000 }),
      fc.string({ unit: 'grapheme', maxLength: 30000 }),
      fc.uint8Array({ maxLength: 70 * 1024 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const { got, want } = written(pieces);
        expect(got.equals(want)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('writeFileAtomic: a whole file at once', () => {
    const path = join(tmp, 'whole');
    const text = 'Sơ cấp lý luận chính trị\n'.repeat(50_000);
    writeFileAtomic(path, text);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });
});
