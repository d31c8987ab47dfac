// JSON transcript rows and person blocks read without zod (the fast path for what the schema accepts) give exactly
// what the schema gives, and everything it would refuse still gets the schema's error.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import '../fast-check-seed.js';
import { prng } from '../../src/bench/generate.js';
import { parseJsonTranscript, rowFastPath } from '../../src/transcript/json.js';
import { dossierFiles, FIXTURES, KINDS } from '../fuzz/inputs.js';
import { sameWithFastPath } from '../fast-path.js';

const same = sameWithFastPath(rowFastPath, (text) => parseJsonTranscript(text, 't.json'));

const value = fc.oneof(
  fc.constantFrom('Triết học Mác - Lênin', '  ', '', '3', '7,5', '3(2-1)', '-', 'abc', '-1', 'credit', 'dvht', '10', '4', 'letter', 'B+'),
  fc.constantFrom(0, -0, 3, 7.5, -1, 4, 10),
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.string(),
  fc.jsonValue(),
);
const key = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('name', 'code', 'credits', 'creditUnit', 'dvht', 'periods', 'lecturePeriods', 'practicePeriods', 'grade', 'gradeScale', 'term', 'institution') },
  { weight: 2, arbitrary: fc.constantFrom('Tên học phần', 'Mã HP', 'Số tín chỉ', 'ĐVHT', 'Điểm hệ 10', 'Điểm chữ', 'LT', 'TH', 'Tự học', 'STT', 'Học kỳ') },
  { weight: 1, arbitrary: fc.constantFrom('notes', '__proto__', 'constructor', '') },
);
/** A value as JSON text, with numbers JSON.parse reads as ±Infinity (which zod refuses). */
const valueText = fc.oneof({ weight: 9, arbitrary: value.map((v) => JSON.stringify(v) ?? 'null') }, { weight: 1, arbitrary: fc.constantFrom('1e999', '-1e999', '1E400') });
/** A row object as text (JSON.stringify would drop a `__proto__` key); names present most of the time. */
const row = fc
  .tuple(fc.option(valueText, { freq: 5, nil: undefined }), fc.array(fc.tuple(key, valueText), { maxLength: 8 }))
  .map(([name, pairs]) => `{${[...(name === undefined ? [] : [['name', name] as const]), ...pairs].map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(', ')}}`);

// 3,000 runs take about 4 s on a quiet 2-core machine: vitest's default 5 s failed them under load, so they get room
const PROPERTY_TIMEOUT_MS = 60_000;

describe('JSON rows fast path = schema', () => {
  it('on random rows of known, alias and unknown keys with valid and invalid values', () => {
    const doc = fc.array(row, { minLength: 1, maxLength: 4 }).map((rows) => `{"courses": [${rows.join(', ')}]}`);
    fc.assert(fc.property(doc, (text) => same(text)), { numRuns: 3000 });
  }, PROPERTY_TIMEOUT_MS);

  it('on random person blocks: known keys of every type, other keys, special keys', () => {
    const personKey = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('id', 'name', 'birthDate', 'unit') },
      { weight: 2, arbitrary: fc.constantFrom('email', 'Họ tên', '2', '0', 'x') },
      { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', '') },
    );
    const person = fc.array(fc.tuple(personKey, valueText), { maxLength: 6 }).map((pairs) => `{${pairs.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(', ')}}`);
    const doc = fc.tuple(fc.oneof({ weight: 9, arbitrary: person }, { weight: 1, arbitrary: valueText }), row).map(([p, r]) => `{"person": ${p}, "courses": [${r}]}`);
    fc.assert(fc.property(doc, (text) => same(text)), { numRuns: 3000 });
  }, PROPERTY_TIMEOUT_MS);

  it('on every JSON fixture and the fuzz corpus', () => {
    for (const f of FIXTURES) if (f.name.endsWith('.json')) same(f.bytes.toString('utf8'));
    const r = prng(20261129);
    for (let i = 0; i < 600; i++) {
      const files = dossierFiles(KINDS[i % KINDS.length]!, r, Math.floor(i / KINDS.length));
      for (const [name, bytes] of Object.entries(files)) if (name.endsWith('.json') && !name.endsWith('metadata.json')) same(bytes.toString('utf8'));
    }
  }, 120_000);
});
