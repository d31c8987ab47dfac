// Grades are read on a fixed 10-point scale here: the 4-point inference (§4) legitimately re-reads every grade when one is added.
import fc from 'fast-check';
import '../fast-check-seed.js';
import { describe, expect, it } from 'vitest';
import { checkTranscript } from '../../src/coverage/check.js';
import type { Verdict } from '../../src/coverage/types.js';
import { miniRules, row, transcript } from './builders.js';

const rs = miniRules();
const NAMES = ['Triết học', 'Triết học Mác-Lênin', 'Kinh tế chính trị', 'TTHCM', 'Giáo dục chính trị', 'Chỉ trung cấp', 'Giải tích', 'Tiếng Anh'];
const GRADES = ['', '3', '4.5', '5', '7,5', '9', 'F', 'B', 'Đạt', 'Miễn', 'xyz'];
const rank: Record<Verdict, number> = { FAIL: 0, REVIEW: 1, PASS: 2 };

const rowArb = fc.record({
  name: fc.constantFrom(...NAMES),
  grade: fc.constantFrom(...GRADES),
  credits: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
  periods: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
});
const build = (rows: fc.infer<typeof rowArb>[]) =>
  transcript(rows.map((r) => row(r.name, { grade: r.grade, ...(r.credits !== undefined ? { credits: r.credits } : {}), ...(r.periods !== undefined ? { periods: r.periods } : {}) })));

describe('coverage invariants', () => {
  it('stays within bounds and orders the two evaluations', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 10 }), (rows) => {
        const r = checkTranscript(build(rows), rs, { asOf: '2020-01-01' });
        for (const p of r.programs) {
          expect(p.pessimistic.periodsCounted).toBeLessThanOrEqual(p.optimistic.periodsCounted + 1e-9);
          expect(p.pessimistic.lessonsCovered).toBeLessThanOrEqual(p.optimistic.lessonsCovered);
          expect(p.optimistic.lessonsCovered).toBeLessThanOrEqual(p.totalLessons);
          for (const s of [...p.pessimistic.subjects, ...p.optimistic.subjects]) {
            expect(s.periodsMissing).toBeGreaterThanOrEqual(0);
            if (p.policy === 'per-subject') expect(s.periodsCounted).toBeLessThanOrEqual(s.periodsRequired);
          }
          if (p.verdict === 'PASS') expect(p.pessimistic.pass).toBe(true);
          if (p.verdict === 'REVIEW') expect(p.decidingRows.length).toBeGreaterThan(0);
          if (p.pessimistic.pass) expect(p.optimistic.pass).toBe(true);
        }
        // every row is accounted for exactly once
        expect(r.rows.map((x) => x.rowId)).toEqual(rows.map((_, i) => i + 1));
      }),
      { numRuns: 300 },
    );
  });

  // Exemptions are left out here on purpose: an exemption is read as recognition of a module, so a studied module
  // that feeds the same lessons replaces it on the pessimistic side (see check.test.ts) and may lower that reading.
  const studiedRowArb = rowArb.filter((r) => r.grade !== 'Miễn');
  it('adding a passed module with known periods never lowers a verdict (no exemptions)', () => {
    fc.assert(
      fc.property(fc.array(studiedRowArb, { maxLength: 8 }), fc.constantFrom(...NAMES), fc.integer({ min: 1, max: 6 }), (rows, extra, credits) => {
        const before = checkTranscript(build(rows), rs, { asOf: '2020-01-01', scale: '10' });
        const ruleOf = (n: string) => checkTranscript(build([{ name: n, grade: '9', credits: 1, periods: undefined }]), rs, { asOf: '2020-01-01', scale: '10' }).rows[0]!.match?.ruleId;
        const rule = ruleOf(extra);
        fc.pre(!before.rows.some((x) => x.match && x.match.ruleId === rule));
        const after = checkTranscript(build([...rows, { name: extra, grade: '9', credits, periods: undefined }]), rs, { asOf: '2020-01-01', scale: '10' });
        for (const p of before.programs) {
          const q = after.programs.find((x) => x.programId === p.programId)!;
          expect(rank[q.verdict]).toBeGreaterThanOrEqual(rank[p.verdict]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('turning a failed grade into a pass never lowers a verdict (no exemptions)', () => {
    fc.assert(
      fc.property(fc.array(studiedRowArb, { minLength: 1, maxLength: 8 }), fc.nat(), (rows, pick) => {
        const i = pick % rows.length;
        const failed = rows.map((r, k) => (k === i ? { ...r, grade: '2' } : r));
        const passed = rows.map((r, k) => (k === i ? { ...r, grade: '9' } : r));
        const a = checkTranscript(build(failed), rs, { asOf: '2020-01-01', scale: '10' });
        const b = checkTranscript(build(passed), rs, { asOf: '2020-01-01', scale: '10' });
        for (const p of a.programs) {
          const q = b.programs.find((x) => x.programId === p.programId)!;
          expect(rank[q.verdict]).toBeGreaterThanOrEqual(rank[p.verdict]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
