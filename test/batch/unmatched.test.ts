import { describe, expect, it } from 'vitest';
import { addUnmatched, emptyUnmatched, unmatchedCsv, unmatchedList } from '../../src/batch/unmatched.js';
import { suggestRules } from '../../src/match/suggest.js';
import { program, ruleSet, subject } from '../coverage/builders.js';

const rs = ruleSet(
  [program('so-cap', 1, [subject('S', 180, [['SC01', 10], ['SC06', 10]])], { kind: 'course', minPeriods: 144, minLessons: 13, provenance: { verified: true, source: 't' } })],
  [
    { id: 'triet-hoc', names: ['Triết học Mác-Lênin'], targets: ['SC01'] },
    { id: 'tthcm', names: ['Tư tưởng Hồ Chí Minh'], targets: ['SC06'] },
  ],
);

describe('unmatched names', () => {
  it('counts each name once per dossier and keeps the first spelling seen', () => {
    const counts = emptyUnmatched();
    addUnmatched(counts, [
      { key: 'giai tich 1', name: 'Giải tích 1' },
      { key: 'giai tich 1', name: 'GIẢI TÍCH 1' },
      { key: 'tieng anh', name: 'Tiếng Anh' },
    ]);
    addUnmatched(counts, [{ key: 'giai tich 1', name: 'giai tich 1' }]);
    const list = unmatchedList(counts, rs, 'vi');
    expect(list.map((e) => [e.key, e.example, e.dossiers])).toEqual([
      ['giai tich 1', 'Giải tích 1', 2],
      ['tieng anh', 'Tiếng Anh', 1],
    ]);
  });

  it('suggests the nearest rules by edit distance on matching keys, and nothing for far names', () => {
    const s = suggestRules('triet hoc mac le nin', rs, 'vi');
    expect(s[0]).toMatchObject({ ruleId: 'triet-hoc' });
    expect(s[0]!.similarity).toBeGreaterThan(0.8);
    expect(suggestRules('giao duc the chat', rs, 'vi')).toEqual([]);
  });

  it('writes CSV rows with empty suggestion cells when there are none', () => {
    const counts = emptyUnmatched();
    addUnmatched(counts, [{ key: 'tu tuong ho chi minh 2', name: 'Tư tưởng HCM 2' }]);
    const csv = unmatchedCsv(unmatchedList(counts, rs, 'vi'));
    expect(csv.header.slice(0, 6)).toEqual(['key', 'example', 'dossiers', 'suggestion_1', 'suggestion_1_rule', 'suggestion_1_similarity']);
    expect(csv.records[0]!.slice(0, 5)).toEqual(['tu tuong ho chi minh 2', 'Tư tưởng HCM 2', 1, 'tthcm', 'tthcm']);
    expect(csv.records[0]![6]).toBeNull();
  });
});
