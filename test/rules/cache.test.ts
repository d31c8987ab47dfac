// The compiled rule-set cache: a revived rule set is the same graph and matches the same way; an edit, a corrupt
// or foreign entry and an unwritable location all fall back silently to compiling (issue 10).

import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { compileMatcher } from '../../src/match/match.js';
import { ROOT_FILE as COMPILER_ROOT_FILE } from '../../src/rules/compile.js';
import { readCachedRuleSet, ruleCacheFromEnv, type RuleCache } from '../../src/rules/cache.js';
import { defaultRulesDir, loadRuleSet, ROOT_FILE } from '../../src/rules/load.js';
import { decodeGraph, encodeGraph, NotSerializable } from '../../src/rules/serialize.js';
import type { RuleSet } from '../../src/rules/types.js';

const tmp = mkdtempSync(join(tmpdir(), 'llct-cache-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const freshCache = (toolVersion = '9.9.9'): RuleCache => ({ dir: join(tmp, `cache${n++}`), toolVersion });
const roundTrip = <T>(v: T): T => decodeGraph(JSON.parse(JSON.stringify(encodeGraph(v)))) as T;
const entries = (cache: RuleCache): string[] => readdirSync(cache.dir).filter((f) => f.endsWith('.cache'));
/** A slot file's JSON header line and the rule files' bytes after it (src/rules/cache.ts). */
const splitEntry = (file: string): { header: Record<string, unknown> & { ruleSet: { name: { en: string } } }; tail: Buffer } => {
  const data = readFileSync(file);
  const end = data.indexOf(10);
  return { header: JSON.parse(data.toString('latin1', 0, end)), tail: data.subarray(end + 1) };
};
const joinEntry = (header: unknown, tail: Uint8Array): Buffer => {
  const ascii = JSON.stringify(header).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return Buffer.concat([Buffer.from(`${ascii}\n`, 'latin1'), tail]);
};

/** Every string of a JSON file (rule names, keywords, examples, lookalikes…) and every cell of the CSV fixtures. */
function candidateNames(): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(JSON.parse(readFileSync(join(defaultRulesDir(), 'mapping.json'), 'utf8')));
  const T = 'fixtures/transcripts';
  for (const f of readdirSync(T)) {
    if (f.endsWith('.csv')) for (const cell of readFileSync(join(T, f), 'utf8').split(/[,\n]/)) out.add(cell.replace(/"/g, '').trim());
  }
  return [...out];
}

describe('rule set serialisation', () => {
  it('keeps Maps, Sets, RegExps, undefined, odd numbers, $-keys and shared objects', () => {
    const shared = { a: 1 };
    const v = { m: new Map([['x', shared]]), s: new Set(['a', 'b']), r: /a\b/giu, u: undefined, n: [NaN, -0, Infinity], $k: { $$j: shared }, e: {} };
    const back = roundTrip(v);
    expect(isDeepStrictEqual(back, v)).toBe(true);
    expect(back.m.get('x')).toBe(back.$k.$$j);
    expect(Object.is(back.n[1], -0)).toBe(true);
    expect('u' in back).toBe(true);
  });

  it('refuses what it cannot restore', () => {
    expect(() => encodeGraph({ f: () => 1 })).toThrow(NotSerializable);
    expect(() => encodeGraph({ d: new Date(0) })).toThrow(NotSerializable);
  });

  it('revives the shipped rule set as the same graph that matches every name the same way', async () => {
    const compiled = await loadRuleSet();
    const revived = roundTrip(compiled);
    expect(isDeepStrictEqual(revived, compiled)).toBe(true);
    for (const [id, { program, subject, lesson }] of revived.lessonIndex) {
      expect(revived.programs).toContain(program);
      expect(program.subjects).toContain(subject);
      expect(subject.lessons).toContain(lesson);
      expect(program.lessons).toContain(lesson);
      expect(lesson.id).toBe(id);
    }
    const a = compileMatcher(compiled);
    const b = compileMatcher(revived);
    const names = candidateNames();
    expect(names.length).toBeGreaterThan(200);
    for (const name of names) {
      expect(b.key(name), name).toBe(a.key(name));
      expect(JSON.stringify(b.keySteps(name)), name).toBe(JSON.stringify(a.keySteps(name)));
      expect(JSON.stringify(b.matchKey(b.key(name), name)), name).toBe(JSON.stringify(a.matchKey(a.key(name), name)));
    }
  });
});

describe('rule set cache', () => {
  it('the loader names the root file as the compiler does', () => expect(ROOT_FILE).toBe(COMPILER_ROOT_FILE));

  it('finds its location in the environment, and can be turned off', () => {
    expect(ruleCacheFromEnv({ LLCT_CACHE_DIR: '/c', HOME: '/h' }, '1')).toMatchObject({ dir: '/c', toolVersion: '1' });
    expect(ruleCacheFromEnv({ XDG_CACHE_HOME: '/x', HOME: '/h' }, '1')?.dir).toBe(join('/x', 'llct'));
    expect(ruleCacheFromEnv({ XDG_CACHE_HOME: 'relative', HOME: '/h' }, '1')?.dir).toBe(join('/h', '.cache', 'llct'));
    expect(ruleCacheFromEnv({ HOME: '/h' }, '1')?.dir).toBe(join('/h', '.cache', 'llct'));
    expect(ruleCacheFromEnv({}, '1')).toBeUndefined();
    expect(ruleCacheFromEnv({ LLCT_CACHE_DIR: '/c', LLCT_NO_CACHE: '1' }, '1')).toBeUndefined();
    expect(ruleCacheFromEnv({ LLCT_CACHE_DIR: '/c', LLCT_NO_CACHE: '0' }, '1')?.dir).toBe('/c');
  });

  /** A copy of the shipped rules, and a cache whose entry for it is marked (so a hit is visible). */
  async function markedEntry(): Promise<{ dir: string; cache: RuleCache; file: string }> {
    const dir = join(tmp, `rules${n++}`);
    cpSync(defaultRulesDir(), dir, { recursive: true });
    const cache = freshCache();
    const first = await loadRuleSet(dir, { cache });
    expect(first.name.en).not.toBe('MARKED');
    const [entry] = entries(cache);
    const file = join(cache.dir, entry!);
    const { header, tail } = splitEntry(file);
    header.ruleSet.name.en = 'MARKED';
    writeFileSync(file, joinEntry(header, tail));
    expect((await loadRuleSet(dir, { cache })).name.en).toBe('MARKED');
    return { dir, cache, file };
  }

  it('uses the entry while the rule files are unchanged, and recompiles the edit when one changes', async () => {
    const { dir, cache } = await markedEntry();
    const mappingFile = join(dir, 'mapping.json');
    const mapping = readFileSync(mappingFile, 'utf8');
    const label = (JSON.parse(mapping) as { rules: { label: { en: string } }[] }).rules[0]!.label.en;
    writeFileSync(mappingFile, mapping.replace(JSON.stringify(label), JSON.stringify(`${label} (edited)`)));
    const edited = await loadRuleSet(dir, { cache });
    expect(edited.name.en).not.toBe('MARKED');
    expect(edited.rules[0]!.label.en).toBe(`${label} (edited)`);
    // the recompiled set replaced the entry, and is what the next run gets
    expect(entries(cache)).toHaveLength(1);
    expect((await readCachedRuleSet(cache, dir))?.rules[0]!.label.en).toBe(`${label} (edited)`);
    expect(isDeepStrictEqual(await loadRuleSet(dir, { cache }), edited)).toBe(true);
  });

  it('ignores an entry of another tool version or build, and a corrupt entry, silently', async () => {
    for (const other of [{ toolVersion: '0.0.1' }, { build: 'another build' }]) {
      const { dir, cache } = await markedEntry();
      expect((await loadRuleSet(dir, { cache: { ...cache, ...other } })).name.en).not.toBe('MARKED');
    }
    const { dir, cache, file } = await markedEntry();
    const good = readFileSync(file);
    const { header, tail } = splitEntry(file);
    for (const junk of [
      '',
      '{',
      '{"format":"llct-rule-cache/0"}',
      joinEntry({ ...header, ruleSet: { $ref: 7 } }, tail),
      // the rule texts cut short, one byte too many, or the header without them
      good.subarray(0, good.length - 1),
      Buffer.concat([good, Buffer.from(' ')]),
      good.subarray(0, good.indexOf(10) + 1),
    ]) {
      writeFileSync(file, junk);
      const loaded = await loadRuleSet(dir, { cache });
      expect(isDeepStrictEqual(loaded, await loadRuleSet(dir))).toBe(true);
    }
    // the last load rewrote a good entry
    expect(await readCachedRuleSet(cache, dir)).toBeDefined();
  });

  it('still loads correctly when the cache location cannot be written', async () => {
    const blocker = join(tmp, `file${n++}`);
    writeFileSync(blocker, 'not a folder');
    const cache: RuleCache = { dir: join(blocker, 'llct'), toolVersion: '9.9.9' };
    const a = await loadRuleSet(undefined, { cache });
    const b = await loadRuleSet(undefined, { cache });
    expect(isDeepStrictEqual(a, await loadRuleSet())).toBe(true);
    expect(isDeepStrictEqual(b, a)).toBe(true);
  });

  it('saves nothing for a rule set that does not compile', async () => {
    const dir = join(tmp, `rules${n++}`);
    cpSync(defaultRulesDir(), dir, { recursive: true });
    writeFileSync(join(dir, 'mapping.json'), '{');
    const cache = freshCache();
    await expect(loadRuleSet(dir, { cache })).rejects.toThrow();
    expect(() => entries(cache)).toThrow();
  });
});
