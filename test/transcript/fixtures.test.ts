// The encoding and broken-input fixtures, read through readTranscriptFile as the CLI does.

import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseTranscript } from '../../src/transcript/parse.js';
import { readTranscriptFile } from '../../src/transcript/read-file.js';

const enc = (f: string) => `fixtures/transcripts/encodings/${f}`;
const broken = (f: string) => `fixtures/transcripts/broken/${f}`;

const PROGRAM_2008 = [
  ['Những nguyên lý cơ bản của chủ nghĩa Mác-Lênin', 5, '7.5'],
  ['Tư tưởng Hồ Chí Minh', 2, '8.0'],
  ['Đường lối cách mạng của Đảng Cộng sản Việt Nam', 3, '6.5'],
  ['Giải tích 1', 3, '8.5'],
  ['Pháp luật đại cương', 2, '7.0'],
  ['Vật lý đại cương', 3, '5.5'],
];

describe('encoding fixtures', () => {
  it('windows-1258.csv decodes with --encoding windows-1258 to NFC text', async () => {
    const t = await readTranscriptFile(enc('windows-1258.csv'), { encoding: 'windows-1258' });
    expect(t.rows.map((r) => [r.name, r.credits, r.grade?.text])).toEqual(PROGRAM_2008);
    expect(t.rows.every((r) => r.name === r.name.normalize('NFC'))).toBe(true);
    expect(t.rows[0]).toMatchObject({ code: 'MLN101', grade: { scale: '10' }, source: { line: 4 } });
    expect(t.person).toEqual({ name: 'Trần Thị Bình', birthDate: '12/03/1990' });
    // the file really holds combining tone marks (e.g. "Trần" = T r â U+0300 n), not precomposed letters
    const bytes = readFileSync(enc('windows-1258.csv'));
    expect(bytes.includes(Buffer.from([0x54, 0x72, 0xe2, 0xcc, 0x6e]))).toBe(true);
  });

  it('windows-1258.csv is read without --encoding, with a notice that says so', async () => {
    const t = await readTranscriptFile(enc('windows-1258.csv'));
    expect(t.rows.map((r) => [r.name, r.credits, r.grade?.text])).toEqual(PROGRAM_2008);
    expect(t.notices).toEqual([{ code: 'encoding-guessed', args: { file: enc('windows-1258.csv'), encoding: 'windows-1258' } }]);
  });

  it('windows-1258.csv read with --encoding utf-8 fails naming --encoding', async () => {
    const err = await readTranscriptFile(enc('windows-1258.csv'), { encoding: 'utf-8' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toContain('--encoding windows-1258');
  });

  it('utf16.csv (UTF-16LE, BOM, tabs, CRLF) gives the same rows', async () => {
    const t = await readTranscriptFile(enc('utf16.csv'));
    expect(t.rows.map((r) => [r.name, r.credits, r.grade?.text])).toEqual(PROGRAM_2008);
    expect(t.rows[5]?.source.line).toBe(9);
  });

  it('semicolon-decimal-comma.csv reads decimal commas', async () => {
    const t = await readTranscriptFile(enc('semicolon-decimal-comma.csv'));
    expect(t.rows.map((r) => [r.name, r.credits, r.grade?.text])).toEqual([
      ['Triết học Mác-Lênin', 3, '7,5'],
      ['Kinh tế chính trị Mác-Lênin', 2, '8,0'],
      ['Chủ nghĩa xã hội khoa học', 2, '6,5'],
      ['Lịch sử Đảng Cộng sản Việt Nam', 2, '8,5'],
      ['Tư tưởng Hồ Chí Minh', 2, '9,0'],
      ['Giáo dục thể chất 1', 1.5, '7,0'],
    ]);
  });

  it('utf8-bom.csv: BOM dropped, quoted fields, ĐVHT and given periods', async () => {
    const t = await readTranscriptFile(enc('utf8-bom.csv'));
    expect(t.rows).toHaveLength(6);
    expect(t.rows[0]).toMatchObject({ name: 'Triết học Mác-Lênin', credits: 6, creditUnit: 'dvht', periods: 90, periodsOrigin: 'given' });
    expect(t.rows[5]?.name).toBe('Toán cao cấp, phần 1');
  });

  it('person.json: person block and a complete 2019-on program', async () => {
    const t = await readTranscriptFile('fixtures/transcripts/person.json');
    expect(t.person).toMatchObject({ id: 'SV2019-0457', name: 'Lê Văn Cường', birthDate: '2001-09-15' });
    expect(t.rows.slice(0, 5).map((r) => [r.name, r.credits])).toEqual([
      ['Triết học Mác-Lênin', 3],
      ['Kinh tế chính trị Mác-Lênin', 2],
      ['Chủ nghĩa xã hội khoa học', 2],
      ['Lịch sử Đảng Cộng sản Việt Nam', 2],
      ['Tư tưởng Hồ Chí Minh', 2],
    ]);
  });
});

describe('broken fixtures', () => {
  it.each([
    ['unclosed-quote.csv', { line: 3 }, /quoted field opened on line 3/],
    ['missing-name-column.csv', { line: 1 }, /no course-name column.*'STT', 'Mã HP', 'Số tín chỉ', 'Điểm'/],
    ['binary.csv', { line: 3 }, /binary file/],
    ['invalid-utf8.csv', { line: 2 }, /invalid UTF-8 at byte \d+; .*--encoding windows-1258/],
    ['malformed.json', { line: 4, column: 5 }, /malformed JSON at line 4, column 5: ',' is expected/],
    ['empty.csv', { line: 1 }, /empty file/],
    ['bad-number.csv', { line: 3 }, /"hai" in column 'Số tín chỉ' is not a number/],
    ['json-wrong-type.json', { path: '$.courses[2].credits', line: 15, column: 18 }, /^\$\.courses\[2\]\.credits: expected a non-negative number, got text "hai tín chỉ"/],
  ])('%s → InputError at %j', async (name, place, message) => {
    const file = broken(name);
    // invalid UTF-8 is an error only when UTF-8 is asked for (by default it would be read as windows-1258)
    const err = await readTranscriptFile(file, name === 'invalid-utf8.csv' ? { encoding: 'utf-8' } : {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const e = err as InputError;
    expect(e.file).toBe(file);
    expect(e.place).toEqual(place);
    expect(e.message).toMatch(message);
    expect(e.message).not.toContain('\n');
    expect(e.vi).not.toBe('');
    expect(e.vi).not.toContain('\n');
  });

  it('invalid-utf8.csv is fine as windows-1258', () => {
    const t = parseTranscript(readFileSync(broken('invalid-utf8.csv')), 'x.csv', { encoding: 'windows-1258' });
    expect(t.rows.map((r) => r.name)).toEqual(['Triết học Mác-Lênin', 'Tư tưởng Hồ Chí Minh']);
  });

  it('a whitespace-only file (BOM included) is empty too', () => {
    expect(() => parseTranscript(Uint8Array.of(0xef, 0xbb, 0xbf, 0x20, 0x0a), 'e.csv')).toThrow(/empty file/);
  });
});

describe('readTranscriptFile', () => {
  it('turns a missing file into one line in both languages, with the fix', async () => {
    const err = await readTranscriptFile('fixtures/transcripts/nope.csv').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).file).toBe('fixtures/transcripts/nope.csv');
    expect((err as InputError).message).toBe('cannot read the file: no such file or folder; check the path');
    expect((err as InputError).vi).toBe('không đọc được tệp: không có tệp hoặc thư mục này; kiểm tra lại đường dẫn');
  });

  it('offers the close names in the folder for a mistyped one, and names a missing folder', async () => {
    const err = await readTranscriptFile('fixtures/transcripts/era2019.csv').catch((e: unknown) => e);
    expect((err as InputError).vi).toMatch(/có phải là fixtures\/transcripts\/era-2019\.csv/u);
    const dir = await readTranscriptFile('khong-co/x.csv').catch((e: unknown) => e);
    expect((dir as InputError).vi).toContain('không có thư mục khong-co');
  });

  it('reads `-` from stdin', async () => {
    const original = Object.getOwnPropertyDescriptor(process, 'stdin')!;
    const bytes = readFileSync(enc('utf16.csv'));
    Object.defineProperty(process, 'stdin', { value: Readable.from([bytes.subarray(0, 101), bytes.subarray(101)]), configurable: true });
    try {
      const t = await readTranscriptFile('-');
      expect(t.files).toEqual(['-']);
      expect(t.rows).toHaveLength(6);
      expect(t.rows[0]?.source.file).toBe('-');
    } finally {
      Object.defineProperty(process, 'stdin', original);
    }
  });

  it('names a directory as such', async () => {
    const err = await readTranscriptFile('fixtures/transcripts').catch((e: unknown) => e);
    expect((err as InputError).message).toMatch(/this is a folder, not a transcript file; to check every dossier in it run: llct batch fixtures\/transcripts$/u);
  });
});
