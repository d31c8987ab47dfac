// One finding shape: errors carry { code, args, file?, place? }; the words come from the message tables.
import { describe, expect, it } from 'vitest';
import { KnownError, UsageError } from '../../src/errors.js';
import { SystemError } from '../../src/fs-errors.js';
import { wordFinding, type Finding } from '../../src/findings/words.js';
import { chooseFormat, parseDelimiter, parseEncoding, parseIsoDate, parseNumber, sameTarget } from '../../src/cli/options.js';
import { loadDefaults } from '../../src/cli/config.js';
import { TooLargeError } from '../../src/file-io.js';
import { onePerson } from '../../src/transcript/one-person.js';
import { TooManyRowsError } from '../../src/transcript/parse.js';
import { decisionError } from '../../src/decisions/messages.js';

/** The finding of what `f` throws. */
function thrown(f: () => unknown): Finding {
  try {
    f();
  } catch (e) {
    if (e instanceof KnownError) return e.finding;
    throw e;
  }
  throw new Error('expected a known error');
}

describe('usage errors are findings', () => {
  it('names the option and the value given, by code', () => {
    expect(thrown(() => parseIsoDate('31/02/2021', '--as-of'))).toEqual({ code: 'bad-date', args: { option: '--as-of', input: '31/02/2021' } });
    expect(thrown(() => parseNumber('0x10', '--pass-mark', () => true, 'pass-mark'))).toEqual({
      code: 'bad-number',
      args: { option: '--pass-mark', input: '0x10', expects: 'pass-mark' },
    });
    expect(thrown(() => parseDelimiter('|'))).toEqual({ code: 'bad-delimiter', args: { input: '|' } });
    expect(thrown(() => parseEncoding('latin1'))).toMatchObject({ code: 'bad-encoding', args: { input: 'latin1' } });
    expect(thrown(() => sameTarget('a', 'b', '--out'))).toEqual({ code: 'output-alias-disagree', args: { output: 'a', out: 'b', alias: '--out' } });
  });

  it('chooses the output format or says which choice disagrees', () => {
    const choices = ['text', 'json', 'csv'] as const;
    const choose = (c: Partial<Parameters<typeof chooseFormat>[0]>) =>
      chooseFormat({ format: 'text', formatGiven: false, excelGiven: false, ...c }, choices);
    expect(choose({ output: 'r.json' })).toBe('json');
    expect(thrown(() => choose({ output: 'r.html' }))).toEqual({
      code: 'output-format-not-written',
      args: { output: 'r.html', format: 'html', extensions: '.txt, .json, .csv' },
    });
    expect(thrown(() => choose({ output: 'r' }))).toMatchObject({ code: 'output-format-unknown', args: { choices: ['text', 'json', 'csv'] } });
    expect(thrown(() => choose({ output: 'r.json', format: 'csv', formatGiven: true }))).toEqual({
      code: 'format-disagrees',
      args: { format: 'csv', output: 'r.json', fromPath: 'json' },
    });
    expect(thrown(() => choose({ format: 'json', formatGiven: true, excelGiven: true }))).toEqual({ code: 'excel-not-csv', args: { format: 'json' } });
  });

  it('points at the environment variable and its value', async () => {
    const rejected = async (env: Record<string, string>) => ((await loadDefaults('/', { LLCT_CONFIG: 'none', ...env }).catch((e: unknown) => e)) as KnownError).finding;
    expect(await rejected({ LLCT_EXCEL: 'maybe' })).toEqual({ code: 'env-not-boolean', args: { variable: 'LLCT_EXCEL', raw: 'maybe' } });
    expect(await rejected({ LLCT_LANG: 'fr' })).toEqual({ code: 'config-choice', args: { where: 'LLCT_LANG', allowed: ['vi', 'en'], got: 'fr' } });
  });

  it('keeps an OS error as its code, worded once', () => {
    const e = new SystemError(Object.assign(new Error('no space'), { code: 'ENOSPC' }), 'write', 'out/summary.csv');
    expect(e.finding).toEqual({ code: 'os-error', args: { action: 'write', os: { code: 'ENOSPC', message: 'no space' } }, file: 'out/summary.csv' });
    expect(e.words('en')).toBe('cannot write the file: the disk is full; free some space or choose another disk, then run again');
  });
});

describe('transcript limits, people and decisions are findings', () => {
  it('says the size and row limits as numbers, worded with their option', () => {
    const big = new TooLargeError('big.csv', 1.5 * 1024 * 1024);
    expect(big.finding).toEqual({ code: 'file-too-large', args: { limitBytes: 1.5 * 1024 * 1024 }, file: 'big.csv' });
    expect(big.words('en')).toBe('the file is larger than 1.5 MB, the limit of one transcript; raise it with --max-file-size if this really is one transcript');
    expect(new TooManyRowsError('t.csv', 3).finding).toEqual({ code: 'too-many-rows', args: { limit: 3 }, file: 't.csv' });
  });

  it('names the files that name nobody when several files are checked together', () => {
    const t = (file: string) => ({ rows: [], files: [file] });
    expect(thrown(() => onePerson([t('a.csv'), t('b.csv')], false))).toEqual({ code: 'names-nobody', args: { files: ['a.csv', 'b.csv'] } });
  });

  it('keeps a refused decision as its own code and arguments', () => {
    const e = decisionError({ code: 'unknown-rule', args: { ruleId: 'X' }, origin: { file: 'review.csv', line: 4 } });
    expect(e.finding).toEqual({ code: 'decision', args: { code: 'unknown-rule', args: { ruleId: 'X' } }, file: 'review.csv', place: { line: 4 } });
    expect(e.words('en')).toBe('the rule set has no rule "X" (see llct rules show)');
  });
});

describe('the words of a finding (a few exact texts; the rest of the suite asserts codes)', () => {
  it('words a usage error in Vietnamese and English', () => {
    const f: Finding = { code: 'bad-date', args: { option: '--as-of', input: 'hôm qua' } };
    expect(wordFinding(f, 'vi')).toBe('--as-of cần một ngày dạng DD/MM/YYYY hoặc YYYY-MM-DD (ví dụ 08/07/2021), nhận được "hôm qua"');
    expect(wordFinding(f, 'en')).toBe('--as-of expects a date YYYY-MM-DD or DD/MM/YYYY, got "hôm qua"');
    const e = new UsageError({ code: 'unknown-level', args: { given: 'x', valid: ['so-cap', 'trung-cap'] } });
    expect(e.message).toBe('unknown program id in --level: x; valid ids: so-cap, trung-cap');
    expect(e.words('vi')).toBe('không có chương trình mã x trong --level; các mã hợp lệ: so-cap, trung-cap');
  });

  it('words a malformed JSON file with its line and column', () => {
    const f: Finding = {
      code: 'json-malformed',
      args: { line: 2, column: 5, problem: { kind: 'syntax', reason: { kind: 'trailing-comma', before: '}' } } },
    };
    expect(wordFinding(f, 'en')).toBe("malformed JSON at line 2, column 5: a trailing comma before '}'; remove the last comma");
    expect(wordFinding(f, 'vi')).toBe("JSON sai cú pháp ở dòng 2, cột 5: dư dấu phẩy trước '}'; xóa dấu phẩy cuối cùng");
  });
});
