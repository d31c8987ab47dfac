import { mkdtemp, readFile, readdir, symlink, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toolVersion } from '../../src/cli/version.js';
import { runIn, ROOT } from './helpers.js';

const ERA = 'fixtures/transcripts/era-2008-2019.csv';
const TRANSFER = 'fixtures/transcripts/transfer-lien-thong.csv';
const MISSING = 'fixtures/transcripts/missing-credits.csv';
const ASOF = ['--as-of', '2021-07-01'];
const ANSI = '\u001b[';

describe('help and version', () => {
  it('--version prints the package version', async () => {
    const r = await runIn(['--version']);
    expect(r).toEqual({ code: 0, stdout: `${toolVersion()}\n`, stderr: '' });
    expect(toolVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('check --help shows real examples and the exit codes', async () => {
    const r = await runIn(['check', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('llct check bang-diem.csv --level so-cap --format json -o ket-qua.json');
    expect(r.stdout).toContain('Mã thoát:');
    expect(r.stdout).toContain('--periods-per-credit <n>');
  });

  it('help follows --lang en', async () => {
    const r = await runIn(['check', '--help', '--lang', 'en']);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('Options:');
  });

  it('rules check --help has examples; llct with no command is a usage error', async () => {
    expect((await runIn(['rules', 'check', '--help'])).stdout).toContain('llct rules check --rules');
    const r = await runIn([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Cách dùng:');
  });
});

describe('usage errors exit 2 with one line', () => {
  const cases: [string, string[], RegExp][] = [
    ['unknown option', ['check', ERA, '--bogus'], /^llct: lỗi: không có tùy chọn '--bogus'/],
    ['unknown level', ['check', ERA, '--level', 'so-cap,dai-hoc'], /^llct: không có chương trình mã dai-hoc trong --level; các mã hợp lệ: so-cap, trung-cap, cao-cap$/m],
    ['bad format', ['check', ERA, '--format', 'xml'], /^llct: lỗi: giá trị 'xml' của tùy chọn '-f, --format <format>' không hợp lệ; chọn một trong: text, json, csv, html, xlsx\./],
    ['bad date', ['check', ERA, '--as-of', '2021-02-30'], /^llct: --as-of cần một ngày dạng DD\/MM\/YYYY hoặc YYYY-MM-DD/],
    ['bad pass mark', ['check', ERA, '--pass-mark', 'năm'], /^llct: --pass-mark cần một số/],
    ['bad periods per credit', ['check', ERA, '--periods-per-credit', '0'], /^llct: --periods-per-credit cần một số tiết dương/],
    ['hex periods per credit', ['check', ERA, '--periods-per-credit', '0x10'], /^llct: --periods-per-credit cần một số tiết dương/],
    ['bad delimiter', ['check', ERA, '--delimiter', '|'], /^llct: --delimiter cần một trong , ; tab/],
    ['bad encoding', ['check', ERA, '--encoding', 'latin9'], /^llct: --encoding cần một trong utf-8/],
    ['excel with json', ['check', ERA, '--excel', '--format', 'json'], /^llct: --excel chỉ dùng với CSV \(đang là json\)/m],
    ['missing file argument', ['check'], /^llct: lỗi: thiếu tham số bắt buộc 'files'/],
    ['stdin twice', ['check', '-', '-'], /^llct: chỉ đọc được đầu vào chuẩn/],
    ['missing file', ['check', 'khong-co.csv'], /^llct: khong-co.csv: không đọc được tệp: không có tệp hoặc thư mục này; kiểm tra lại đường dẫn\n$/],
  ];
  it.each(cases)('%s', async (_name, argv, re) => {
    const r = await runIn(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(re);
  });

  it('speaks English with --lang en', async () => {
    const r = await runIn(['check', ERA, '--level', 'x', '--lang', 'en']);
    expect(r.stderr).toBe('llct: unknown program id in --level: x; valid ids: so-cap, trung-cap, cao-cap\n');
  });
});

describe('exit codes follow the verdicts', () => {
  it('0 when a program passes, 1 when all fail, 3 when none passes but some need review', async () => {
    expect((await runIn(['check', ERA, ...ASOF])).code).toBe(0);
    expect((await runIn(['check', TRANSFER, ...ASOF])).code).toBe(1);
    expect((await runIn(['check', MISSING, ...ASOF])).code).toBe(3);
  });

  it('--level limits the programs checked', async () => {
    const r = await runIn(['check', ERA, ...ASOF, '--level', 'trung-cap,cao-cap', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).programs.map((p: { id: string }) => p.id)).toEqual(['trung-cap', 'cao-cap']);
  });

  it('--format json is the full report (schemaVersion 2); --json-form lean gives the lean one (3) with the same verdicts', async () => {
    const full = JSON.parse((await runIn(['check', ERA, ...ASOF, '--format', 'json'])).stdout);
    const lean = JSON.parse((await runIn(['check', ERA, ...ASOF, '--format', 'json', '--json-form', 'lean'])).stdout);
    expect([full.schemaVersion, lean.schemaVersion]).toEqual([2, 3]);
    expect(lean.programs.map((p: { id: string; verdict: string }) => [p.id, p.verdict])).toEqual(full.programs.map((p: { id: string; verdict: string }) => [p.id, p.verdict]));
    expect(lean.highestPassed).toBe(full.highestPassed?.id ?? null);
    expect(JSON.stringify(lean).length * 5).toBeLessThan(JSON.stringify(full).length);
  });
});

describe('inputs', () => {
  it('"-" reads stdin and gives the same report as the file', async () => {
    const input = await readFile(join(ROOT, ERA));
    const fromStdin = await runIn(['check', '-', ...ASOF, '--format', 'csv'], { input });
    const fromFile = await runIn(['check', ERA, ...ASOF, '--format', 'csv']);
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
  });

  it('merges several files that name nobody only on the officer\'s word (--same-person), and says so', async () => {
    const one = JSON.parse((await runIn(['check', TRANSFER, ...ASOF, '--format', 'json'])).stdout);
    const refused = await runIn(['check', TRANSFER, 'fixtures/transcripts/vocational-gdct.csv', ...ASOF, '--format', 'json']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain('--same-person');
    const r = await runIn(['check', TRANSFER, 'fixtures/transcripts/vocational-gdct.csv', '--same-person', ...ASOF, '--format', 'json']);
    const both = JSON.parse(r.stdout);
    expect(both.files).toEqual([TRANSFER, 'fixtures/transcripts/vocational-gdct.csv']);
    expect(both.rows.length).toBeGreaterThan(one.rows.length);
    expect(both.rows.map((x: { id: number }) => x.id)).toEqual(both.rows.map((_: unknown, i: number) => i + 1));
    expect(both.notices[0]).toMatchObject({ code: 'merged-on-officer-word', args: { files: [TRANSFER, 'fixtures/transcripts/vocational-gdct.csv'] } });
  });

  it('the reference date defaults to today from the CLI clock', async () => {
    const inForce = await runIn(['check', ERA], { now: () => new Date(2020, 5, 15) });
    expect(inForce.stdout).toContain('Ngày tham chiếu: 15/06/2020');
    expect(inForce.stdout).not.toContain('nằm ngoài thời gian áp dụng');
    const after = await runIn(['check', ERA], { now: () => new Date(2025, 0, 2) });
    expect(after.stdout).toContain('Ngày tham chiếu 02/01/2025 nằm ngoài thời gian áp dụng');
  });
});

describe('colour', () => {
  const text = async (argv: string[], over: Parameters<typeof runIn>[1]) => (await runIn(['check', ERA, ...ASOF, ...argv], over)).stdout;
  it('is on for a terminal and off otherwise', async () => {
    expect(await text([], { stdoutIsTTY: true })).toContain(ANSI);
    expect(await text([], { stdoutIsTTY: false })).not.toContain(ANSI);
  });
  it('is off for --no-color, NO_COLOR and TERM=dumb; on for FORCE_COLOR', async () => {
    expect(await text(['--no-color'], { stdoutIsTTY: true })).not.toContain(ANSI);
    expect(await text([], { stdoutIsTTY: true, env: { NO_COLOR: '1' } })).not.toContain(ANSI);
    expect(await text([], { stdoutIsTTY: true, env: { TERM: 'dumb' } })).not.toContain(ANSI);
    expect(await text([], { stdoutIsTTY: false, env: { FORCE_COLOR: '1' } })).toContain(ANSI);
    expect(await text(['--no-color'], { env: { FORCE_COLOR: '1' } })).not.toContain(ANSI);
  });
  it('never colours JSON or CSV', async () => {
    expect(await text(['--format', 'json'], { stdoutIsTTY: true, env: { FORCE_COLOR: '3' } })).not.toContain(ANSI);
    expect(await text(['--format', 'csv'], { stdoutIsTTY: true, env: { FORCE_COLOR: '3' } })).not.toContain(ANSI);
  });
});

describe('-o writes a file', () => {
  it('writes atomically, without colour, and leaves no temp file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'llct-'));
    const out = join(dir, 'ket-qua.txt');
    const r = await runIn(['check', ERA, ...ASOF, '-o', out], { stdoutIsTTY: true, env: { FORCE_COLOR: '1' } });
    expect(r).toMatchObject({ code: 0, stdout: '' });
    const written = await readFile(out, 'utf8');
    expect(written).toContain('Kết luận: tương đương trình độ SƠ CẤP');
    expect(written).not.toContain(ANSI);
    expect(await readdir(dir)).toEqual(['ket-qua.txt']);
  });

  it('an .html name picks the HTML report; --format html prints it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'llct-'));
    const out = join(dir, 'ket-qua.html');
    expect(await runIn(['check', ERA, ...ASOF, '-o', out])).toMatchObject({ code: 0, stdout: '' });
    const written = await readFile(out, 'utf8');
    expect(written.startsWith('<!DOCTYPE html>\n<html lang="vi">')).toBe(true);
    expect(written).toContain('ĐẠT');
    const printed = await runIn(['check', ERA, ...ASOF, '--format', 'html', '--lang', 'en']);
    expect(printed.code).toBe(0);
    expect(printed.stdout.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    // an explicit --format wins over the extension
    await runIn(['check', ERA, ...ASOF, '--format', 'text', '-o', out]);
    expect(await readFile(out, 'utf8')).toContain('Kết luận:');
  });

  it('--excel implies CSV with a BOM and semicolons', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'llct-'));
    const out = join(dir, 'ket-qua.csv');
    expect((await runIn(['check', ERA, ...ASOF, '--excel', '-o', out])).code).toBe(0);
    const written = await readFile(out, 'utf8');
    expect(written.startsWith('\ufeffChương trình;Kết quả;')).toBe(true);
    expect(written).toContain('\r\n');
  });

  it('refuses to overwrite an input file, also through a symlink', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'llct-'));
    const input = join(dir, 'bang-diem.csv');
    await copyFile(join(ROOT, ERA), input);
    await symlink(input, join(dir, 'link.csv'));
    const before = await readFile(input, 'utf8');
    for (const target of [input, join(dir, 'link.csv')]) {
      const r = await runIn(['check', input, ...ASOF, '-o', target]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^llct: .*: không ghi đè lên tệp đầu vào .*bang-diem\.csv; hãy chọn tệp -o khác\n$/);
    }
    expect(await readFile(input, 'utf8')).toBe(before);
  });
});

describe('rules check', () => {
  it('prints a one-line summary of the shipped rules and exits 0', async () => {
    const r = await runIn(['rules', 'check']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Bộ quy tắc hợp lệ: .* — 3 chương trình, \d+ môn, 18 bài, \d+ quy tắc khớp; hiệu lực từ 16\/09\/2009 đến hết 08\/07\/2021\.\n$/);
  });

  it('lists every rule-file problem on its own line and exits 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'llct-rules-'));
    await writeFile(join(dir, 'ruleset.json'), '{ "id": 5, "bogus": true }');
    for (const argv of [['rules', 'check', '--rules', dir], ['check', ERA, '--rules', dir]]) {
      const r = await runIn(argv);
      expect(r.code).toBe(2);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines.length).toBeGreaterThanOrEqual(1);
      for (const l of lines) expect(l).toMatch(/^llct: .*ruleset\.json(:\d+(:\d+)?)?: \$/);
    }
  });

  it('prints rule-file problems in Vietnamese by default and in English with --lang en', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'llct-rules-'));
    const file = join(dir, 'ruleset.json');
    await writeFile(file, '{ "id": 5, "bogus": true }');
    const vi = await runIn(['rules', 'check', '--rules', dir]);
    expect(vi.code).toBe(2);
    const viLines = vi.stderr.trimEnd().split('\n');
    expect(viLines).toContain(`llct: ${file}:1:3: $.id: sai kiểu dữ liệu: cần văn bản (trong dấu ngoặc kép), nhưng đang là số`);
    expect(viLines).toContain(`llct: ${file}:1:12: $.bogus: không có trường "bogus" ở vị trí này (gõ sai tên trường?)`);
    expect(viLines).toContain(`llct: ${file}:1:1: $.name: thiếu trường bắt buộc (cần đối tượng { … })`);
    const en = await runIn(['rules', 'check', '--rules', dir, '--lang', 'en']);
    expect(en.code).toBe(2);
    const enLines = en.stderr.trimEnd().split('\n');
    expect(enLines).toHaveLength(viLines.length);
    expect(enLines).toContain(`llct: ${file}:1:12: $.bogus: unknown key "bogus"`);
    expect(enLines).toContain(`llct: ${file}:1:3: $.id: Invalid input: expected string, received number`);

    await writeFile(file, '{ "id": "x" "version": "1" }');
    expect((await runIn(['rules', 'check', '--rules', dir])).stderr).toBe(
      `llct: ${file}:1:13: $: lỗi cú pháp JSON: thiếu dấu ','\n`,
    );
    expect((await runIn(['rules', 'check', '--rules', dir, '--lang', 'en'])).stderr).toBe(
      `llct: ${file}:1:13: $: JSON syntax error: ',' is expected\n`,
    );

    const empty = await mkdtemp(join(tmpdir(), 'llct-rules-'));
    const none = await runIn(['check', ERA, '--rules', empty]);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      `llct: ${join(empty, 'ruleset.json')}: $: không có tệp ruleset.json trong thư mục này; --rules cần thư mục chứa bộ quy tắc (có tệp ruleset.json)\n`,
    );
    expect((await runIn(['check', ERA, '--rules', empty, '--lang', 'en'])).stderr).toBe(
      `llct: ${join(empty, 'ruleset.json')}: $: no ruleset.json here; --rules expects a folder holding ruleset.json\n`,
    );
  });
});

describe('unexpected errors', () => {
  const failing = { stdout: { write: () => { throw new Error('disk on fire'); } } };
  it('print one line with a hint, and the stack only with --debug', async () => {
    const r = await runIn(['check', ERA, ...ASOF], failing);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('llct: disk on fire (dùng --debug để xem chi tiết)\n');
    const d = await runIn(['check', ERA, ...ASOF, '--debug'], failing);
    expect(d.code).toBe(2);
    expect(d.stderr).toMatch(/^llct: Error: disk on fire\n\s+at /);
  });
});
