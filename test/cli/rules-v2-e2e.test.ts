// End-to-end: the Must-show of issue 7 (rules v2) on the built bin over fixtures/transcripts.

import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/json.js';
import { spawnBin } from './helpers.js';

const ASOF = ['--as-of', '2021-07-01'];
const T = 'fixtures/transcripts';

function checkJson(...args: string[]): { code: number; report: JsonReport; stderr: string } {
  const r = spawnBin(['check', ...args, ...ASOF, '--format', 'json']);
  return { code: r.code, report: JSON.parse(r.stdout) as JsonReport, stderr: r.stderr };
}
const program = (report: JsonReport, id: string) => report.programs.find((p) => p.id === id)!;

describe('sơ cấp over the eras (domain spec §5)', () => {
  it.each([
    ['era-2008-2019.csv', 150],
    ['era-2019.csv', 165],
    ['era-pre2008.csv', 330],
    ['pre2008-so-hoc-trinh.csv', 330],
  ])('%s: PASS with 16/18 lessons and %i periods', (file, periods) => {
    const { code, report } = checkJson(`${T}/${file}`);
    expect(code).toBe(0);
    expect(program(report, 'so-cap')).toMatchObject({
      verdict: 'PASS',
      totalLessons: 18,
      evaluations: { pessimistic: { periodsCounted: periods, lessonsCovered: 16 }, optimistic: { periodsCounted: periods, lessonsCovered: 16 } },
    });
  });

  it('a "Số học trình" column is credits in ĐVHT, never silently dropped', () => {
    const { report } = checkJson(`${T}/pre2008-so-hoc-trinh.csv`);
    const triet = report.rows.find((r) => r.name === 'Triết học Mác - Lênin')!;
    expect(triet.periods).toMatchObject({ value: 90, origin: 'credits', credits: 6, unit: 'dvht', perUnit: 15 });
  });

  it('the 2008–2019 program with every credit cell empty: REVIEW (not FAIL), naming the rows', () => {
    const { code, report } = checkJson(`${T}/era-2008-2019-no-credits.csv`);
    expect(code).toBe(3);
    const so = program(report, 'so-cap');
    expect(so.verdict).toBe('REVIEW');
    // optimistic: NLCB 1 + 2 at their typical 30 + 45, TTHCM 45, Đường lối 45
    expect(so.evaluations.pessimistic).toMatchObject({ periodsCounted: 0, lessonsCovered: 0 });
    expect(so.evaluations.optimistic).toMatchObject({ periodsCounted: 165, lessonsCovered: 16 });
    expect(so.decidingRows).toEqual([3, 5, 7, 8]);
    for (const id of so.decidingRows) expect(report.rows.find((r) => r.id === id)!.reasons.map((x) => x.code)).toContain('periods-unknown');
  });

  it('liên thông (NLCB + TTHCM): FAIL with 105 periods and 10 lessons', () => {
    const { code, report } = checkJson(`${T}/transfer-lien-thong.csv`);
    expect(code).toBe(1);
    expect(program(report, 'so-cap')).toMatchObject({
      verdict: 'FAIL',
      evaluations: { pessimistic: { periodsCounted: 105, lessonsCovered: 10 } },
      shortfall: { periodsMissing: 39, lessonsMissing: 3 },
    });
  });

  it('vocational Giáo dục chính trị: FAIL with 75 periods and 6 lessons', () => {
    const { code, report } = checkJson(`${T}/vocational-gdct.csv`);
    expect(code).toBe(1);
    expect(program(report, 'so-cap')).toMatchObject({
      verdict: 'FAIL',
      evaluations: { pessimistic: { periodsCounted: 75, lessonsCovered: 6 } },
      shortfall: { periodsMissing: 69, lessonsMissing: 7 },
    });
  });
});

describe('a second degree in a political-theory major (§5)', () => {
  it('every trung cấp subject reaches 80%: trung cấp PASS', () => {
    const { code, report } = checkJson(`${T}/llct-major.csv`);
    expect(code).toBe(0);
    expect(report.highestPassed?.id).toBe('trung-cap');
    const tc = program(report, 'trung-cap');
    expect(tc.verdict).toBe('PASS');
    expect(tc.evaluations.pessimistic.subjects.every((s) => s.pass)).toBe(true);
    // the five major rows feed their subjects
    const byRule = Object.fromEntries(report.rows.filter((r) => r.match).map((r) => [r.match!.ruleId, r.state]));
    expect(byRule).toMatchObject({
      'xay-dung-dang': 'counted',
      'chinh-tri-hoc': 'counted',
      'nha-nuoc-phap-luat': 'counted',
      qlhcnn: 'counted',
      'lanh-dao-quan-ly': 'counted',
    });
  });

  it('one subject short (Quản lý hành chính nhà nước 3 TC): FAIL naming that subject', () => {
    const { code, report } = checkJson(`${T}/llct-major-short.csv`);
    expect(code).toBe(0); // sơ cấp still passes
    const tc = program(report, 'trung-cap');
    expect(tc.verdict).toBe('FAIL');
    expect(tc.shortfall.subjects.map((s) => [s.id, s.periodsMissing])).toEqual([['TC-QLHC', 19]]);
    expect(report.highestPassed?.id).toBe('so-cap');
  });
});

describe('one person per check (§6.9)', () => {
  it('two files that name nobody: exit 2 with one line naming --same-person (vi, and en with --lang en)', () => {
    const vi = spawnBin(['check', `${T}/era-2008-2019.csv`, `${T}/second-degree-no-name.csv`, ...ASOF]);
    expect(vi).toMatchObject({ code: 2, stdout: '' });
    expect(vi.stderr.trim().split('\n')).toHaveLength(1);
    expect(vi.stderr).toMatch(/^llct: .*--same-person/);
    const en = spawnBin(['check', `${T}/era-2008-2019.csv`, `${T}/second-degree-no-name.csv`, ...ASOF, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/^llct: .*name nobody.*--same-person/);
  });

  it('with --same-person the files are merged and the report says it was on the officer\'s word', () => {
    const { code, report } = checkJson(`${T}/era-2008-2019.csv`, `${T}/second-degree-no-name.csv`, '--same-person');
    expect(code).toBe(0);
    expect(report.notices[0]).toMatchObject({
      code: 'merged-on-officer-word',
      args: { files: [`${T}/era-2008-2019.csv`, `${T}/second-degree-no-name.csv`] },
    });
    expect(report.rows).toHaveLength(13);
  });

  it('a file that names its person merged with one that names nobody still needs the option', () => {
    const r = spawnBin(['check', `${T}/llct-major.csv`, `${T}/second-degree-no-name.csv`, ...ASOF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('second-degree-no-name.csv');
  });
});

describe('columns (§4)', () => {
  it('teaching columns add up, self-study never counts, a mismatch and an unknown numeric column are named', () => {
    const { report } = checkJson(`${T}/periods-columns.csv`);
    const row = (name: string) => report.rows.find((r) => r.name === name)!;
    // LT 30 + TL 10 + TH 5; the 90 self-study hours are not periods
    expect(row('Triết học Mác-Lênin').periods).toMatchObject({ value: 45, origin: 'parts' });
    expect(row('Chủ nghĩa xã hội khoa học').periods).toMatchObject({ value: 40, origin: 'parts' });
    const codes = report.notices.map((n) => [n.code, n.args]);
    expect(codes).toContainEqual(['self-study-column', { file: `${T}/periods-columns.csv`, columns: ['Tự học'] }]);
    expect(codes).toContainEqual(['unknown-numeric-column', { file: `${T}/periods-columns.csv`, columns: ['Hệ số'] }]);
    expect(codes).toContainEqual(['periods-credits-mismatch', { rowId: 3, periods: 40, credits: 2, unit: 'credit', perUnit: 15, expected: 30 }]);
  });
});

describe('snapshots', () => {
  const commands: [string, string[]][] = [
    ['check-no-credits', ['check', `${T}/era-2008-2019-no-credits.csv`, ...ASOF, '--level', 'so-cap']],
    ['check-llct-major', ['check', `${T}/llct-major.csv`, ...ASOF, '--level', 'trung-cap']],
    ['check-llct-major-short-en', ['check', `${T}/llct-major-short.csv`, ...ASOF, '--level', 'trung-cap', '--lang', 'en']],
    ['check-two-files-nobody', ['check', `${T}/era-2008-2019.csv`, `${T}/second-degree-no-name.csv`, ...ASOF]],
    ['check-two-files-nobody-en', ['check', `${T}/era-2008-2019.csv`, `${T}/second-degree-no-name.csv`, ...ASOF, '--lang', 'en']],
    ['check-same-person', ['check', `${T}/era-2008-2019.csv`, `${T}/second-degree-no-name.csv`, '--same-person', ...ASOF, '--level', 'so-cap']],
    ['check-near-match', ['check', '-', ...ASOF, '--level', 'so-cap']],
    ['check-periods-columns-en', ['check', `${T}/periods-columns.csv`, ...ASOF, '--level', 'so-cap', '--lang', 'en']],
  ];
  const NEAR = 'Tên học phần,Số tín chỉ,Điểm\nNhững nguyên lý cơ bản của chủ nghĩa Mác-Lênin,5,7\nTư tưởng Hồ Chí Minh - Quân sự,2,8\nĐường lối cách mạng miền Nam,3,7\n';
  it.each(commands)('%s', async (name, args) => {
    const r = spawnBin(args, { NO_COLOR: '1' }, args.includes('-') ? NEAR : undefined);
    const stderr = r.stderr ? `\n--- stderr ---\n${r.stderr}` : '';
    await expect(`$ llct ${args.join(' ')}\n\n${r.stdout}${stderr}\nExit code: ${r.code}\n`).toMatchFileSnapshot(`./__snapshots__/${name}.txt`);
  });
});
