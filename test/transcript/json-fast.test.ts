// JSON transcripts and metadata.json read through JSON.parse (the fast path) give exactly what the positioned
// tree parser gives (the reference): the same values, and the same errors with the same places, on every
// fixture, the fuzz corpus and random JSON.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import '../fast-check-seed.js';
import { parseMetadata } from '../../src/batch/metadata.js';
import { prng } from '../../src/bench/generate.js';
import { KnownError } from '../../src/errors.js';
import { jsonFastPath } from '../../src/json-syntax.js';
import { loadRuleSet } from '../../src/rules/load.js';
import { parseJsonTranscript } from '../../src/transcript/json.js';
import { dossierFiles, FIXTURES, KINDS } from '../fuzz/inputs.js';

/** The shipped metadata vocabulary. */
const fields = (await loadRuleSet()).dossierFields!;

function outcome(f: () => unknown): unknown {
  try {
    return { value: JSON.parse(JSON.stringify(f() ?? null)) as unknown };
  } catch (e) {
    if (!(e instanceof KnownError)) throw e;
    return { error: { en: e.message, vi: e.vi, file: e.file, place: e.place } };
  }
}

function both(f: () => unknown): [unknown, unknown] {
  jsonFastPath.enabled = true;
  const fast = outcome(f);
  jsonFastPath.enabled = false;
  const reference = outcome(f);
  jsonFastPath.enabled = true;
  return [fast, reference];
}

function same(text: string): void {
  const [t1, t2] = both(() => parseJsonTranscript(text, 't.json'));
  expect(t1, text.slice(0, 200)).toEqual(t2);
  const [m1, m2] = both(() => parseMetadata(text, 'metadata.json', fields));
  expect(m1, text.slice(0, 200)).toEqual(m2);
}

afterEach(() => {
  jsonFastPath.enabled = true;
});

describe('JSON fast path = tree parser', () => {
  it('on every fixture file', () => {
    for (const f of FIXTURES) same(f.bytes.toString('utf8'));
  });

  it('on the fuzz corpus (random JSON: deep, wrong types, huge numbers, duplicate and __proto__ keys; metadata; mutations)', () => {
    const r = prng(20261127);
    for (let i = 0; i < 1000; i++) {
      for (const bytes of Object.values(dossierFiles(KINDS[i % KINDS.length]!, r, Math.floor(i / KINDS.length)))) same(bytes.toString('utf8'));
    }
  }, 120_000);

  it('on random JSON values and near-JSON text', () => {
    const doc = fc.oneof(
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify({ courses: [v, { name: 'Triết học', credits: v }] })),
      fc.jsonValue().map((v) => JSON.stringify({ fullName: v, partyMember: v, category: 'khác' })),
      fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', ' ', '\n', '1', 'e', '-', '.', 'a', '\\', 'u', '\t', '\u00a0', '\uFEFF') }),
    );
    fc.assert(fc.property(doc, (text) => same(text)), { numRuns: 1500 });
  });
});
