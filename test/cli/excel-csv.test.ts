// CSV with --excel is for a person opening it in Excel: the workbook's titles and words in the report's language.
// Plain CSV (no --excel) keeps the stable English column ids for machines.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIn } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'llct-excel-csv-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ERA = 'fixtures/transcripts/era-2019.csv';
const ASOF = ['--as-of', '2020-01-01'];
const excelRows = (text: string) => parse(text.replace(/^\uFEFF/u, ''), { delimiter: ';', skip_empty_lines: true }) as string[][];
const plainRows = (text: string) => parse(text, { skip_empty_lines: true }) as string[][];
/** a cell as a number either way it is written: "97,5" (Excel) or "97.5" (plain) */
const numeric = (c: string) => (/^-?\d+(?:[.,]\d+)?$/u.test(c) ? Number(c.replace(',', '.')) : c);

describe('check --format csv --excel', () => {
  it('has Vietnamese titles and words with --lang vi, and the same figures as the plain CSV', async () => {
    const people = excelRows((await runIn(['check', ERA, ...ASOF, '--excel'])).stdout);
    const plain = plainRows((await runIn(['check', ERA, ...ASOF, '--format', 'csv'])).stdout);
    expect(people[0]!.slice(0, 2)).toEqual(['Chương trình', 'Kết quả']);
    expect(people[0]).toContain('Các bài còn thiếu');
    expect(plain[0]!.slice(0, 2)).toEqual(['program_id', 'program_verdict']);
    expect(people.length).toBe(plain.length);
    expect(plain[1]!.slice(0, 2)).toEqual(['so-cap', 'PASS']);
    const at = (id: string) => plain[0]!.indexOf(id);
    for (let i = 1; i < plain.length; i++) {
      const [p, q] = [people[i]!, plain[i]!];
      const names = { 'so-cap': 'Sơ cấp lý luận chính trị', 'trung-cap': 'Trung cấp lý luận chính trị – hành chính', 'cao-cap': 'Cao cấp lý luận chính trị' } as Record<string, string>;
      const words = { PASS: 'ĐẠT', FAIL: 'KHÔNG ĐẠT', REVIEW: 'CẦN XEM XÉT' } as Record<string, string>;
      expect(p[at('program_id')]).toBe(names[q[at('program_id')]!]);
      expect(p[at('program_verdict')]).toBe(words[q[at('program_verdict')]!]);
      for (const id of ['program_periods_counted', 'periods_counted', 'periods_missing', 'lessons_covered', 'subject_id', 'subject_name', 'missing_lessons']) {
        expect(numeric(p[at(id)]!)).toEqual(numeric(q[at(id)]!));
      }
    }
  });

  it('has English titles and words with --lang en', async () => {
    const people = excelRows((await runIn(['check', ERA, ...ASOF, '--excel', '--lang', 'en'])).stdout);
    expect(people[0]!.slice(0, 2)).toEqual(['Program', 'Verdict']);
    expect(people[1]![0]).toBe('Elementary political theory (sơ cấp)');
  });

  it('writes the subject pass in words under the per-subject policy', async () => {
    const people = excelRows((await runIn(['check', 'fixtures/transcripts/llct-major.csv', '--excel'])).stdout);
    const plain = plainRows((await runIn(['check', 'fixtures/transcripts/llct-major.csv', '--format', 'csv'])).stdout);
    const col = plain[0]!.indexOf('subject_pass');
    expect(people[0]![col]).toBe('Môn đạt');
    const words = { true: 'đạt', false: 'chưa đạt', '': '' } as Record<string, string>;
    expect(people.slice(1).map((r) => r[col])).toEqual(plain.slice(1).map((r) => words[r[col]!]));
    expect(plain.slice(1).some((r) => r[col] === 'true')).toBe(true);
  });
});

describe('batch --out --excel', () => {
  const input = join(tmp, 'ho-so');
  const people = join(tmp, 'kq-excel');
  const machine = join(tmp, 'kq-plain');
  beforeAll(async () => {
    cpSync('fixtures/dossiers/sample', input, { recursive: true });
    await runIn(['batch', input, '-o', people, '--excel', '--jobs', '1', '-q']);
    await runIn(['batch', input, '-o', machine, '--jobs', '1', '-q']);
  });
  const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');

  it('summary.csv has the workbook titles, verdicts in words and dates as dd/mm/yyyy; the plain one keeps ids', () => {
    const p = excelRows(read(people, 'summary.csv'));
    const q = plainRows(read(machine, 'summary.csv'));
    expect(p[0]!.slice(0, 4)).toEqual(['STT', 'Hồ sơ', 'Mã cán bộ', 'Họ và tên']);
    expect(p[0]).toContain('Sơ cấp lý luận chính trị: kết quả');
    expect(q[0]!.slice(0, 4)).toEqual(['no', 'dossier', 'id', 'name']);
    expect(p.length).toBe(q.length);
    const verdict = q[0]!.indexOf('so_cap_verdict');
    const asOf = q[0]!.indexOf('as_of');
    const words = { PASS: 'ĐẠT', FAIL: 'KHÔNG ĐẠT', REVIEW: 'CẦN XEM XÉT', '': '' } as Record<string, string>;
    for (let i = 1; i < q.length; i++) {
      expect(p[i]![1]).toBe(q[i]![1]);
      expect(p[i]![verdict]).toBe(words[q[i]![verdict]!]);
      const [y, m, d] = q[i]![asOf]!.split('-');
      if (q[i]![asOf]) expect(p[i]![asOf]).toBe(`${d}/${m}/${y}`);
    }
  });

  it('statistics.csv, unmatched.csv and review.csv have Vietnamese titles', () => {
    expect(excelRows(read(people, 'statistics.csv'))[0]![0]).toBe('Nội dung');
    expect(plainRows(read(machine, 'statistics.csv'))[0]!.slice(0, 2)).toEqual(['row', 'label']);
    expect(excelRows(read(people, 'unmatched.csv'))[0]!.slice(0, 4)).toEqual(['Tên chuẩn hoá', 'Tên trong bảng điểm', 'Số hồ sơ', 'Gợi ý 1']);
    expect(excelRows(read(people, 'review.csv'))[0]!.slice(0, 2)).toEqual(['Hồ sơ', 'Người học']);
    expect(excelRows(read(machine, 'review.csv'))[0]!.slice(0, 2)).toEqual(['dossier', 'person']);
  });

  it('a review.csv with Vietnamese titles, filled in, reads back with --decisions like the one with ids', async () => {
    const fill = (dir: string, out: string) => {
      const rows = excelRows(read(dir, 'review.csv'));
      const head = rows[0]!;
      const line = rows.findIndex((r) => r[0] === '07-thieu-tin-chi' && r[6] === '4');
      expect(line).toBeGreaterThan(0);
      const action = head.indexOf(head.includes('action') ? 'action' : 'Quyết định');
      rows[line]!.splice(action, 6, 'số tiết', '45', 'Bảng điểm gốc ghi 3 tín chỉ', 'Nguyễn Văn B', '20/05/2024', 'BB số 12');
      writeFileSync(out, `\uFEFF${stringify(rows, { delimiter: ';', record_delimiter: '\r\n' })}`);
    };
    fill(people, join(tmp, 'qd-vi.csv'));
    fill(machine, join(tmp, 'qd-ids.csv'));
    const a = await runIn(['batch', input, '-o', join(tmp, 'kq-a'), '--jobs', '1', '-q', '--decisions', join(tmp, 'qd-vi.csv')]);
    const b = await runIn(['batch', input, '-o', join(tmp, 'kq-b'), '--jobs', '1', '-q', '--decisions', join(tmp, 'qd-ids.csv')]);
    expect(a.stderr).toBe(b.stderr);
    expect(read(join(tmp, 'kq-a'), 'summary.csv')).toBe(read(join(tmp, 'kq-b'), 'summary.csv'));
    const decided = plainRows(read(join(tmp, 'kq-a'), 'summary.csv'));
    expect(decided.find((r) => r[1] === '07-thieu-tin-chi')![decided[0]!.indexOf('decisions')]).toBe('1');
  });
});
