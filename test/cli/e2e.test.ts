// End-to-end: spawn the built bin over the shipped fixtures (the Must-show of issue 2). `npm test` builds first.

import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/json.js';
import { BIN, ROOT, spawnBin } from './helpers.js';

const ASOF = ['--as-of', '2021-07-01'];
const T = 'fixtures/transcripts';

function checkJson(...files: string[]): { code: number; report: JsonReport; stderr: string } {
  const r = spawnBin(['check', ...files, ...ASOF, '--format', 'json']);
  return { code: r.code, report: JSON.parse(r.stdout) as JsonReport, stderr: r.stderr };
}
const program = (report: JsonReport, id: string) => report.programs.find((p) => p.id === id)!;

/** Run once, on first use (inside a test, so a missing build fails a test instead of the collection). */
function once<T>(f: () => T): () => T {
  let v: { value: T } | undefined;
  return () => (v ??= { value: f() }).value;
}

describe('llct (spawned)', () => {
  it('is built (npm test runs the build first)', () => {
    expect(existsSync(`${ROOT}/dist/cli/main.js`), 'run `npm run build` before the end-to-end tests').toBe(true);
  });

  describe.each([
    ['era-pre2008.csv', 330],
    ['era-2008-2019.csv', 150],
    ['era-2019.csv', 165],
  ])('complete university program %s', (file, periods) => {
    const ran = once(() => checkJson(`${T}/${file}`));

    it(`passes sơ cấp with 16/18 lessons and ${periods} periods`, () => {
      const { code, report, stderr } = ran();
      expect(code).toBe(0);
      expect(stderr).toBe('');
      expect(report.highestPassed?.id).toBe('so-cap');
      const sc = program(report, 'so-cap');
      expect(sc.verdict).toBe('PASS');
      expect(sc.evaluations.pessimistic.periodsCounted).toBe(periods);
      expect(sc.evaluations.pessimistic.lessonsCovered).toBe(16);
      expect(sc.totalLessons).toBe(18);
    });

    it('fails trung cấp and cao cấp with a shortfall for each short subject', () => {
      const { report } = ran();
      for (const id of ['trung-cap', 'cao-cap']) {
        const p = program(report, id);
        expect(p.verdict).toBe('FAIL');
        const short = p.evaluations.pessimistic.subjects.filter((s) => s.required && !s.pass).map((s) => s.id);
        expect(short.length).toBeGreaterThan(0);
        expect(p.shortfall.subjects.filter((s) => s.periodsMissing > 0).map((s) => s.id)).toEqual(short);
        expect(p.shortfall.periodsMissing).toBeGreaterThan(0);
      }
    });

    it('states for each row the rule it matched, the lessons it fed and the periods it contributed', () => {
      const { report } = ran();
      const counted = report.rows.filter((r) => r.state === 'counted');
      expect(counted.length).toBeGreaterThan(0);
      for (const r of counted) {
        expect(r.source.file).toBe(`${T}/${file}`);
        expect(r.source.line).toBeGreaterThan(1);
        expect(r.match?.ruleId).toBeTruthy();
        expect(r.match?.label.vi).toBeTruthy();
        expect(r.periods.value).toBeGreaterThan(0);
        const sc = r.contributions.find((c) => c.programId === 'so-cap')!;
        expect(sc.lessons.length).toBeGreaterThan(0);
        expect(sc.periods).toBeCloseTo(r.periods.value!, 6);
      }
      for (const r of report.rows.filter((x) => x.state === 'not-counted')) expect(r.reasons.length).toBe(1);
    });
  });

  it.each(['transfer-lien-thong.csv', 'vocational-gdct.csv'])('%s fails sơ cấp naming the missing periods and lessons', (file) => {
    const { code, report } = checkJson(`${T}/${file}`);
    expect(code).toBe(1);
    const sc = program(report, 'so-cap');
    expect(sc.verdict).toBe('FAIL');
    expect(sc.shortfall.periodsMissing).toBeGreaterThan(0);
    expect(sc.shortfall.lessonsMissing).toBeGreaterThan(0);
    const text = spawnBin(['check', `${T}/${file}`, ...ASOF, '--level', 'so-cap']);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('Sơ cấp lý luận chính trị: KHÔNG ĐẠT');
    expect(text.stdout).toContain(`Còn thiếu ${sc.shortfall.periodsMissing} tiết và ${sc.shortfall.lessonsMissing} bài so với mức tối thiểu.`);
    const missing = sc.shortfall.subjects.flatMap((s) => s.lessonsMissing.map((l) => l.title.vi));
    expect(missing.length).toBeGreaterThan(0);
    for (const title of missing) expect(text.stdout).toContain(title);
  });

  it('missing credits: REVIEW naming the deciding rows', () => {
    const { code, report } = checkJson(`${T}/missing-credits.csv`);
    expect(code).toBe(3);
    const sc = program(report, 'so-cap');
    expect(sc.verdict).toBe('REVIEW');
    expect(sc.decidingRows.length).toBeGreaterThan(0);
    const text = spawnBin(['check', `${T}/missing-credits.csv`, ...ASOF]).stdout;
    expect(text).toContain('CẦN XEM XÉT');
    for (const id of sc.decidingRows) {
      const row = report.rows.find((r) => r.id === id)!;
      expect(row.reasons.map((x) => x.code)).toContain('periods-unknown');
      expect(text).toContain(`[${id}] ${row.name}`);
    }
  });

  it('a module failed then passed on retake counts once', () => {
    const { report } = checkJson(`${T}/retake.csv`);
    const sc = program(report, 'so-cap');
    expect(sc.verdict).toBe('PASS');
    expect(sc.evaluations.pessimistic.periodsCounted).toBe(150);
    const attempts = report.rows.filter((r) => r.match?.ruleId === report.rows.find((x) => x.name === 'Tư tưởng Hồ Chí Minh')?.match?.ruleId);
    expect(attempts.length).toBeGreaterThan(1);
    expect(attempts.filter((r) => r.state === 'counted')).toHaveLength(1);
  });

  it.each([
    ['unclosed-quote.csv', ':3'],
    ['missing-name-column.csv', ':1'],
    ['binary.csv', ':3'],
    ['invalid-utf8.csv', ':2'],
    ['malformed.json', ':4:5'],
    ['bad-number.csv', ':3'],
    ['json-wrong-type.json', ':15:18'],
    ['empty.csv', ':1'],
  ])('broken input %s exits 2 with one line naming the file and the place', (file, place) => {
    const r = spawnBin(['check', `${T}/broken/${file}`, ...(file === 'invalid-utf8.csv' ? ['--encoding', 'utf-8'] : [])]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^llct: ${T}/broken/${file.replace('.', '\\.')}${place}`));
    if (file === 'json-wrong-type.json') expect(lines[0]).toContain('$.courses[2].credits');
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it.each([
    ['utf8-bom.csv', []],
    ['utf16.csv', []],
    ['semicolon-decimal-comma.csv', []],
    ['windows-1258.csv', ['--encoding', 'windows-1258']],
  ])('reads %s', (file, extra) => {
    const r = spawnBin(['check', `${T}/encodings/${file}`, ...ASOF, '--format', 'json', ...extra]);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.rows.filter((x) => x.state === 'counted').length).toBeGreaterThan(0);
  });

  it('a closed pipe (| head -1) is a quiet, normal exit', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" check ${T}/era-2019.csv --as-of 2021-07-01 | head -1`], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('KẾT QUẢ XÁC ĐỊNH TRÌNH ĐỘ LÝ LUẬN CHÍNH TRỊ TƯƠNG ĐƯƠNG\n');
    expect(r.stderr).toBe('');
  });

  it('refuses -o onto the very file standard input is read from', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'llct-stdin-')), 'bang-diem.csv');
    copyFileSync(`${ROOT}/${T}/era-2019.csv`, file);
    const before = readFileSync(file);
    const fd = openSync(file, 'r');
    try {
      const r = spawnSync(process.execPath, [BIN, 'check', '-', '-o', file, ...ASOF], { stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/không ghi đè lên tệp đầu vào/);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(file)).toEqual(before);
  });

  it('works from any folder (the shipped rules are found next to the package)', () => {
    const r = spawnSync(process.execPath, [BIN, 'rules', 'check'], { cwd: '/', encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Bộ quy tắc hợp lệ/);
  });

  // One snapshot per command line: the command, its output and the exit code.
  describe('snapshots', () => {
    const commands: [string, string[]][] = [
      ['check-era-2008-2019', ['check', `${T}/era-2008-2019.csv`, ...ASOF]],
      ['check-missing-credits-en', ['check', `${T}/missing-credits.csv`, ...ASOF, '--lang', 'en']],
      ['check-transfer-csv', ['check', `${T}/transfer-lien-thong.csv`, ...ASOF, '--format', 'csv']],
      ['check-vocational-after-2021', ['check', `${T}/vocational-gdct.csv`, '--as-of', '2024-05-01', '--level', 'so-cap']],
      ['check-broken-unclosed-quote', ['check', `${T}/broken/unclosed-quote.csv`]],
      ['check-unknown-level', ['check', `${T}/era-2019.csv`, '--level', 'dai-hoc']],
      ['rules-check', ['rules', 'check']],
    ];
    it.each(commands)('%s', async (name, args) => {
      const r = spawnBin(args, { NO_COLOR: '1' });
      const stderr = r.stderr ? `\n--- stderr ---\n${r.stderr}` : '';
      await expect(`$ llct ${args.join(' ')}\n\n${r.stdout}${stderr}\nExit code: ${r.code}\n`).toMatchFileSnapshot(
        `./__snapshots__/${name}.txt`,
      );
    });
  });
});
