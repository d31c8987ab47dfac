// The must-show at the core level: the shipped rule set over the shipped fixtures.
import { describe, expect, it } from 'vitest';
import { checkTranscript } from '../../src/coverage/check.js';
import type { CheckResult } from '../../src/coverage/types.js';
import { loadRuleSet } from '../../src/rules/load.js';
import { readTranscriptFile } from '../../src/transcript/read-file.js';

const rs = await loadRuleSet();
const check = async (file: string, opts: { encoding?: 'windows-1258' } = {}) =>
  checkTranscript(await readTranscriptFile(`fixtures/transcripts/${file}`, opts), rs, { asOf: '2020-06-01' });
const prog = (r: CheckResult, id: string) => r.programs.find((p) => p.programId === id)!;

describe('complete university programs: sơ cấp PASS, trung cấp and cao cấp FAIL', () => {
  it.each([
    ['era-pre2008.csv', 330],
    ['era-2008-2019.csv', 150],
    ['era-2019.csv', 165],
    ['english-names.csv', 165],
    ['four-point.csv', 150],
    ['person.json', 165],
    ['encodings/semicolon-decimal-comma.csv', 165],
    ['encodings/utf16.csv', 150],
  ])('%s → %i periods, 16/18 lessons', async (file, periods) => {
    const r = await check(file);
    const so = prog(r, 'so-cap');
    expect(so.verdict).toBe('PASS');
    expect(so.pessimistic).toMatchObject({ periodsCounted: periods, lessonsCovered: 16 });
    expect(so.totalLessons).toBe(18);
    expect(r.highestPassed).toBe('so-cap');
    for (const id of ['trung-cap', 'cao-cap']) {
      const p = prog(r, id);
      expect(p.verdict).toBe('FAIL');
      // every short required subject appears in the shortfall with its missing periods
      const short = p.pessimistic.subjects.filter((s) => s.required && !s.pass);
      expect(short.length).toBeGreaterThan(0);
      expect(p.shortfall.subjects.map((s) => s.subjectId)).toEqual(short.map((s) => s.subjectId));
      for (const s of p.shortfall.subjects) expect(s.periodsMissing).toBeGreaterThan(0);
    }
  });
  it('windows-1258 file read with --encoding', async () => {
    const r = await check('encodings/windows-1258.csv', { encoding: 'windows-1258' });
    expect(prog(r, 'so-cap')).toMatchObject({ verdict: 'PASS', pessimistic: { periodsCounted: 150, lessonsCovered: 16 } });
  });
});

describe('short programs and uncertain data', () => {
  it('transfer (liên thông): sơ cấp FAIL with missing periods and lessons', async () => {
    const so = prog(await check('transfer-lien-thong.csv'), 'so-cap');
    expect(so.verdict).toBe('FAIL');
    // NLCB + TTHCM: 105 periods, 10 lessons (§5)
    expect(so.pessimistic).toMatchObject({ periodsCounted: 105, lessonsCovered: 10 });
    expect(so.shortfall).toMatchObject({ periodsMissing: 39, lessonsMissing: 3 });
    expect(so.shortfall.subjects.flatMap((s) => s.lessonsMissing)).toEqual(['SC10', 'SC11', 'SC13', 'SC14', 'SC15', 'SC16', 'SC17', 'SC18']);
  });
  it('vocational Giáo dục chính trị: sơ cấp FAIL', async () => {
    const so = prog(await check('vocational-gdct.csv'), 'so-cap');
    expect(so.verdict).toBe('FAIL');
    expect(so.pessimistic).toMatchObject({ periodsCounted: 75, lessonsCovered: 6 });
    expect(so.shortfall).toMatchObject({ periodsMissing: 69, lessonsMissing: 7 });
  });
  it('missing credits: REVIEW naming the rows', async () => {
    const r = await check('missing-credits.csv');
    const so = prog(r, 'so-cap');
    expect(so.verdict).toBe('REVIEW');
    expect(so.decidingRows.length).toBeGreaterThan(0);
    for (const id of so.decidingRows) expect(r.rows.find((x) => x.rowId === id)!.uncertain).toContain('periods-unknown');
  });
  it('a 4.5 on the 10-point scale decides: REVIEW', async () => {
    const r = await check('grade-4-5.csv');
    expect(prog(r, 'so-cap').verdict).toBe('REVIEW');
    expect(r.notices.some((n) => n.code === 'grade-band')).toBe(true);
  });
  it('failed then passed counts once', async () => {
    const r = await check('retake.csv');
    const attempts = r.rows.filter((x) => x.match?.ruleId === 'tthcm');
    expect(attempts).toHaveLength(2);
    expect(attempts.filter((x) => x.state === 'counted')).toHaveLength(1);
    expect(attempts.find((x) => x.state !== 'counted')!.notCounted).toBe('failed');
    expect(prog(r, 'so-cap').pessimistic.periodsCounted).toBe(150);
  });
  it('every shipped check names the unverified data it rests on', async () => {
    const r = await check('era-2019.csv');
    expect(r.notices.filter((n) => n.code === 'unverified-rules').map((n) => n.args.programId)).toEqual(['so-cap', 'trung-cap', 'cao-cap']);
  });
});
