// metadata.json read without zod (the fast path for the common valid file) gives exactly what the schema gives:
// the same object with its keys in the same order, and, when anything is wrong, the schema's own error.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import '../fast-check-seed.js';
import { metadataFastPath, parseMetadata } from '../../src/batch/metadata.js';
import { loadRuleSet } from '../../src/rules/load.js';
import { prng } from '../../src/bench/generate.js';
import { dossierFiles, KINDS } from '../fuzz/inputs.js';
import { sameWithFastPath } from '../fast-path.js';

/** The shipped vocabulary (rules/dossier-fields.json). */
const fields = (await loadRuleSet()).dossierFields!;

const same = sameWithFastPath(metadataFastPath, (text) => parseMetadata(text, 'metadata.json', fields));

const choiceIds = [fields.category, fields.secondDegreePlace, fields.process, fields.confirmingBody].flatMap((f) => f.ids);
/** Values of every kind a field may get: ids, spellings in other cases and accents, dates, yes/no words, wrong types. */
const value = fc.oneof(
  fc.constantFrom(...choiceIds),
  fc.constantFrom(...choiceIds).map((id) => ` ${id.toUpperCase().replace(/-/g, ' ')} `),
  fc.constantFrom('Lãnh đạo, quản lý', 'Có', 'không', 'KHÔNG', 'yes', 'x', 'do cá nhân tự đi xin', 'Ngoài hệ thống trường Đảng', 'không có', ''),
  fc.constantFrom('2019-05-20', '20/05/2019', '5.9.1980', '31/02/2019', '2019-13-01', '0099-01-01', ' 2020-01-01 ', '2019-5-20'),
  fc.constantFrom('Nguyễn Văn A', '  X1 ', '   ', 'D000001'),
  fc.boolean(),
  fc.constant(null),
  fc.integer(),
  fc.string(),
  fc.jsonValue(),
);
const key = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('id', 'fullName', 'birthDate', 'unit', 'applicationDate', 'category', 'partyMember', 'secondDegreePlace', 'process', 'confirmingBody') },
  { weight: 1, arbitrary: fc.constantFrom('$schema', 'fullname', '__proto__', 'constructor', 'toString', '') },
);

describe('metadata fast path = schema', () => {
  it('on random objects of known and unknown fields with valid and invalid values, keys in any order', () => {
    const doc = fc.array(fc.tuple(key, value), { maxLength: 12 }).map((pairs) => `{${pairs.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')}}`);
    fc.assert(fc.property(doc, (text) => same(text)), { numRuns: 3000 });
  });

  it('on whole valid files, and on JSON that is not an object', () => {
    same(JSON.stringify({ $schema: '../metadata.schema.json', confirmingBody: 'Học viện Chính trị khu vực III', id: ' X1 ', fullName: 'Nguyễn Văn A', birthDate: '05/09/1980', partyMember: 'Có', secondDegreePlace: null }));
    for (const text of ['[]', 'null', '"x"', '1', '{}', '{"$schema": 1}', '{"id": "x", "id": "y"}']) same(text);
  });

  it('on the fuzz corpus', () => {
    const r = prng(20261128);
    for (let i = 0; i < 600; i++) {
      const files = dossierFiles(KINDS[i % KINDS.length]!, r, Math.floor(i / KINDS.length));
      for (const [name, bytes] of Object.entries(files)) if (name.endsWith('metadata.json')) same(bytes.toString('utf8'));
    }
  }, 120_000);
});
