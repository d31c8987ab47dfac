import { describe, expect, it } from 'vitest';
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
