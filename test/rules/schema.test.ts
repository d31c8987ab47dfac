import { describe, expect, it } from 'vitest';
import { mappingFileSchema, programFileSchema, ruleSetFileSchema } from '../../src/rules/schema.js';
import { courseProgram, mappingFile, perSubjectProgram, rootFile } from './builders.js';

describe('rule-file schemas', () => {
  it('accept the builder files', () => {
    expect(ruleSetFileSchema.safeParse(rootFile()).success).toBe(true);
    expect(programFileSchema.safeParse(courseProgram()).success).toBe(true);
    expect(programFileSchema.safeParse(perSubjectProgram()).success).toBe(true);
    expect(mappingFileSchema.safeParse(mappingFile()).success).toBe(true);
  });

  it('reject unknown keys, naming the path and the key', () => {
    const p = courseProgram();
    (p.policy as Record<string, unknown>).minShare = 0.8;
    const r = programFileSchema.safeParse(p);
    expect(r.success).toBe(false);
    expect(r.error!.issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['minShare'], path: ['policy'] })]);
    const m = mappingFileSchema.safeParse(mappingFile({ normalisation: {} }));
    expect(m.error!.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['normalisation'], path: [] });
  });

  it('require positive periods, ratios in (0, 1] and ISO dates', () => {
    expect(programFileSchema.safeParse(courseProgram({ totalPeriods: 0 })).success).toBe(false);
    expect(programFileSchema.safeParse(perSubjectProgram({ policy: { kind: 'per-subject', minRatio: 1.2, verified: false, source: 'x' } })).success).toBe(false);
    expect(programFileSchema.safeParse(courseProgram({ effective: { from: '2013-1-14' } })).success).toBe(false);
    expect(programFileSchema.safeParse(courseProgram({ effective: { from: '2013-02-30' } })).success).toBe(false);
  });

  it('require provenance on every item', () => {
    const p = courseProgram();
    delete (p.subjects as Record<string, unknown>[])[0]!.verified;
    expect(programFileSchema.safeParse(p).error!.issues[0]!.path).toEqual(['subjects', 0, 'verified']);
  });

  it('default a subject to required', () => {
    const parsed = programFileSchema.parse(courseProgram());
    expect(parsed.subjects.map((s) => s.required)).toEqual([true, true]);
  });
});
