import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { csvRecords } from '../../src/report/csv.js';

// fields made mostly of the characters that decide quoting, so every rule is hit often
const field = fc.oneof(fc.string({ unit: fc.constantFrom('a', 'Ễ', ' ', ',', ';', '"', '\n', '\r', "'", '=', '\t') }), fc.string({ unit: 'grapheme' }));
const records = fc.array(fc.array(field, { maxLength: 6 }), { maxLength: 5 });

describe('csvRecords', () => {
  it('writes what csv-stringify writes when line breaks are quoted, in both forms (plain and --excel), with and without a BOM', () => {
    fc.assert(
      fc.property(records, fc.boolean(), fc.boolean(), (rs, excel, bom) => {
        const delimiter = excel ? ';' : ',';
        const recordDelimiter = excel ? '\r\n' : '\n';
        expect(csvRecords(rs, { delimiter, recordDelimiter, bom })).toBe(stringify(rs, { bom, delimiter, record_delimiter: recordDelimiter, quote_record_delimiter: true }));
      }),
      { numRuns: 2000 },
    );
  });

  it('quotes a field with the delimiter, a quote or a line break (a lone CR or LF too), and only those', () => {
    expect(csvRecords([['a,b', 'a;b', 'say "hi"', 'x\ny', 'x\ry', 'plain', '']], { delimiter: ',', recordDelimiter: '\n', bom: false })).toBe(
      '"a,b",a;b,"say ""hi""","x\ny","x\ry",plain,\n',
    );
  });

  it('reads back as the same records: a line break inside a field never starts a new row', () => {
    const rows = [['Tên môn', 'Số tiết'], ['Triết học\nMác – Lênin', '45'], ['Kinh tế\rchính trị', '30'], ['a;b,"c"', '']];
    for (const excel of [false, true]) {
      const delimiter = excel ? ';' : ',';
      const text = csvRecords(rows, { delimiter, recordDelimiter: excel ? '\r\n' : '\n', bom: false });
      expect(parse(text, { delimiter })).toEqual(rows);
    }
  });
});
