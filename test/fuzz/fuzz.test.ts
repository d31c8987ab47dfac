// Fuzz suite: hostile dossiers through `llct batch` (the built CLI, in-process, real worker threads), once with
// --jobs 1 and once with --jobs 2. Asserts: exit code in {0,1,2,3}, no stack trace, N dossiers in = N rows out,
// byte-identical outputs whatever the number of jobs. CI runs a small seeded slice; `npm run fuzz` runs 10,000.
// FUZZ_COUNT and FUZZ_SEED change the size and the seed (a failure names the seed and chunk to replay).

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuilt, snapshot, summaryRows } from '../reliability/helpers.js';
import { KINDS, writeFuzzFolder, type Kind } from './inputs.js';

const COUNT = Number(process.env.FUZZ_COUNT ?? 100);
const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
/** Dossiers per batch run: big enough to keep the worker pool busy, small enough to fail with a short replay. */
const CHUNK = 500;

const tmp = mkdtempSync(join(tmpdir(), 'llct-fuzz-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }), 60_000);

const STACK = /\n\s+at .+[:(]\d+:\d+\)?|Maximum call stack|heap out of memory|\bEN[A-Z]+:|\bE[A-Z]{3,}:/u;

describe(`fuzz: ${COUNT} hostile dossiers (seed ${SEED})`, () => {
  const figures = { dossiers: 0, byKind: {} as Record<Kind, number>, exit: {} as Record<number, number>, errors: {} as Record<string, number> };
  afterAll(() => {
    // the figures the README quotes (printed by `npm run fuzz`)
    console.log(`fuzz figures: ${JSON.stringify(figures)}`);
  });

  for (let first = 0; first < COUNT; first += CHUNK) {
    const size = Math.min(CHUNK, COUNT - first);
    it(`chunk ${first / CHUNK} (${size} dossiers): exit in {0,1,2,3}, no stack trace, N in = N out, --jobs 1 = --jobs 2`, async () => {
      const input = join(tmp, `in-${first}`);
      const counts = writeFuzzFolder(input, size, SEED + first, first);
      const outs: Record<string, string>[] = [];
      for (const jobs of ['1', '2']) {
        const out = join(tmp, `out-${first}-${jobs}`);
        // every per-dossier renderer too (--reports), on hostile input
        const r = await runBuilt(['batch', input, '--out', out, '--jobs', jobs, '--as-of', '2020-01-01', '--reports', 'json,text,html']);
        const replay = `FUZZ_SEED=${SEED} FUZZ_COUNT=${COUNT}, chunk ${first / CHUNK}`;
        expect([0, 1, 2, 3], replay).toContain(r.code);
        expect(r.stderr, replay).not.toMatch(STACK);
        const rows = summaryRows(join(out, 'summary.csv'));
        expect(rows, replay).toHaveLength(size);
        expect(readdirSync(join(out, 'reports')), replay).toHaveLength(3 * size);
        expect(readFileSync(join(out, 'reports.jsonl'), 'utf8').split('\n').filter((l) => l !== ''), replay).toHaveLength(size);
        expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).dossiers, replay).toHaveLength(size);
        for (const row of rows) expect(`${row.error}`, `${replay}: ${row.dossier}`).not.toMatch(STACK);
        if (jobs === '1') {
          figures.dossiers += size;
          for (const k of KINDS) figures.byKind[k] = (figures.byKind[k] ?? 0) + counts[k];
          figures.exit[r.code] = (figures.exit[r.code] ?? 0) + 1;
          for (const row of rows) figures.errors[row.error_code || 'evaluated'] = (figures.errors[row.error_code || 'evaluated'] ?? 0) + 1;
        }
        outs.push(snapshot(out));
        if (jobs === '2') rmSync(input, { recursive: true, force: true });
      }
      expect(outs[1]).toEqual(outs[0]);
      for (const jobs of ['1', '2']) rmSync(join(tmp, `out-${first}-${jobs}`), { recursive: true, force: true });
    }, 600_000);
  }
});
