// Consistency and defaults: config file and LLCT_* variables, one option spelling across commands, path hints,
// level names as officers write them, and the Vietnamese order of dossiers.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareNames, discoverDossiers } from '../../src/batch/discover.js';
import { loadDefaults } from '../../src/cli/config.js';
import { ROOT, runIn } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'llct-defaults-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const ERA = `${ROOT}/fixtures/transcripts/era-2019.csv`;

describe('defaults from .llctrc.json and LLCT_* variables', () => {
  const office = join(tmp, 'office');
  const inner = join(office, 'dot-2019');
  mkdirSync(inner, { recursive: true });
  writeFileSync(join(office, '.llctrc.json'), JSON.stringify({ lang: 'en', excel: true, rules: 'rules-copy' }));

  it('finds the file upward from the working folder; paths in it are relative to it', async () => {
    const d = await loadDefaults(inner, {});
    expect(d.file).toBe(join(office, '.llctrc.json'));
    expect(d.values).toEqual({ lang: 'en', excel: true, rules: join(office, 'rules-copy') });
  });

  it('environment variables override the file; LLCT_CONFIG=none ignores it', async () => {
    expect((await loadDefaults(inner, { LLCT_LANG: 'vi', LLCT_EXCEL: '0' })).values).toMatchObject({ lang: 'vi', excel: false });
    expect((await loadDefaults(inner, { LLCT_CONFIG: 'none' })).values).toEqual({});
  });

  it('a config --excel makes CSV Excel-ready but does not turn a text report into CSV; the command line wins', async () => {
    writeFileSync(join(inner, '.llctrc.json'), JSON.stringify({ lang: 'en', excel: true }));
    const text = await runIn(['check', ERA, '--as-of', '2020-01-01'], { cwd: inner });
    expect(text.stdout).toContain('POLITICAL THEORY LEVEL EQUIVALENCE CHECK');
    const csv = await runIn(['check', ERA, '--as-of', '2020-01-01', '--format', 'csv'], { cwd: inner });
    expect(csv.stdout.startsWith('\uFEFF')).toBe(true);
    const vi = await runIn(['check', ERA, '--as-of', '2020-01-01', '--lang', 'vi'], { cwd: inner });
    expect(vi.stdout).toContain('Kết luận');
    const env = await runIn(['check', ERA, '--as-of', '2020-01-01'], { cwd: inner, env: { LLCT_LANG: 'vi' } });
    expect(env.stdout).toContain('Kết luận');
  });

  it('an unknown key is an error naming the file and the keys', async () => {
    const bad = join(tmp, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, '.llctrc.json'), '{ "langue": "vi" }');
    const r = await runIn(['check', ERA], { cwd: bad });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('khóa "langue" không có; các khóa hợp lệ: lang, excel');
  });
});

describe('one spelling for the output in every command', () => {
  it('batch takes -o/--output as well as --out; check takes --out as well as -o', async () => {
    const out = join(tmp, 'batch-o');
    const b = await runIn(['batch', 'fixtures/dossiers/sample', '-o', out, '--jobs', '1', '--quiet', '--no-color', '--debug']);
    expect(b.code).toBe(2);
    expect(readFileSync(join(out, 'summary.csv'), 'utf8')).toContain('01-pre2008-lanh-dao');
    const file = join(tmp, 'kq.json');
    const c = await runIn(['check', ERA, '--out', file, '--as-of', '2020-01-01']);
    expect(c.code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).highestPassed.id).toBe('so-cap');
    const both = await runIn(['check', ERA, '-o', 'a.json', '--out', 'b.json']);
    expect(both.stderr).toContain('khác nhau; chỉ dùng một');
  });
});

describe('pointing the user to the right command', () => {
  it('a transcript without a command suggests check; a folder suggests batch', async () => {
    const f = await runIn(['fixtures/transcripts/era-2019.csv', '--as-of', '2020-01-01']);
    expect(f.code).toBe(2);
    expect(f.stderr).toBe('llct: "fixtures/transcripts/era-2019.csv" không phải là lệnh; để kiểm tra một bảng điểm hãy chạy: llct check fixtures/transcripts/era-2019.csv --as-of 2020-01-01\n');
    const d = await runIn(['fixtures/dossiers/sample']);
    expect(d.stderr).toContain('hãy chạy: llct batch fixtures/dossiers/sample');
    const c = await runIn(['check', 'fixtures/dossiers/sample']);
    expect(c.stderr).toContain('để kiểm tra mọi hồ sơ trong thư mục hãy chạy: llct batch fixtures/dossiers/sample');
  });

  it('top-level help lists --lang, every encoding, DD/MM/YYYY and the config file', async () => {
    const h = await runIn(['--help']);
    for (const s of ['--lang vi|en', 'utf-8, utf-16, utf-16le, utf-16be, windows-1258', 'DD/MM/YYYY', '.llctrc.json', 'LLCT_LANG']) expect(h.stdout).toContain(s);
  });
});

describe('--level as officers write it', () => {
  it.each([['sơ cấp'], ['Sơ cấp'], ['so cap'], ['so-cap']])('%s means so-cap', async (level) => {
    const r = await runIn(['check', ERA, '--as-of', '2020-01-01', '--level', level, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).programs.map((p: { id: string }) => p.id)).toEqual(['so-cap']);
  });

  it('an unknown level still lists the ids', async () => {
    const r = await runIn(['check', ERA, '--level', 'đại học']);
    expect(r.stderr).toContain('các mã hợp lệ: so-cap, trung-cap, cao-cap');
  });
});

describe('dossier order', () => {
  it('is Vietnamese and numeric-aware: Ánh before B, Đặng after Dũng, hồ sơ 2 before hồ sơ 10', () => {
    const names = ['Zô', 'hồ sơ 10', 'Đặng', 'Ánh', 'hồ sơ 2', 'Dũng', 'Bình', 'An'];
    expect([...names].sort(compareNames)).toEqual(['An', 'Ánh', 'Bình', 'Dũng', 'Đặng', 'hồ sơ 2', 'hồ sơ 10', 'Zô']);
    const entries = names.map((name) => ({ name: `${name}.csv`, kind: 'file' as const }));
    const a = discoverDossiers(entries).map((d) => d.name);
    expect(discoverDossiers([...entries].reverse()).map((d) => d.name)).toEqual(a);
  });
});
