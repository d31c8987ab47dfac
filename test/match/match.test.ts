import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileAbbreviations, matchingKey } from '../../src/match/normalize.js';
import { baseKey, displayName } from '../../src/text/normalize.js';
import { compileMatcher, createMatcher } from '../../src/match/match.js';
import { ruleSet, program, subject } from '../coverage/builders.js';
import '../fast-check-seed.js';

describe('normalisation', () => {
  it('strips diacritics, đ, punctuation and case', () => {
    expect(baseKey('  Tư tưởng   HỒ CHÍ MINH (HP1) ')).toBe('tu tuong ho chi minh hp1');
    expect(baseKey('Đường lối cách mạng của Đảng')).toBe('duong loi cach mang cua dang');
    expect(baseKey('Mác – Lê-nin')).toBe('mac le nin');
  });
  it('gives every string, course codes included (not remembered), the key of the full recipe', () => {
    const recipe = (s: string) => s.toLowerCase().replace(/đ/gu, 'd').normalize('NFD').replace(/\p{M}+/gu, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const text = fc.oneof(fc.stringMatching(/^[A-Za-z0-9]{1,9}$/), fc.string(), fc.constantFrom('SSH1120', 'HCM202', 'ĐLCM', 'Triết học 1', 'A-1', 'A 1', 'x\u0301'));
    fc.assert(fc.property(text, (s) => baseKey(s) === recipe(s)), { numRuns: 2000 });
  });
  it('treats decomposed (NFD) and composed input alike', () => {
    expect(baseKey('Triết học'.normalize('NFD'))).toBe(baseKey('Triết học'));
    expect(displayName('Triết  học'.normalize('NFD'))).toBe('Triết học'.normalize('NFC'));
  });
  it('expands abbreviations as whole-word sequences, longest first', () => {
    const ex = compileAbbreviations([
      { from: 'tt', to: 'tu tuong' },
      { from: 'tt hcm', to: 'tu tuong ho chi minh' },
      { from: 'hcm', to: 'ho chi minh' },
    ]);
    expect(matchingKey('TT HCM', { expander: ex })).toBe('tu tuong ho chi minh');
    expect(matchingKey('TT. Hồ Chí Minh', { expander: ex })).toBe('tu tuong ho chi minh');
    expect(matchingKey('HCMTT', { expander: ex })).toBe('hcmtt');
  });
  it('drops code-like tokens', () => {
    expect(matchingKey('MLN111 - Triết học', { dropToken: /^[a-z]{2,}[0-9]{3,}$/ })).toBe('triet hoc');
  });
});

describe('matching', () => {
  const p = program('p', 1, [subject('S', 20, [['A', 10], ['B', 10]])], { kind: 'course', minPeriods: 1, minLessons: 1, provenance: { verified: true, source: '' } });
  const rs = ruleSet(
    [p],
    [
      { id: 'generic', keywords: [{ all: ['lich su', 'dang'] }], targets: ['A'] },
      { id: 'specific', keywords: [{ all: ['lich su', 'dang cong san'] }], targets: ['B'] },
      { id: 'exact', names: ['Lịch sử Đảng'], codes: ['HIS 101'], targets: ['A'] },
      { id: 'twin-a', keywords: [{ all: ['twin'] }], targets: ['A'] },
      { id: 'twin-b', keywords: [{ all: ['twin'] }], targets: ['B'] },
      { id: 'guarded', keywords: [{ all: ['triet hoc'], none: ['phuong dong'] }], targets: ['A'] },
    ],
  );
  const match = createMatcher(rs);
  it('exact name beats keywords', () => expect(match('LỊCH SỬ ĐẢNG')).toMatchObject({ ruleId: 'exact', by: 'name' }));
  it('code beats keywords', () => expect(match('Lịch sử Đảng Cộng sản', 'HIS101')).toMatchObject({ ruleId: 'exact', by: 'code' }));
  it('the most specific keyword rule wins', () =>
    expect(match('Lịch sử Đảng Cộng sản Việt Nam')).toMatchObject({ ruleId: 'specific', by: 'keywords', tiedWith: [] }));
  it('a remaining tie takes the earlier rule and reports the others', () =>
    expect(match('twin')).toEqual({ ruleId: 'twin-a', by: 'keywords', tiedWith: ['twin-b'] }));
  it('keywords are whole words and honour none-of', () => {
    expect(match('Triết học phương Đông')).toBeNull();
    expect(match('Triết học')).toMatchObject({ ruleId: 'guarded' });
    expect(match('Lịch sử Việt Nam')).toBeNull();
    expect(match('Lichsu dang')).toBeNull();
  });
  it('an empty name matches nothing', () => expect(compileMatcher(rs).matchKey('')).toBeNull());
  it('keys a course code as baseKey without spaces, one-word codes and repeated codes included', () => {
    const m = compileMatcher(rs);
    const code = fc.oneof(fc.stringMatching(/^[A-Za-z0-9]{1,8}$/), fc.string(), fc.constantFrom('SSH 1120', 'HCM-202', 'Đ01', 'ssh1120'));
    fc.assert(
      fc.property(fc.array(code, { minLength: 1, maxLength: 4 }), (codes) => {
        for (const c of [...codes, ...codes]) expect(m.codeKey(c)).toBe(baseKey(c).replace(/ /g, ''));
      }),
      { numRuns: 1000 },
    );
  });
});
