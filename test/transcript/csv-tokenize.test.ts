// The batch's small CSV tokenizer against csv-parse (the reference) on every fixture, the fuzz corpus and random
// text: the same records and lines wherever csv-parse accepts the text, and null (csv-parse then words the
// error) wherever it throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../fast-check-seed.js';
import { prng } from '../../src/bench/generate.js';
import { DELIMITERS, readCsvRecords, referenceCsvRecords, type Delimiter } from '../../src/transcript/csv.js';
import { tokenizeCsv } from '../../src/transcript/csv-tokenize.js';
import { decodeText } from '../../src/transcript/decode.js';
import { dossierFiles, FIXTURES, KINDS } from '../fuzz/inputs.js';

/** The reference's records, or 'error'. */
function reference(text: string, d: Delimiter) {
  try {
    return referenceCsvRecords(text, 'f.csv', d);
  } catch {
    return 'error';
  }
}

/**
 * The tokenizer gives the reference's records, or null where the reference throws. `declines` allows null on
 * rare accepted text too (a second quoted part after an empty one): the reference is then asked, as in use.
 */
function same(text: string, declines = false): void {
  for (const d of DELIMITERS) {
    const fast = tokenizeCsv(text, d);
    const ref = reference(text, d);
    const shown = JSON.stringify(text.slice(0, 200));
    if (ref === 'error') expect(fast, shown).toBeNull();
    else if (!(declines && fast === null)) expect(fast, shown).toEqual(ref);
  }
}

/** Text as the transcript reader hands it over (decoded, line ends normalised), or the bytes read as UTF-8. */
function textOf(bytes: Uint8Array): string {
  let text: string;
  try {
    text = decodeText(bytes, 'f.csv');
  } catch {
    text = new TextDecoder().decode(bytes);
  }
  return text.replace(/\r\n?/gu, '\n');
}

describe('CSV tokenizer = csv-parse', () => {
  it('on every fixture file, under each delimiter', () => {
    expect(FIXTURES.length).toBeGreaterThan(20);
    for (const f of FIXTURES) same(textOf(f.bytes));
  });

  it('on the fuzz corpus (random bytes, fixture mutations, grammar CSV, JSON, metadata)', () => {
    const r = prng(20261127);
    let files = 0;
    for (let i = 0; i < 500; i++) {
      for (const bytes of Object.values(dossierFiles(KINDS[i % KINDS.length]!, r, Math.floor(i / KINDS.length)))) {
        same(textOf(bytes));
        files++;
      }
    }
    expect(files).toBeGreaterThan(500);
  }, 120_000);

  it('on random text made of the characters that matter (quotes, delimiters, blanks, line ends; it may decline)', () => {
    const ch = fc.constantFrom('a', 'é', '"', '""', ',', ';', '\t', ' ', '\n', '\n\n', '\f', '\u00a0', '\uFEFF', '\0', ' \n', '\t\n');
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 40 }), (parts) => {
        same(parts.join(''), true);
      }),
      { numRuns: 10000 },
    );
  }, 60_000);

  it('keeps the line each record starts on, after blank lines and quoted line breaks', () => {
    const text = '\n  \nTên,TC\n\n"Triết\nhọc",3\n,,\n \f\nx,1\n"",\n';
    expect(readCsvRecords(text, 'f.csv', ',')).toEqual([
      { line: 3, cells: ['Tên', 'TC'] },
      { line: 5, cells: ['Triết\nhọc', '3'] },
      { line: 8, cells: ['x', '1'] },
    ]);
    same(text);
  });

  it('leaves the errors to csv-parse: a quote never closed, text after a closing quote', () => {
    for (const text of ['a,"b\n', 'a,"b"c\n', '"a" "b"\n', '"" "a"']) {
      expect(tokenizeCsv(text, ',')).toBeNull();
      expect(() => readCsvRecords(text, 'f.csv', ',')).toThrow();
    }
  });
});
