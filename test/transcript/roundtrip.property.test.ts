// Property: any table written as CSV with any of the three delimiters (quoted as needed) reads back the same.

import fc from 'fast-check';
import '../fast-check-seed.js';
import { describe, expect, it } from 'vitest';
import { displayName } from '../../src/text/normalize.js';
import { parseTranscript } from '../../src/transcript/parse.js';
import { isSectionOrTotalName, isSummaryName } from '../../src/transcript/rows.js';

const delimiter = fc.constantFrom(',', ';', '\t');
// names: Vietnamese letters, spaces, punctuation that needs quoting, quotes and newlines
const nameChar = fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậếềểễệốồổỗộớờởỡợứừửữựĐẢ ,;\t"\n-()1'.split(''));
const name = fc
  .array(nameChar, { minLength: 1, maxLength: 30 })
  .map((cs) => cs.join(''))
  // a name must read as a course (not a total/section/summary line, not empty after trimming)
  .filter((s) => /[a-zđăâêôơư]/iu.test(s.normalize('NFD')) && !isSectionOrTotalName(s) && !isSummaryName(s));
const credits = fc.option(fc.integer({ min: 0, max: 20 }).chain((i) => fc.constantFrom(i, i + 0.5)), { nil: undefined });
const row = fc.record({ name, credits });

function cell(text: string, d: string): string {
  return /[",;\t\n\r]/u.test(text) || text !== text.trim() || text === '' ? `"${text.replaceAll('"', '""')}"` : text;
}

function number(n: number | undefined, d: string): string {
  if (n === undefined) return '';
  // decimal comma unless the delimiter is a comma (then it must be quoted anyway: use a point)
  return d === ',' ? String(n) : String(n).replace('.', ',');
}

describe('CSV round trip', () => {
  it('names and credits survive any delimiter and quoting', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), delimiter, fc.boolean(), (rows, d, crlf) => {
        const nl = crlf ? '\r\n' : '\n';
        const lines = [['STT', 'Tên học phần', 'Số tín chỉ'].join(d)];
        rows.forEach((r, i) => lines.push([String(i + 1), cell(r.name, d), number(r.credits, d)].join(d)));
        const t = parseTranscript(new TextEncoder().encode(lines.join(nl) + nl), 'p.csv');
        expect(t.rows.map((r) => [r.name, r.credits])).toEqual(rows.map((r) => [displayName(r.name), r.credits]));
        expect(t.rows.map((r) => r.id)).toEqual(rows.map((_, i) => i + 1));
      }),
      { numRuns: 300 },
    );
  });
});
