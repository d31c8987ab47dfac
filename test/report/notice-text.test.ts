// Notices worded once per rule set, language and notice: the same words as noticeMessage, never another notice's.
import { describe, expect, it } from 'vitest';
import type { Notice } from '../../src/coverage/types.js';
import { loadRuleSet } from '../../src/rules/load.js';
import { noticeMessage } from '../../src/report/messages.js';
import { noticeKey, noticeText } from '../../src/report/notice-text.js';

describe('noticeText', () => {
  it('words a notice as noticeMessage does, the second time from its cache', async () => {
    const ruleSet = await loadRuleSet(undefined, {});
    const notices: Notice[] = [
      { code: 'periods-from-credits', args: { perCredit: 15, perDvht: 15 } },
      { code: 'periods-from-credits', args: { perCredit: 15, perDvht: 12.5 } },
      { code: 'unverified-rules', args: { programId: 'so-cap', program: false, policy: true, subjects: ['a', 'b'], lessons: [], rules: [] } },
      { code: 'unverified-rules', args: { programId: 'so-cap', program: false, policy: true, subjects: ['a'], lessons: ['b'], rules: [] } },
      { code: 'four-point-scale-inferred', args: { files: ['x.csv', 'y.csv'] } },
      { code: 'four-point-scale-inferred', args: { files: ['x.csv,y.csv'] } },
      { code: 'grade-band', args: { rowId: 3, grade: 4.5, passMark: 5, uncertainBelow: 4 } },
    ];
    for (const lang of ['vi', 'en'] as const) {
      for (let round = 0; round < 2; round++) for (const n of notices) expect(noticeText(lang, n, ruleSet)).toBe(noticeMessage(lang, n, ruleSet));
    }
    const keys = notices.map(noticeKey).filter((k) => k !== null);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps no notice whose arguments JSON would not tell apart, nor one naming a row', () => {
    expect(noticeKey({ code: 'grade-band', args: { rowId: 1 } })).toBeNull();
    expect(noticeKey({ code: 'no-rows', args: { x: undefined } })).toBeNull();
    expect(noticeKey({ code: 'no-rows', args: { x: Number.NaN } })).toBeNull();
    expect(noticeKey({ code: 'no-rows', args: { x: { y: 1 } } })).toBeNull();
    expect(noticeKey({ code: 'no-rows', args: { x: [null] } })).toBeNull();
    expect(noticeKey({ code: 'no-rows', args: {} })).toBe('no-rows\u0000{}');
  });
});
