import { describe, expect, it } from 'vitest';
import { attemptKey, splitPart as split, unitsOf as units0 } from '../../src/coverage/modules.js';
import type { PartMarkers } from '../../src/rules/types.js';

const parts: PartMarkers = {
  numbers: new Map([['1', 1], ['2', 2], ['ii', 2]]),
  before: new Set(['phan']),
  notAfter: new Set(['lan', 'ky']),
};
const splitPart = (key: string) => split(key, parts);
const known = new Set(['triet hoc', 'kinh te 1'.replace(' 1', ''), 'lich su']);
const unitsOf = (m: Parameters<typeof units0>[0]) => units0(m, parts, (_rule, base) => known.has(base));

describe('module parts', () => {
  it('splits a trailing part marker off a key', () => {
    expect(splitPart('triet hoc 1')).toEqual({ base: 'triet hoc', part: 1, marked: false });
    expect(splitPart('kinh te chinh tri phan 2')).toEqual({ base: 'kinh te chinh tri', part: 2, marked: true });
    expect(splitPart('triet hoc ii')).toEqual({ base: 'triet hoc', part: 2, marked: false });
    expect(splitPart('triet hoc')).toEqual({ base: 'triet hoc', part: null, marked: false });
    expect(splitPart('2')).toEqual({ base: '2', part: null, marked: false });
    // attempts, terms and groups are not parts
    expect(splitPart('tu tuong ho chi minh lan 2')).toEqual({ base: 'tu tuong ho chi minh lan 2', part: null, marked: false });
    expect(splitPart('duong loi cach mang hoc ky 1')).toEqual({ base: 'duong loi cach mang hoc ky 1', part: null, marked: false });
  });

  it('recognises no part without part markers in the rule set', () => {
    expect(split('triet hoc 1', null)).toEqual({ base: 'triet hoc 1', part: null, marked: false });
  });

  it('groups attempts by course code when there is one, else by name', () => {
    expect(attemptKey('r', 'tu tuong lan 1', 'pol1001')).toBe(attemptKey('r', 'tu tuong lan 2', 'pol1001'));
    expect(attemptKey('r', 'triet hoc', null)).not.toBe(attemptKey('r', 'triet hoc', 'phi101'));
    expect(attemptKey('r', 'triet hoc', 'x1')).not.toBe(attemptKey('s', 'triet hoc', 'x1'));
  });

  it('makes distinct parts of one rule and base one unit, and everything else a unit of its own', () => {
    const m = (ruleId: string, key: string, name = key) => ({ id: attemptKey(ruleId, key, null), ruleId, key, name });
    const parts = [m('r', 'triet hoc 1'), m('r', 'triet hoc 2')];
    const units = unitsOf([...parts, m('r', 'triet hoc mac lenin'), m('s', 'kinh te 1'), m('r', 'lich su 1'), m('r', 'lich su')]);
    expect(units.get(parts[0]!.id)).toBe(units.get(parts[1]!.id));
    const distinct = new Set(units.values());
    expect(distinct.size).toBe(5); // the two parts share a unit; "lich su" + "lich su 1" overlap rather than add up
  });

  it('takes a bare number as a part only after a known module name; never a bracketed number', () => {
    const m = (key: string, name = key) => ({ id: attemptKey('r', key, null), ruleId: 'r', key, name });
    // "Tư tưởng HCM (học kì 1/2)": a retake with the term in the name, not two parts
    const terms = [m('tu tuong hcm hoc ki 1'), m('tu tuong hcm hoc ki 2')];
    const u1 = unitsOf(terms);
    expect(u1.get(terms[0]!.id)).not.toBe(u1.get(terms[1]!.id));
    // "Triết học (5)" and "Triết học (3)": credit counts in brackets
    const credits = [m('triet hoc 5', 'Triết học (5)'), m('triet hoc 3', 'Triết học (3)')];
    const u2 = unitsOf(credits);
    expect(u2.get(credits[0]!.id)).not.toBe(u2.get(credits[1]!.id));
    // "… phần 1", "… phần 2": marked, whatever the base
    const marked = [m('mon moi phan 1'), m('mon moi phan 2')];
    const u3 = unitsOf(marked);
    expect(u3.get(marked[0]!.id)).toBe(u3.get(marked[1]!.id));
  });
});
