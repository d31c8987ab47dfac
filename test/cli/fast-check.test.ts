// The plain-check fast path of main.ts (issue 10 start-up): it knows check's options exactly as commander does,
// runs a command line with the same output, errors and exit code as `run`, and leaves anything unusual to commander.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { registerCheck } from '../../src/cli/check.js';
import { CHECK_DEFAULTS, CHECK_OPTIONS, parsePlainCheck, runPlainCheck } from '../../src/cli/fast-check.js';
import type { Io } from '../../src/cli/io.js';
import { capturingIo, ROOT, runIn, spawnBin, type Ran } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'llct-fast-check-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ERA = 'fixtures/transcripts/era-2019.csv';

async function fastIn(argv: string[], over: Partial<Io> = {}): Promise<Ran | null> {
  // the fast path reports its exit code through io.exitCode, as `run` does (which starts it at 0)
  const { io, ran } = capturingIo({ exitCode: 0, ...over });
  const code = await runPlainCheck(argv, io);
  return code === null ? null : ran(code);
}

describe('plain check without commander', () => {
  it("knows check's options as registerCheck declares them (names, values, choices, defaults)", () => {
    const program = new Command('llct');
    const io = { stdout: { write: () => true }, stderr: { write: () => true } } as unknown as Io;
    registerCheck(program, io, 'en');
    const cmd = program.commands.find((c) => c.name() === 'check')!;
    const declared = Object.fromEntries(
      cmd.options.map((o) => [
        o.long!,
        {
          attr: o.attributeName(),
          value: o.required,
          ...(o.short ? { short: o.short } : {}),
          ...(o.argChoices ? { choices: [...o.argChoices] } : {}),
          ...(o.negate ? { negate: true } : {}),
        },
      ]),
    );
    const ours = Object.fromEntries(Object.entries(CHECK_OPTIONS).map(([k, v]) => [k, { ...v, ...(v.choices ? { choices: [...v.choices] } : {}) }]));
    expect(ours).toEqual(declared);
    expect(cmd.options.every((o) => !o.optional && !o.variadic)).toBe(true);
    const defaults = Object.fromEntries(cmd.options.filter((o) => o.defaultValue !== undefined).map((o) => [o.attributeName(), o.defaultValue]));
    // a --no-x flag defaults x to true in commander
    for (const o of cmd.options) if (o.negate) defaults[o.attributeName()] = true;
    expect(CHECK_DEFAULTS).toEqual(defaults);
  });

  it('leaves help, version, unknown or misspelt options, bad choices, "--" and dash values to commander', () => {
    for (const argv of [
      ['check'],
      ['check', '--as-of', '2020-01-01'],
      ['check', ERA, '--help'],
      ['check', ERA, '-h'],
      ['check', ERA, '-V'],
      ['check', ERA, '--version'],
      ['check', ERA, '--colour'],
      ['check', ERA, '--color'],
      ['check', ERA, '--format', 'pdf'],
      ['check', ERA, '--lang=fr'],
      ['check', ERA, '--scale', '5'],
      ['check', ERA, '--', '-x.csv'],
      ['check', ERA, '--as-of', '-1'],
      ['check', ERA, '--as-of'],
      ['check', ERA, '--excel=yes'],
      ['check', ERA, '-x'],
      ['check', ERA, '-5'],
      ['batch', 'fixtures/dossiers'],
      ['help', 'check'],
      [ERA],
    ]) {
      expect(parsePlainCheck(argv), argv.join(' ')).toBeNull();
    }
  });

  it('reads the forms commander reads the same way', () => {
    expect(parsePlainCheck(['check', ERA, '-', '--as-of=2020-01-01', '-fjson', '-o', 'x.json', '--no-color', '--excel', '--lang', 'en'])).toEqual({
      files: [ERA, '-'],
      values: { asOf: '2020-01-01', format: 'json', output: 'x.json', color: false, excel: true, lang: 'en' },
    });
    // the last of a repeated option wins, as in commander
    expect(parsePlainCheck(['check', '--lang', 'en', ERA, '--lang', 'vi'])?.values).toEqual({ lang: 'vi' });
  });

  const office = join(tmp, 'office');
  mkdirSync(office, { recursive: true });
  writeFileSync(join(office, '.llctrc.json'), JSON.stringify({ lang: 'en', excel: true, color: false, jobs: '2' }));
  const out = (name: string) => join(tmp, name);

  const lines: { argv: string[]; over?: Partial<Io> }[] = [
    { argv: ['check', ERA, '--as-of', '2020-01-01'] },
    { argv: ['check', ERA, '--as-of=01/01/2020', '--lang', 'en'] },
    { argv: ['check', ERA, 'fixtures/transcripts/retake.csv', '--as-of', '2020-01-01'] },
    { argv: ['check', ERA, '--as-of', '2020-01-01'], over: { stdoutIsTTY: true } },
    { argv: ['check', ERA, '--as-of', '2020-01-01', '--no-color'], over: { stdoutIsTTY: true } },
    { argv: ['check', ERA, '--as-of', '2020-01-01'], over: { env: { FORCE_COLOR: '1' } } },
    { argv: ['check', ERA, '-f', 'json', '--as-of', '2020-01-01'] },
    { argv: ['check', ERA, '--format=csv', '--excel', '--as-of', '2020-01-01'] },
    { argv: ['check', ERA, '--excel', '--as-of', '2020-01-01'] },
    { argv: ['check', ERA, '-fhtml', '--as-of', '2020-01-01'] },
    { argv: ['check', 'fixtures/transcripts/person.json', '--as-of', '2020-01-01'] },
    { argv: ['check', 'fixtures/transcripts/era-2019.xlsx', '--as-of', '2020-01-01', '--lang', 'en'] },
    { argv: ['check', ERA, '--level', 'so cap', '--as-of', '2020-01-01', '--pass-mark', '6', '--periods-per-credit', '15'] },
    { argv: ['check', ERA, '--as-of', '2020-01-01', '--scale', '4', '--max-rows', '5'] },
    { argv: ['check', ERA, '--as-of', '2020-01-01', '--encoding', 'latin1'] },
    { argv: ['check', ERA, '--as-of', '31/02/2020'] },
    { argv: ['check', ERA, '--as-of', '2020-01-01', '--level', 'tien-si', '--lang', 'en'] },
    { argv: ['check', 'fixtures/transcripts/no-such.csv'] },
    { argv: ['check', 'fixtures/transcripts'] },
    { argv: ['check', ERA, '--rules', 'fixtures'] },
    { argv: ['check', ERA, '-o', 'x.txt', '--out', 'y.txt'] },
    { argv: ['check', ERA, '-o', 'x.pdf'] },
    { argv: ['check', ERA, '-f', 'xlsx'] },
    { argv: ['check', '-', '-'] },
    { argv: ['check', ERA, '--as-of', '2020-01-01', '--debug', '--max-file-size', 'lots'] },
    // config file and environment defaults, and the command line over them
    { argv: ['check', `${ROOT}/${ERA}`, '--as-of', '2020-01-01'], over: { cwd: office } },
    { argv: ['check', `${ROOT}/${ERA}`, '--as-of', '2020-01-01', '--lang', 'vi', '-f', 'text'], over: { cwd: office } },
    { argv: ['check', ERA, '--as-of', '2020-01-01'], over: { env: { LLCT_LANG: 'en', LLCT_EXCEL: '1', LLCT_LEVEL: 'so-cap' } } },
    { argv: ['check', ERA, '--as-of', '2020-01-01'], over: { env: { LLCT_LANG: 'de' } } },
    { argv: ['check', ERA, '--as-of', '2020-01-01'], over: { env: { LLCT_CONFIG: join(tmp, 'missing.json') } } },
  ];

  it('runs each plain line with the same output, errors and exit code as run (commander)', async () => {
    for (const { argv, over } of lines) {
      const fast = await fastIn(argv, over);
      const slow = await runIn(argv, over);
      expect(fast, argv.join(' ')).toEqual(slow);
    }
  });

  it('writes the same -o and --review-out files', async () => {
    const argv = (tag: string) => ['check', ERA, '--as-of', '2020-01-01', '-o', out(`${tag}.html`), '--review-out', out(`${tag}-review.csv`)];
    expect(await fastIn(argv('fast'))).toEqual(await runIn(argv('slow')));
    expect(readFileSync(out('fast.html'), 'utf8')).toBe(readFileSync(out('slow.html'), 'utf8'));
    expect(readFileSync(out('fast-review.csv'), 'utf8')).toBe(readFileSync(out('slow-review.csv'), 'utf8'));
  });

  it('the lean bundle (dist/bundle/check.cjs) runs a plain CSV check itself and declines, silently, what it leaves out', async () => {
    const cache = mkdtempSync(join(tmp, 'lean-cache-'));
    const lean = createRequire(import.meta.url)(join(ROOT, 'dist', 'bundle', 'check.cjs')) as typeof import('../../src/cli/fast-check-lean.js');
    const leanIn = async (argv: string[]): Promise<Ran | null> => {
      const { io, ran } = capturingIo({ exitCode: 0, env: { LLCT_CACHE_DIR: cache } });
      const code = await lean.runLeanCheck(argv, io);
      return code === null ? null : ran(code);
    };
    const plain = ['check', ERA, '--as-of', '2020-01-01'];
    // no compiled rule set yet: the compiler is not in the lean bundle
    expect(await leanIn(plain)).toBeNull();
    // the full bundle compiles it and saves it under the build id both bundles share
    spawnBin(plain, { LLCT_CACHE_DIR: cache });
    expect(await leanIn(plain)).toEqual(await runIn(plain, { env: { LLCT_CACHE_DIR: cache } }));
    for (const argv of [
      ['check', 'fixtures/transcripts/person.json', '--as-of', '2020-01-01'],
      ['check', 'fixtures/transcripts/era-2019.xlsx', '--as-of', '2020-01-01'],
      [...plain, '-f', 'json'],
      [...plain, '-f', 'html'],
      [...plain, '--decisions', 'x.csv'],
      [...plain, '-', '--same-person'],
    ]) {
      expect(await leanIn(argv), argv.join(' ')).toBeNull();
      expect(await leanIn(argv), `${argv.join(' ')} (again)`).toBeNull();
    }
  });

  it("the lean bundle's V8 code cache is written once, used after, and a foreign or corrupt one is only rewritten", () => {
    const cache = mkdtempSync(join(tmp, 'code-cache-'));
    const plain = ['check', ERA, '--as-of', '2020-01-01'];
    const first = spawnBin(plain, { LLCT_CACHE_DIR: cache });
    expect(first.code).toBe(0);
    const codeFile = join(cache, 'code-check.bin');
    for (let i = 0; i < 2; i++) expect(spawnBin(plain, { LLCT_CACHE_DIR: cache })).toEqual(first);
    const written = readFileSync(codeFile);
    const stamp = written.subarray(0, written.indexOf(10) + 1);
    expect(stamp.length).toBeGreaterThan(1);
    for (const junk of [Buffer.from('another build\ngarbage'), Buffer.concat([stamp, Buffer.from('garbage')]), Buffer.concat([stamp, written.subarray(stamp.length, stamp.length + 100)]), Buffer.alloc(0)]) {
      writeFileSync(codeFile, junk);
      expect(spawnBin(plain, { LLCT_CACHE_DIR: cache })).toEqual(first);
      expect(readFileSync(codeFile).subarray(0, stamp.length).equals(stamp)).toBe(true);
    }
    expect(spawnBin(plain, { LLCT_CACHE_DIR: cache, LLCT_NO_CACHE: '1' })).toEqual(first);
  }, 60_000);

  it("an unwritable code cache location is only a slower run: same output, nothing on stderr", () => {
    const plain = ['check', ERA, '--as-of', '2020-01-01'];
    const expected = spawnBin(plain, { LLCT_CACHE_DIR: mkdtempSync(join(tmp, 'code-cache-ok-')) });
    expect(expected).toMatchObject({ code: 0, stderr: '' });
    // the rule-set cache can be written, code-check.bin cannot (a folder holds its name): the lean bundle runs
    const cache = mkdtempSync(join(tmp, 'code-cache-blocked-'));
    mkdirSync(join(cache, 'code-check.bin'));
    for (let i = 0; i < 3; i++) expect(spawnBin(plain, { LLCT_CACHE_DIR: cache })).toEqual(expected);
    expect(readdirSync(join(cache, 'code-check.bin'))).toEqual([]);
    expect(readdirSync(cache).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // nothing can be written at all (the cache folder's path runs through a file)
    const blocker = join(tmp, 'code-cache-file');
    writeFileSync(blocker, 'not a folder');
    for (let i = 0; i < 2; i++) expect(spawnBin(plain, { LLCT_CACHE_DIR: join(blocker, 'llct') })).toEqual(expected);
  }, 60_000);

  it('the built bin gives the same as run: plain lines (lean bundle, or the full one for what it leaves out) and lines commander reads', async () => {
    const cache = mkdtempSync(join(tmp, 'bin-cache-'));
    for (const argv of [
      // the first run compiles the rules (the lean bundle has no compiler: the full one takes over), the next hit
      ['check', ERA, '--as-of', '2020-01-01'],
      ['check', ERA, '--as-of', '2020-01-01'],
      ['check', ERA, '--as-of', '2020-01-01', '--lang', 'en', '--no-color'],
      ['check', ERA, '--as-of', '2020-01-01', '--format', 'json'],
      ['check', ERA, '--as-of', '2020-01-01', '-f', 'csv', '--excel'],
      ['check', 'fixtures/transcripts/person.json', '--as-of', '2020-01-01'],
      ['check', 'fixtures/transcripts/era-2019.xlsx', '--as-of', '2020-01-01'],
      ['check', 'fixtures/transcripts/no-such.csv'],
      ['check', ERA, '--as-of', '2020-01-01', '--format', 'pdf'],
    ]) {
      const slow = await runIn(argv, { env: { LLCT_CACHE_DIR: cache } });
      expect(spawnBin(argv, { LLCT_CACHE_DIR: cache }), argv.join(' ')).toEqual(slow);
    }
  }, 60_000);
});
