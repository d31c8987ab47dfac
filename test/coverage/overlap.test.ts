import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../fast-check-seed.js';
import { overlappingFeeders, overlaps, pessimisticLessons, type ContentUnit } from '../../src/coverage/overlap.js';

const unit = (studied: [string, number][], covers?: string[], exempted: [string, number][] = []): ContentUnit => ({
  studied: new Map(studied),
  exempted: new Map(exempted),
  ...(covers ? { covers } : {}),
});

describe('overlap by content tags (§6.6)', () => {
  it('complementary modules feeding one lesson add up; modules sharing a tag count once, the larger', () => {
    const triet = unit([['SC01', 7.5]], ['philosophy']);
    const tthcm = unit([['SC01', 10]], ['ho-chi-minh-thought']);
    const nlcb = unit([['SC01', 9.4]], ['philosophy', 'political-economy']);
    expect(pessimisticLessons([triet, tthcm]).get('SC01')).toBe(17.5);
    expect(pessimisticLessons([triet, tthcm, nlcb]).get('SC01')).toBe(19.4);
    expect(overlappingFeeders([triet, tthcm, nlcb])).toEqual([triet, nlcb]);
  });

  it('untagged units overlap every unit (the reading before content tags)', () => {
    expect(overlaps({}, { covers: ['x'] })).toBe(true);
    expect(pessimisticLessons([unit([['L', 5]]), unit([['L', 8]], ['x'])]).get('L')).toBe(8);
  });

  it('an exemption adds only where no overlapping studied module feeds the lesson', () => {
    const studied = unit([['L', 6]], ['a']);
    const exemptSame = unit([], ['a'], [['L', 9]]);
    const exemptOther = unit([], ['b'], [['L', 4]]);
    expect(pessimisticLessons([studied, exemptSame, exemptOther]).get('L')).toBe(10);
  });
});

describe('pessimisticLessons', () => {
  // as first written (arrays of feeders per lesson and kind): the allocation-free loop must give the same map, in
  // the same order, with the same floating-point sums
  function reference(units: readonly ContentUnit[]): Map<string, number> {
    const lessons = new Set(units.flatMap((u) => [...u.studied.keys(), ...u.exempted.keys()]));
    const out = new Map<string, number>();
    for (const lesson of lessons) {
      const taken: ContentUnit[] = [];
      let sum = 0;
      for (const kind of ['studied', 'exempted'] as const) {
        const feeders = units
          .map((u) => ({ u, v: u[kind].get(lesson) }))
          .filter((x): x is { u: ContentUnit; v: number } => x.v !== undefined)
          .sort((a, b) => b.v - a.v);
        for (const { u, v } of feeders) {
          if (taken.some((t) => overlaps(t, u))) continue;
          taken.push(u);
          sum += v;
        }
      }
      out.set(lesson, sum);
    }
    return out;
  }

  it('equals its first form on random units (shared and distinct tags, ties, exemptions, fractions)', () => {
    const lesson = fc.constantFrom('L1', 'L2', 'L3', 'L4');
    const periods = fc.oneof(fc.constantFrom(7.5, 10, 15, 0.1, 0.2, 0.3), fc.double({ min: 0, max: 200, noNaN: true }));
    const entries = fc.array(fc.tuple(lesson, periods), { maxLength: 4 });
    const contentUnit = fc
      .tuple(entries, entries, fc.option(fc.subarray(['a', 'b', 'c']), { nil: undefined }))
      .map(([studied, exempted, covers]) => unit(studied, covers, exempted));
    fc.assert(
      fc.property(fc.array(contentUnit, { maxLength: 7 }), (units) => {
        expect([...pessimisticLessons(units)]).toEqual([...reference(units)]);
      }),
      { numRuns: 3000 },
    );
  });
});
