// End to end over fixtures/dossiers/sample: in-process runs of `llct batch`, and the built bin for --jobs.

import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFolder } from '../../src/bench/generate.js';
import { runIn, spawnBin, type Ran } from '../cli/helpers.js';

const SAMPLE = 'fixtures/dossiers/sample';
const tmp = mkdtempSync(join(tmpdir(), 'llct-batch-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const csv = (file: string): Record<string, string>[] => parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];

/** Expected summary: dossier → [highest passed, sơ cấp verdict, periods, lessons, error code]. */
const EXPECTED: [string, string, string, string, string, string][] = [
  ['01-pre2008-lanh-dao', 'so-cap', 'PASS', '330', '16', ''],
  ['02-tin-chi-quy-hoach', 'so-cap', 'PASS', '150', '16', ''],
  ['03-json-2019', 'so-cap', 'PASS', '165', '16', ''],
  ['04-bang-hai', 'so-cap', 'PASS', '150', '16', ''],
  ['05-lien-thong', '', 'FAIL', '105', '10', ''],
  ['06-giao-duc-nghe', '', 'FAIL', '75', '6', ''],
  ['07-thieu-tin-chi', '', 'REVIEW', '105', '10', ''],
  ['08-hoc-lai', 'so-cap', 'PASS', '150', '16', ''],
  ['09-tieng-anh', 'so-cap', 'PASS', '165', '16', ''],
  ['10-metadata-sai', '', '', '', '', 'metadata-invalid'],
  ['11-csv-hong', '', '', '', '', 'transcript-invalid'],
  ['12-chua-co-bang-diem', '', '', '', '', 'no-transcript'],
  ['13-sai-bang-ma', 'so-cap', 'PASS', '150', '16', ''],
  ['14-diem-4-5', '', 'REVIEW', '105', '10', ''],
  ['15-nop-sau-2021', 'so-cap', 'PASS', '150', '16', ''],
  ['nguyen-thi-lan.csv', 'so-cap', 'PASS', '165', '16', ''],
];

/** Expected statistics: row id → dossiers, confirmed, so_cap, trung_cap, cao_cap, review, not_evaluated. */
const STATISTICS: Record<string, number[]> = {
  category: [16, 9, 9, 0, 0, 2, 3],
  'category.leader': [5, 3, 3, 0, 0, 1, 1],
  'category.leader.party-member': [4, 2, 2, 0, 0, 1, 1],
  'category.leader.not-party-member': [1, 1, 1, 0, 0, 0, 0],
  'category.leader.party-not-stated': [0, 0, 0, 0, 0, 0, 0],
  'category.planned': [3, 2, 2, 0, 0, 1, 0],
  'category.planned.party-member': [2, 1, 1, 0, 0, 1, 0],
  'category.planned.not-party-member': [1, 1, 1, 0, 0, 0, 0],
  'category.planned.party-not-stated': [0, 0, 0, 0, 0, 0, 0],
  'category.other': [6, 3, 3, 0, 0, 0, 1],
  'category.not-stated': [2, 1, 1, 0, 0, 0, 1],
  'second-degree': [2, 2, 2, 0, 0, 0, 0],
  'second-degree.outside': [1, 1, 1, 0, 0, 0, 0],
  'second-degree.inside': [1, 1, 1, 0, 0, 0, 0],
  'second-degree.journalism-academy': [0, 0, 0, 0, 0, 0, 0],
  process: [16, 9, 9, 0, 0, 2, 3],
  'process.commission': [11, 5, 5, 0, 0, 2, 2],
  'process.commission.batch': [7, 2, 2, 0, 0, 1, 2],
  'process.commission.on-request': [4, 3, 3, 0, 0, 1, 0],
  'process.training-institution': [0, 0, 0, 0, 0, 0, 0],
  'process.self': [3, 3, 3, 0, 0, 0, 0],
  'process.not-stated': [2, 1, 1, 0, 0, 0, 1],
  'confirming-body': [16, 9, 9, 0, 0, 2, 3],
  'confirming-body.district-centre': [12, 6, 6, 0, 0, 2, 2],
  'confirming-body.provincial-school': [1, 1, 1, 0, 0, 0, 0],
  'confirming-body.national-academy': [0, 0, 0, 0, 0, 0, 0],
  'confirming-body.regional-academy-1': [1, 1, 1, 0, 0, 0, 0],
  'confirming-body.regional-academy-2': [0, 0, 0, 0, 0, 0, 0],
  'confirming-body.regional-academy-3': [0, 0, 0, 0, 0, 0, 0],
  'confirming-body.regional-academy-4': [0, 0, 0, 0, 0, 0, 0],
  'confirming-body.journalism-academy': [0, 0, 0, 0, 0, 0, 0],
  'confirming-body.not-stated': [2, 1, 1, 0, 0, 0, 1],
};

describe('llct batch --out over the sample dossiers', () => {
  const out = join(tmp, 'out');
  let ran: Ran;
  beforeAll(async () => {
    ran = await runIn(['batch', SAMPLE, '--out', out, '--jobs', '1']);
  });

  it('exits 2 because some dossiers could not be evaluated, after writing every output', () => {
    expect(ran.code).toBe(2);
    expect(ran.stdout).toBe('');
    expect(ran.stderr).toContain('3/16 hồ sơ không đánh giá được; xem cột error trong summary.csv');
    // no per-dossier files by default: every dossier's report is a line of reports.jsonl
    expect(readdirSync(out).sort()).toEqual(['.llct-manifest.json', 'index.html', 'reports.jsonl', 'review.csv', 'review.xlsx', 'statistics.csv', 'statistics.txt', 'statistics.xlsx', 'summary.csv', 'summary.json', 'summary.xlsx', 'unmatched.csv']);
  });

  it('writes one summary row per dossier, in order, with the expected verdicts', () => {
    const rows = csv(join(out, 'summary.csv'));
    expect(rows.map((r) => [r.dossier, r.highest_passed, r.so_cap_verdict, r.so_cap_periods, r.so_cap_lessons, r.error_code])).toEqual(EXPECTED);
    expect(rows.map((r) => r.no)).toEqual(EXPECTED.map((_, i) => String(i + 1)));
  });

  it('fills the details of the summary row', () => {
    const rows = csv(join(out, 'summary.csv'));
    const by = (d: string) => rows.find((r) => r.dossier === d)!;
    expect(by('01-pre2008-lanh-dao')).toMatchObject({ id: 'LS-2019-001', name: 'Hoàng Văn Đức', as_of: '2019-03-15', trung_cap_verdict: 'FAIL', cao_cap_verdict: 'FAIL' });
    expect(by('03-json-2019')).toMatchObject({ name: 'Lê Văn Cường', id: 'LS-2020-003' });
    expect(by('04-bang-hai').files).toBe('04-bang-hai/1-cao-dang-lien-thong.csv; 04-bang-hai/2-van-bang-hai.csv');
    expect(by('05-lien-thong').so_cap_shortfall).toBe('Còn thiếu 39 tiết và 3 bài so với mức tối thiểu.');
    expect(by('07-thieu-tin-chi')).toMatchObject({ so_cap_periods_optimistic: '225', so_cap_shortfall: expect.stringContaining('Cần xem xét dòng 3, 4.') });
    expect(by('08-hoc-lai').rows).toBe('6');
    expect(by('15-nop-sau-2021').warnings).toContain('outside-effective-period');
    expect(by('nguyen-thi-lan.csv')).toMatchObject({ as_of: '2021-01-15', warnings: 'no-metadata' });
    expect(by('10-metadata-sai').error).toContain('$.category');
    expect(by('12-chua-co-bang-diem')).toMatchObject({ name: 'Bế Văn Hùng', warnings: 'ignored-files: don-de-nghi.pdf' });
    expect(by('12-chua-co-bang-diem').error).toContain('chỉ có: don-de-nghi.pdf');
    // a windows-1258 file (Excel's "CSV" on Vietnamese Windows) is read without --encoding, and the row says so
    expect(by('13-sai-bang-ma')).toMatchObject({ error_code: '', warnings: 'encoding-guessed', name: 'Trần Thị Bình' });
  });

  it('writes the statistics table that matches the PASS results and metadata, cell by cell', () => {
    const rows = csv(join(out, 'statistics.csv'));
    const cols = ['dossiers', 'confirmed', 'so_cap', 'trung_cap', 'cao_cap', 'review', 'not_evaluated'];
    expect(Object.fromEntries(rows.map((r) => [r.row, cols.map((c) => Number(r[c]))]))).toEqual(STATISTICS);
    expect(readFileSync(join(out, 'statistics.txt'), 'utf8')).toContain('KẾT QUẢ XÁC NHẬN TRÌNH ĐỘ LÝ LUẬN CHÍNH TRỊ');
  });

  it('writes summary.json with every dossier exactly once, totals, statistics and unmatched names', () => {
    const doc = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(doc.schemaVersion).toBe(2);
    expect(doc.dossiers.map((d: { dossier: string }) => d.dossier)).toEqual(EXPECTED.map((e) => e[0]));
    expect(doc.totals).toMatchObject({ dossiers: 16, evaluated: 13, notEvaluated: 3, passed: 9, review: 2 });
    expect(doc.statistics.rows).toHaveLength(Object.keys(STATISTICS).length);
  });

  it('writes reports.jsonl: one lean JSON record per dossier, in batch order, each under 5 KiB', () => {
    const lines = readFileSync(join(out, 'reports.jsonl'), 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    const records = lines.map((l) => JSON.parse(l));
    expect(records.map((r) => r.dossier)).toEqual(EXPECTED.map((e) => e[0]));
    for (const l of lines) expect(Buffer.byteLength(l)).toBeLessThan(5 * 1024);
    const ok = records.find((r) => r.dossier === '04-bang-hai');
    expect(ok).toMatchObject({ schemaVersion: 2, metadata: { secondDegreePlace: 'ngoai-he-thong' }, report: { schemaVersion: 3 } });
    expect(ok.report.rows.length + ok.report.unmatched.length).toBe(6);
    // ids, never words: no {vi, en} pair anywhere in a lean report (a failed dossier's one error line has both)
    expect(records.filter((r) => JSON.stringify(r.report).includes('"vi":')).map((r) => r.dossier)).toEqual([]);
    const bad = records.find((r) => r.dossier === '11-csv-hong');
    expect(bad).toMatchObject({ error: { code: 'transcript-invalid' }, report: null });
  });

  it('lists unmatched course names with the number of dossiers', () => {
    const rows = csv(join(out, 'unmatched.csv'));
    const giaiTich = rows.find((r) => r.key === 'giai tich 1')!;
    expect(giaiTich).toMatchObject({ example: 'Giải tích 1', dossiers: '5' });
    expect(rows.some((r) => r.key.includes('triet hoc mac lenin'))).toBe(false);
  });

  it('refuses a non-empty --out without --force, and replaces it with --force', async () => {
    const again = await runIn(['batch', SAMPLE, '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
    const forced = await runIn(['batch', SAMPLE, '--out', out, '--force', '--quiet']);
    expect(forced.code).toBe(2);
    expect(forced.stderr).toBe('');
    expect(csv(join(out, 'summary.csv'))).toHaveLength(16);
  });
});

describe('llct batch --out --reports (per-dossier files on request)', () => {
  const out = join(tmp, 'with-reports');
  let ran: Ran;
  beforeAll(async () => {
    ran = await runIn(['batch', SAMPLE, '--out', out, '--jobs', '1', '--quiet', '--reports', 'text,html,json', '--json-form', 'full']);
  });

  it('writes a JSON, a text and an HTML report per dossier beside reports.jsonl', () => {
    expect(ran.code).toBe(2);
    const files = readdirSync(join(out, 'reports')).sort();
    expect(files).toEqual(EXPECTED.flatMap(([d]) => [`${d}.json`, `${d}.txt`, `${d}.html`]).sort());
    const ok = JSON.parse(readFileSync(join(out, 'reports', '04-bang-hai.json'), 'utf8'));
    expect(ok.metadata.secondDegreePlace).toBe('ngoai-he-thong');
    // --json-form full: the verbose report, every name written out
    expect(ok.report.schemaVersion).toBe(2);
    expect(ok.report.rows.length).toBe(6);
    expect(ok.report.programs[0].name.vi).toBeTruthy();
    const bad = JSON.parse(readFileSync(join(out, 'reports', '11-csv-hong.json'), 'utf8'));
    expect(bad).toMatchObject({ error: { code: 'transcript-invalid' }, report: null });
    expect(readFileSync(join(out, 'reports', '01-pre2008-lanh-dao.txt'), 'utf8')).toContain('Hoàng Văn Đức');
  });

  it('writes each dossier’s JSON file as its line of reports.jsonl', () => {
    const lines = readFileSync(join(out, 'reports.jsonl'), 'utf8').split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(16);
    for (const [i, [d]] of EXPECTED.entries()) expect(readFileSync(join(out, 'reports', `${d}.json`), 'utf8')).toBe(`${lines[i]}\n`);
  });

  it('a later run without --reports removes those files (ours, in the manifest) and the empty reports folder', async () => {
    const again = await runIn(['batch', SAMPLE, '--out', out, '--jobs', '1', '--quiet', '--force']);
    expect(again.code).toBe(2);
    expect(existsSync(join(out, 'reports'))).toBe(false);
    expect(readdirSync(out)).toContain('reports.jsonl');
  });

  it('refuses --reports without --out, and an unknown report format', async () => {
    const noOut = await runIn(['batch', SAMPLE, '--reports', 'text']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--reports cần --out');
    const bad = await runIn(['batch', SAMPLE, '--out', join(tmp, 'never'), '--reports', 'text,pdf']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"pdf" không phải định dạng tệp báo cáo');
    expect(existsSync(join(tmp, 'never'))).toBe(false);
  });
});

describe('lean records of generated dossiers', () => {
  it('stay under 5 KiB for transcripts of up to 40 rows, and the outputs under 10 KB per dossier', async () => {
    const input = join(tmp, 'generated');
    const out = join(tmp, 'generated-out');
    await generateFolder(input, 60, 1);
    expect((await runIn(['batch', input, '--out', out, '--jobs', '1', '--quiet'])).code).toBe(2);
    const lines = readFileSync(join(out, 'reports.jsonl'), 'utf8').split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(60);
    const sized = lines.map((l) => {
      const r = JSON.parse(l);
      return { bytes: Buffer.byteLength(l) + 1, rows: r.report ? r.report.rows.length + r.report.unmatched.length : 0 };
    });
    expect(Math.max(...sized.map((x) => x.rows))).toBeGreaterThanOrEqual(38);
    for (const x of sized.filter((y) => y.rows <= 40)) expect(x.bytes).toBeLessThanOrEqual(5 * 1024);
    const total = readdirSync(out).reduce((n, f) => n + readFileSync(join(out, f)).length, 0);
    expect(total / 60).toBeLessThan(10_000);
  }, 60_000);
});

describe('llct batch without --out', () => {
  it('prints the summary as CSV, JSON or text on stdout', async () => {
    const c = await runIn(['batch', SAMPLE, '--format', 'csv', '--quiet']);
    expect(c.code).toBe(2);
    expect(parse(c.stdout, { columns: true })).toHaveLength(16);
    const j = await runIn(['batch', SAMPLE, '--format', 'json', '--quiet']);
    expect(JSON.parse(j.stdout).dossiers).toHaveLength(16);
    const t = await runIn(['batch', SAMPLE, '--lang', 'en', '--quiet']);
    expect(t.stdout).toContain(' 1. 01-pre2008-lanh-dao (Hoàng Văn Đức, LS-2019-001): Highest:');
    expect(t.stdout).toContain('16 dossiers in total: 13 evaluated (9 passed at least one level), 3 could not be evaluated.');
    const v = await runIn(['batch', SAMPLE]);
    expect(v.stderr).toBe('3/16 hồ sơ không đánh giá được; xem các dòng LỖI ở trên\n');
  });

  it('exits 0 when every dossier was evaluated, whatever the verdicts', async () => {
    const dir = join(tmp, 'good');
    for (const d of ['01-pre2008-lanh-dao', '05-lien-thong', '07-thieu-tin-chi']) cpSync(join(SAMPLE, d), join(dir, d), { recursive: true });
    const r = await runIn(['batch', dir, '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('refuses an --out inside the input folder', async () => {
    const dir = join(tmp, 'in');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.csv'), readFileSync(join(SAMPLE, 'nguyen-thi-lan.csv')));
    const r = await runIn(['batch', dir, '--out', join(dir, 'results')]);
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, 'results'))).toBe(false);
  });

  it('gives a usage error for a bad --jobs or --level', async () => {
    expect((await runIn(['batch', SAMPLE, '--jobs', '0'])).code).toBe(2);
    expect((await runIn(['batch', SAMPLE, '--level', 'dai-hoc'])).stderr).toContain('dai-hoc');
  });
});

describe('llct batch on worker threads (built bin)', () => {
  it('writes byte-identical files with --jobs 1 and --jobs 4', () => {
    const one = join(tmp, 'jobs1');
    const four = join(tmp, 'jobs4');
    const a = spawnBin(['batch', SAMPLE, '--out', one, '--jobs', '1', '--as-of', '2020-01-01', '--reports', 'json,text,html']);
    const b = spawnBin(['batch', SAMPLE, '--out', four, '--jobs', '4', '--as-of', '2020-01-01', '--reports', 'html,text,json']);
    expect([a.code, b.code]).toEqual([2, 2]);
    const list = (dir: string): string[] =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.includes('.') && f !== '.llct-manifest.json').sort();
    expect(list(four)).toEqual(list(one));
    expect(list(one)).toHaveLength(11 + 48);
    for (const f of list(one)) expect(readFileSync(join(four, f)), f).toEqual(readFileSync(join(one, f)));
  }, 60_000);
});
