// End to end with the compiled rule-set cache (issue 10): the built bin gives byte-identical results with the cache
// disabled, cold and warm, for check and for batch on any number of jobs; --version never loads the rules.

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toolVersion } from '../../src/cli/version.js';
import { spawnBin } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'llct-cache-e2e-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const T = 'fixtures/transcripts';
const ASOF = ['--as-of', '2021-07-01'];
const NO_CACHE = { LLCT_NO_CACHE: '1' };
const cacheAt = (name: string) => ({ LLCT_CACHE_DIR: join(tmp, name) });

describe('llct with the rule-set cache (spawned)', () => {
  it('--version (its fast path) prints what commander prints, loads no rules and writes no cache', () => {
    for (const flag of ['--version', '-V']) {
      const r = spawnBin([flag], cacheAt('version'));
      expect(r).toEqual({ code: 0, stdout: `${toolVersion()}\n`, stderr: '' });
    }
    expect(existsSync(join(tmp, 'version'))).toBe(false);
  });

  it('check prints the same bytes without the cache, with a cold one and with a warm one', () => {
    const files = readdirSync(T).filter((f) => /\.(csv|json|xlsx)$/.test(f)).sort();
    expect(files.length).toBeGreaterThan(10);
    const env = cacheAt('check');
    for (const [i, f] of files.entries()) {
      const args = ['check', `${T}/${f}`, ...ASOF, '--format', i % 2 ? 'json' : 'text'];
      const off = spawnBin(args, NO_CACHE);
      expect(existsSync(env.LLCT_CACHE_DIR) || i === 0).toBe(true);
      const on = spawnBin(args, env);
      expect(on, f).toEqual(off);
    }
    expect(readdirSync(env.LLCT_CACHE_DIR).filter((f) => f.endsWith('.cache'))).toHaveLength(1);
  }, 120_000);

  it('batch writes byte-identical files without the cache and with it, on 1 and 2 jobs', () => {
    const runs = [
      ['nocache-1', NO_CACHE, '1'],
      ['cold-2', cacheAt('batch'), '2'],
      ['warm-1', cacheAt('batch'), '1'],
    ] as const;
    const entry = (): string[] => readdirSync(join(tmp, 'batch')).map((f) => `${f} ${statSync(join(tmp, 'batch', f)).mtimeMs}`);
    let afterCold: string[] = [];
    const outs = runs.map(([name, env, jobs]) => {
      const out = join(tmp, name);
      // reports.jsonl by default, and every per-dossier file too
      const r = spawnBin(['batch', 'fixtures/dossiers/sample', '--out', out, '--jobs', jobs, '--as-of', '2020-01-01', '--reports', 'json,text,html'], env);
      expect(r.code).toBe(2);
      if (name === 'cold-2') afterCold = entry();
      return { out, r };
    });
    // the workers read the entry the main thread wrote: a warm run rewrites nothing
    expect(afterCold).toHaveLength(1);
    expect(entry()).toEqual(afterCold);
    const list = (dir: string): string[] =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.includes('.') && f !== '.llct-manifest.json').sort();
    const [first, ...rest] = outs;
    expect(list(first!.out).length).toBeGreaterThan(20);
    for (const o of rest) {
      expect(o.r.stdout).toBe(first!.r.stdout);
      expect(o.r.stderr.replaceAll(o.out, first!.out)).toBe(first!.r.stderr);
      expect(list(o.out)).toEqual(list(first!.out));
      for (const f of list(first!.out)) expect(readFileSync(join(o.out, f)), f).toEqual(readFileSync(join(first!.out, f)));
    }
  }, 120_000);
});
