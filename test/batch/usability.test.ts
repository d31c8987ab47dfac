// The batch's usability fixes, end to end: files that are not read are named, unsupported files get a row, notes
// files do not kill a dossier, metadata syntax errors have line:column, empty folders are refused, Ctrl-C cleans up.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStatistics, statisticsText } from '../../src/batch/statistics.js';
import { etaMs } from '../../src/batch/run-batch.js';
import { progressText } from '../../src/cli/batch.js';
import { generateFolder } from '../../src/bench/generate.js';
import { displayWidth } from '../../src/report/format.js';
import { BIN, ROOT, runIn, type Ran } from '../cli/helpers.js';
import { loadRuleSet } from '../../src/rules/load.js';
import { program, subject } from '../coverage/builders.js';

const SAMPLE = 'fixtures/dossiers/sample';
const tmp = mkdtempSync(join(tmpdir(), 'llct-batch-usability-'));
// the Ctrl-C tests leave folders of thousands of generated dossiers: removing them takes longer than 10 s on a busy machine
afterAll(() => rmSync(tmp, { recursive: true, force: true }), 120_000);

const csv = (file: string): Record<string, string>[] => parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
const TRANSCRIPT = readFileSync(join(SAMPLE, 'nguyen-thi-lan.csv'));

function put(root: string, path: string, data: string | Uint8Array): void {
  const full = join(root, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, data);
}

/** Excel's "Unicode text" export: UTF-16LE with a BOM, tab-separated, saved as .txt. */
function unicodeText(csvText: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csvText.replace(/,/g, '\t'), 'utf16le')]);
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' });
}

describe('files that are not read leave a visible trace', () => {
  const input = join(tmp, 'mixed');
  const out = join(tmp, 'mixed-out');
  let ran: Ran;
  let rows: Record<string, string>[];
  const by = (d: string) => rows.find((r) => r.dossier === d)!;
  beforeAll(async () => {
    put(input, 'a-person/bang-diem.csv', TRANSCRIPT);
    put(input, 'a-person/scan/ho-so.pdf', '%PDF-1.4\n');
    put(input, 'a-person/bằng 2/bang diem 2.csv', TRANSCRIPT);
    put(input, 'a-person/.DS_Store', 'x');
    put(input, 'a-person/Thumbs.db', 'x');
    put(input, 'b.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]));
    put(input, 'scan.pdf', '%PDF-1.4\n');
    put(input, '.DS_Store', 'x');
    put(input, '~$b.xlsx', 'x');
    put(input, 'desktop.ini', 'x');
    put(input, 'c-only-excel/bang-diem.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    put(input, 'c2-excel-and-notes/bang-diem.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    put(input, 'c2-excel-and-notes/ghi-chu.txt', 'Ghi chú\n');
    put(input, 'd-notes/bang-diem.csv', TRANSCRIPT);
    put(input, 'd-notes/ghi-chu.txt', 'Ghi chú: hồ sơ nộp ngày 5/5, còn thiếu bản sao bằng.\nNgười nhận: Lan\n');
    put(input, 'e-only-notes/ghi-chu.txt', 'Ghi chú: chưa có bảng điểm\n');
    put(input, 'f-unicode-text/bang-diem.txt', unicodeText(TRANSCRIPT.toString('utf8')));
    put(input, 'f-unicode-text/ghi chu.txt', 'nộp muộn\n');
    put(input, 'g-broken-txt/bang-diem.csv', TRANSCRIPT);
    put(input, 'g-broken-txt/bang-diem-2.txt', 'Tên học phần\tSố tín chỉ\tĐiểm\nTriết học\tba\t7\n');
    put(input, 'h-metadata/bang-diem.csv', TRANSCRIPT);
    put(input, 'h-metadata/metadata.json', '{ "id": "A", fullName: "B" }\n');
    ran = await runIn(['batch', input, '--out', out, '--jobs', '1', '--reports', 'json,text']);
    rows = csv(join(out, 'summary.csv'));
  });

  it('gives every dossier and every top-level file one row, in name order; hidden and system files stay out', () => {
    expect(rows.map((r) => [r.dossier, r.error_code])).toEqual([
      ['a-person', ''],
      ['b.xlsx', 'transcript-invalid'],
      ['c-only-excel', 'transcript-invalid'],
      ['c2-excel-and-notes', 'transcript-invalid'],
      ['d-notes', ''],
      ['e-only-notes', 'transcript-invalid'],
      ['f-unicode-text', ''],
      ['g-broken-txt', 'transcript-invalid'],
      ['h-metadata', 'metadata-invalid'],
      ['scan.pdf', 'unsupported-file'],
    ]);
    expect(ran.code).toBe(2);
  });

  it('names ignored files and nested transcripts in the warnings (summary.csv and summary.json)', () => {
    expect(by('a-person').warnings).toBe('no-metadata; nested-transcripts: bằng 2/bang diem 2.csv; ignored-files: scan/ho-so.pdf');
    expect(by('a-person').files).toBe('a-person/bang-diem.csv');
    const doc = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(doc.dossiers[0].warnings).toEqual(['no-metadata', 'nested-transcripts: bằng 2/bang diem 2.csv', 'ignored-files: scan/ho-so.pdf']);
  });

  it('does not merge a nested transcript, and says so loudly at the end', () => {
    expect(by('a-person').rows).toBe(String(by('d-notes').rows));
    expect(ran.stderr).toContain('CHÚ Ý: 1 hồ sơ có tệp dạng bảng điểm trong thư mục con, không được đọc (cảnh báo nested-transcripts): a-person');
  });

  it('writes the warnings at the head of the dossier text report', () => {
    const head = readFileSync(join(out, 'reports', 'a-person.txt'), 'utf8').split('\n').slice(0, 3);
    expect(head[0]).toBe('Hồ sơ: a-person');
    expect(head[1]).toContain('KHÔNG được đọc: bằng 2/bang diem 2.csv');
    expect(head[2]).toBe('Tệp không đọc (bỏ qua): scan/ho-so.pdf [ignored-files]');
    expect(JSON.parse(readFileSync(join(out, 'reports', 'a-person.json'), 'utf8')).warnings).toContain('ignored-files: scan/ho-so.pdf');
  });

  it('names the warnings on the text summary line', async () => {
    const t = await runIn(['batch', input, '--quiet']);
    const line = t.stdout.split('\n').find((l) => l.includes('a-person'))!;
    expect(line).toContain('| Cảnh báo: nested-transcripts: bằng 2/bang diem 2.csv; ignored-files: scan/ho-so.pdf');
  });

  it('gives a top-level file that is not a transcript an unsupported-file row with what to do', () => {
    expect(by('scan.pdf').error).toContain('scan.pdf: không phải tệp bảng điểm (.csv, .tsv, .txt, .json, .xlsx, .xls, .ods)');
    expect(by('scan.pdf').warnings).toBe('');
    expect(existsSync(join(out, 'reports', 'scan.pdf.txt'))).toBe(true);
  });

  it('reads workbooks as transcripts: a broken one fails with the file and what to check', () => {
    expect(by('b.xlsx').error).toMatch(/^b\.xlsx: không đọc được bảng tính .*\.xlsx, \.xls hoặc \.ods đầy đủ$/u);
    expect(by('b.xlsx').warnings).toBe('no-metadata');
    expect(by('c-only-excel').error).toContain('c-only-excel/bang-diem.xlsx: không đọc được bảng tính');
    expect(by('c2-excel-and-notes').error).toContain('c2-excel-and-notes/bang-diem.xlsx: không đọc được bảng tính');
  });

  it('leaves a .txt notes file out (with a warning) when the dossier has a transcript, and fails when it is the only file', () => {
    expect(by('d-notes')).toMatchObject({ error_code: '', files: 'd-notes/bang-diem.csv', warnings: 'no-metadata; ignored-txt: ghi-chu.txt', so_cap_verdict: 'PASS' });
    expect(by('e-only-notes').error).toContain('e-only-notes/ghi-chu.txt');
    expect(readFileSync(join(out, 'reports', 'd-notes.txt'), 'utf8')).toContain('ghi-chu.txt [ignored-txt]');
  });

  it('reads Excel "Unicode text" (.txt, UTF-16, tabs) as a transcript; a .txt with a course-name header that breaks fails', () => {
    expect(by('f-unicode-text')).toMatchObject({ files: 'f-unicode-text/bang-diem.txt', warnings: 'no-metadata; ignored-txt: ghi chu.txt', so_cap_verdict: 'PASS' });
    expect(by('g-broken-txt').error).toContain('g-broken-txt/bang-diem-2.txt');
  });

  it('reports a metadata.json syntax error with line:column, in Vietnamese', () => {
    expect(by('h-metadata').error).toBe(
      'h-metadata/metadata.json:1:14: JSON sai cú pháp ở dòng 1, cột 14: thiếu tên thuộc tính trong ngoặc kép ("tên": …); sửa tệp hoặc bỏ tệp đi',
    );
  });
});

describe('a dossier about two people', () => {
  it('is refused (person-mismatch) when metadata.json and the transcript name different people', async () => {
    const input = join(tmp, 'two-people');
    const out = join(tmp, 'two-people-out');
    put(input, 'hs1/bang-diem.csv', `Họ và tên: Trần Thị B\nNgày sinh: 01/01/1990\n${TRANSCRIPT.toString('utf8')}`);
    put(input, 'hs1/metadata.json', JSON.stringify({ id: 'CB-1', fullName: 'Nguyễn Văn A', birthDate: '1980-04-02' }));
    put(input, 'hs2/bang-diem.csv', `Họ và tên: NGUYỄN VĂN A\n${TRANSCRIPT.toString('utf8')}`);
    put(input, 'hs2/metadata.json', JSON.stringify({ fullName: 'Nguyễn Văn A' }));
    const ran = await runIn(['batch', input, '--out', out, '--jobs', '1']);
    expect(ran.code).toBe(2);
    const rows = csv(join(out, 'summary.csv'));
    expect(rows[0]).toMatchObject({ dossier: 'hs1', error_code: 'person-mismatch', highest_passed: '' });
    expect(rows[0]!.error).toMatch(/hs1\/metadata\.json \(Nguyễn Văn A\) và hs1\/bang-diem\.csv \(Trần Thị B\)/);
    expect(rows[1]).toMatchObject({ dossier: 'hs2', error_code: '', highest_passed: 'so-cap' });
  });
});

describe('folders with nothing to check', () => {
  it('refuses an empty batch folder (or one with only hidden files) with one line, exit 2, writing nothing', async () => {
    const empty = join(tmp, 'empty');
    mkdirSync(empty, { recursive: true });
    writeFileSync(join(empty, '.DS_Store'), 'x');
    const out = join(tmp, 'empty-out');
    const r = await runIn(['batch', empty, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^llct: không tìm thấy hồ sơ nào trong .*empty: thư mục trống; [^\n]*\n$/u);
    expect(existsSync(out)).toBe(false);
    expect((await runIn(['batch', empty, '--lang', 'en'])).stderr).toContain('no dossiers found in');
  });

  it('refuses a missing folder or a file with one clear line', async () => {
    const missing = await runIn(['batch', join(tmp, 'no-such-folder')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^llct: .*no-such-folder: không đọc được thư mục: không có tệp hoặc thư mục này; kiểm tra lại đường dẫn\n$/u);
    const file = await runIn(['batch', join(SAMPLE, 'nguyen-thi-lan.csv')]);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('đây là một tệp, không phải thư mục');
    expect(file.stderr.split('\n')).toHaveLength(2);
  });
});

describe('screen forms', () => {
  it('writes the progress rate with the language’s decimal mark', () => {
    const p = { done: 3, total: 10, elapsedMs: 909, rate: 3.3, etaMs: 2121 };
    expect(progressText(p, 'vi')).toBe('Đã xử lý 3/10 hồ sơ · 3,3 hồ sơ/giây · còn khoảng 0:02');
    expect(progressText(p, 'en')).toContain('3.3 dossiers/s');
    expect(progressText({ ...p, rate: 816.4 }, 'vi')).toContain(' 816 hồ sơ/giây');
    expect(progressText({ ...p, etaMs: null }, 'vi')).toBe('Đã xử lý 3/10 hồ sơ · 3,3 hồ sơ/giây');
  });

  it('estimates the time left only once it means something (not from the first, start-up-bound dossiers)', () => {
    expect(etaMs(1, 2000, 900)).toBeNull();
    expect(etaMs(150, 2000, 2000)).toBeNull();
    expect(etaMs(50, 2000, 5000)).toBeNull();
    expect(etaMs(200, 2000, 5000)).toBe(45_000);
    expect(etaMs(2000, 2000, 13_000)).toBeNull();
  });

  it('lays the statistics table out within 120 columns, numbers right-aligned in every column', async () => {
    const levels = [
      program('so-cap', 1, [subject('S', 180, null)], { kind: 'course', minPeriods: 144, minLessons: 13, provenance: { verified: true, source: 't' } }),
      program('trung-cap', 2, [subject('T', 100, null)], { kind: 'per-subject', provenance: { verified: true, source: 't' } }),
      program('cao-cap', 3, [subject('C', 100, null)], { kind: 'per-subject', provenance: { verified: true, source: 't' } }),
    ].map((p, i) => ({ ...p, shortName: [{ vi: 'Sơ cấp', en: 'Elementary' }, { vi: 'Trung cấp', en: 'Intermediate' }, { vi: 'Cao cấp', en: 'Advanced' }][i]! }));
    const layout = (await loadRuleSet()).statistics!;
    const many = Array.from({ length: 12345 }, (_, i) => ({ metadata: { category: 'khac' as const }, evaluated: i % 7 !== 0, highestPassed: i % 3 === 0 ? 'so-cap' : null, review: false }));
    for (const lang of ['vi', 'en'] as const) {
      const text = statisticsText(buildStatistics(many, levels, layout), lang, 'T');
      const lines = text.split('\n');
      for (const l of lines) expect(displayWidth(l), l).toBeLessThanOrEqual(120);
      // every row with numbers ends at the same column (the last column is aligned too)
      const numbered = lines.filter((l) => /\d$/u.test(l));
      expect(new Set(numbered.map(displayWidth)).size).toBe(1);
      expect(numbered.length).toBeGreaterThan(30);
    }
    const vi = statisticsText(buildStatistics(many, levels, layout), 'vi', 'T');
    expect(vi).toContain('Sơ cấp');
    // a long official label wraps onto an indented continuation line instead of widening the table
    expect(vi).toMatch(/\n {4}\S[^\n]*\n/u);
    expect(vi).toContain('(HV CTQG HCM,');
  });
});

describe('leftovers of a killed run', () => {
  it('(a stale lock, a staging folder, temp files) do not make --out count as non-empty, and are removed', async () => {
    const out = join(tmp, 'stale-only');
    put(out, '.llct-lock.json', JSON.stringify({ pid: 2 ** 22 + 7, started: '2021-01-01T00:00:00.000Z' }));
    put(out, '.llct-staging-4242/reports/01-pre2008-lanh-dao.json', 'half');
    put(out, '.llct-4242-0123abcd.tmp', 'half');
    const r = await runIn(['batch', SAMPLE, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Đã gỡ khóa cũ của ${out} do tiến trình ${2 ** 22 + 7} để lại`);
    expect(allFiles(out).filter((f) => f.startsWith('.llct-') && f !== '.llct-manifest.json')).toEqual([]);
  });

  it('are removed by --force beside earlier results, and nothing else of the user is touched', async () => {
    const out = join(tmp, 'stale-force');
    expect((await runIn(['batch', SAMPLE, '--out', out, '--quiet'])).code).toBe(2);
    put(out, '.llct-4242-0123abcd.tmp', 'half');
    put(out, '.llct-staging-4242/summary.csv', 'half');
    put(out, 'ghi-chu-cua-toi.tmp', 'mine');
    put(out, 'reports/ghi-chu.txt', 'mine too');
    expect((await runIn(['batch', SAMPLE, '--out', out])).stderr).toContain('--force');
    expect((await runIn(['batch', SAMPLE, '--out', out, '--force', '--quiet'])).code).toBe(2);
    expect(allFiles(out).filter((f) => f.endsWith('.tmp') || f.includes('staging'))).toEqual(['ghi-chu-cua-toi.tmp']);
    expect(readFileSync(join(out, 'reports/ghi-chu.txt'), 'utf8')).toBe('mine too');
  });
});

/** Run the built bin, send SIGINT once `ready(out)` holds, and wait for the end. */
function interrupt(args: string[], ready: () => boolean): Promise<Ran & { signalled: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' } });
    let stdout = '';
    let stderr = '';
    let signalled = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const poll = setInterval(() => {
      if (!signalled && ready()) {
        signalled = true;
        child.kill('SIGINT');
      }
    }, 5);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ code: code ?? -1, stdout, stderr, signalled });
    });
  });
}

describe('Ctrl-C during a batch (built bin, real SIGINT)', () => {
  for (const jobs of ['1', '2']) {
    it(`stops, leaves no temp files, says so in one line and exits 130 (--jobs ${jobs})`, async () => {
      let count = 600;
      for (let attempt = 0; attempt < 4; attempt++, count *= 3) {
        const input = join(tmp, `gen-${jobs}-${count}`);
        const out = join(tmp, `gen-${jobs}-${count}-out`);
        await generateFolder(input, count, 1);
        const staged = () => (existsSync(out) ? readdirSync(out).filter((f) => f.startsWith('.llct-staging-')) : []).map((f) => join(out, f));
        // some dozens of dossiers written: the staged outputs (reports.jsonl, summaries, index) pass 100 KB
        const bytes = (d: string) => (existsSync(d) ? readdirSync(d).reduce((n, f) => n + (statSync(join(d, f), { throwIfNoEntry: false })?.size ?? 0), 0) : 0);
        const r = await interrupt(['batch', input, '--out', out, '--jobs', jobs], () => staged().some((d) => bytes(d) >= 100_000));
        if (r.code !== 130) {
          // the batch finished before the signal arrived: try again with a bigger folder
          expect(r.code, r.stderr).toBe(2);
          continue;
        }
        expect(r.stderr).toBe(`Đã dừng theo yêu cầu; ${out} được giữ nguyên như trước khi chạy\n`);
        // nothing half-written stays: the folder is as it was (empty), so the next run needs no --force
        expect(allFiles(out)).toEqual([]);
        const again = await interrupt(['batch', input, '--out', out, '--quiet', '--jobs', jobs], () => false);
        expect(again.code).toBe(2);
        expect(csv(join(out, 'summary.csv'))).toHaveLength(count);
        expect(allFiles(out).filter((f) => f.endsWith('.tmp') || f.includes('staging'))).toEqual([]);
        return;
      }
      throw new Error('every batch finished before the signal');
    }, 120_000);
  }
});
