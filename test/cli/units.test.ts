import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colorLevel, stylesFor } from '../../src/cli/color.js';
import { exitCodeForResult } from '../../src/cli/exit-code.js';
import { langFromArgv, localIsoDate, parseDelimiter, parseEncoding, parseIsoDate } from '../../src/cli/options.js';
import { writeOutputAtomic } from '../../src/cli/output.js';
import type { Verdict } from '../../src/coverage/types.js';
import { UsageError } from '../../src/errors.js';

describe('exitCodeForResult', () => {
  const of = (...v: Verdict[]) => exitCodeForResult({ programs: v.map((verdict) => ({ verdict })) as never });
  it('is 0 when any program passes, 3 when none passes but some need review, 1 otherwise', () => {
    expect(of('PASS', 'FAIL', 'FAIL')).toBe(0);
    expect(of('PASS', 'REVIEW', 'FAIL')).toBe(0);
    expect(of('FAIL', 'REVIEW', 'FAIL')).toBe(3);
    expect(of('FAIL', 'FAIL')).toBe(1);
    expect(of()).toBe(1);
  });
});

describe('colorLevel', () => {
  const base = { flag: true, env: {}, isTTY: true };
  it('decides colour in one place', () => {
    expect(colorLevel(base)).toBe(1);
    expect(colorLevel({ ...base, isTTY: false })).toBe(0);
    expect(colorLevel({ ...base, flag: false })).toBe(0);
    expect(colorLevel({ ...base, env: { NO_COLOR: '1' } })).toBe(0);
    expect(colorLevel({ ...base, env: { NO_COLOR: '' } })).toBe(1);
    expect(colorLevel({ ...base, env: { TERM: 'dumb' } })).toBe(0);
    expect(colorLevel({ ...base, isTTY: false, env: { FORCE_COLOR: '1' } })).toBe(1);
    expect(colorLevel({ ...base, isTTY: false, env: { FORCE_COLOR: '3', NO_COLOR: '1' } })).toBe(3);
    expect(colorLevel({ ...base, env: { FORCE_COLOR: '0' } })).toBe(0);
    expect(colorLevel({ ...base, flag: false, env: { FORCE_COLOR: '1' } })).toBe(0);
  });
  it('gives identity styles at level 0 and ANSI styles above', async () => {
    expect((await stylesFor(0)).fail('x')).toBe('x');
    expect((await stylesFor(1)).fail('x')).toBe('\u001b[31mx\u001b[39m');
  });
});

describe('option parsers', () => {
  it('accept valid values and reject others with a UsageError', () => {
    expect(parseIsoDate('2021-07-08', '--as-of')).toBe('2021-07-08');
    // the Vietnamese way of writing a date is accepted too
    expect(parseIsoDate('08/07/2021', '--as-of')).toBe('2021-07-08');
    expect(parseIsoDate('8/7/2021', '--as-of')).toBe('2021-07-08');
    for (const bad of ['2021-7-8', '2021-02-29', '29/02/2021', '07/13/2021', '']) expect(() => parseIsoDate(bad, '--as-of')).toThrow(UsageError);
    expect(parseDelimiter('tab')).toBe('\t');
    expect(parseDelimiter(';')).toBe(';');
    expect(() => parseDelimiter('|')).toThrow(UsageError);
    expect(parseEncoding('CP1258')).toBe('windows-1258');
    expect(parseEncoding('utf8')).toBe('utf-8');
    expect(localIsoDate(new Date(2021, 6, 8, 23, 59))).toBe('2021-07-08');
    expect(langFromArgv(['check', 'x', '--lang', 'en'])).toBe('en');
    expect(langFromArgv(['check', '--lang=en'])).toBe('en');
    expect(langFromArgv(['check', '--lang', 'fr'])).toBe('vi');
  });
});

describe('writeOutputAtomic', () => {
  it('replaces the file in one step and leaves no temp file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'llct-out-'));
    const out = join(dir, 'a.txt');
    await writeFile(out, 'old');
    await writeOutputAtomic(out, 'mới', { inputs: [join(dir, 'input.csv')] });
    expect(await readFile(out, 'utf8')).toBe('mới');
    expect(await readdir(dir)).toEqual(['a.txt']);
  });

  it('refuses an input file, also by another spelling of its path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'llct-out-'));
    await writeFile(join(dir, 'in.csv'), 'x');
    await expect(writeOutputAtomic('./in.csv', 'y', { inputs: [join(dir, 'in.csv')], cwd: dir })).rejects.toMatchObject({
      finding: { code: 'output-is-input', args: { input: join(dir, 'in.csv') } },
    });
    await expect(writeOutputAtomic(join(dir, 'sub', '..', 'in.csv'), 'y', { inputs: ['in.csv'], cwd: dir })).rejects.toThrow(UsageError);
    expect(await readFile(join(dir, 'in.csv'), 'utf8')).toBe('x');
  });

  it('turns a write failure into one line naming the file, the reason and the fix', async () => {
    await expect(writeOutputAtomic('/nonexistent-dir-llct/x.txt', 'y')).rejects.toMatchObject({ file: '/nonexistent-dir-llct/x.txt', message: 'cannot write the file: no such file or folder; check the path' });
  });
});
