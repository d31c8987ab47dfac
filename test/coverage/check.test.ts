import { describe, expect, it } from 'vitest';
import { checkTranscript } from '../../src/coverage/check.js';
import type { CheckOptions } from '../../src/coverage/types.js';
import { miniRules, program, row, ruleSet, subject, transcript } from './builders.js';

const opts: CheckOptions = { asOf: '2020-01-01' };
const rs = miniRules();
const prog = (r: ReturnType<typeof checkTranscript>, id: string) => r.programs.find((p) => p.programId === id)!;
const rowOf = (r: ReturnType<typeof checkTranscript>, id: number) => r.rows.find((x) => x.rowId === id)!;

describe('course policy', () => {
  it('passes on periods and lessons, splitting periods proportionally', () => {
    // 2 TC = 30 → L1, L2 (10/10) and S1; 2 TC = 30 → L4, L5, S2
    const r = checkTranscript(transcript([row('Triết học Mác-Lênin', { credits: 2, grade: '7' }), row('TTHCM', { credits: 2, grade: '8' })]), rs, opts);
    const e = prog(r, 'elem');
    expect(e.verdict).toBe('PASS');
    expect(e.pessimistic.periodsCounted).toBe(60);
    expect(e.pessimistic.lessonsCovered).toBe(4);
    expect(rowOf(r, 1).contributions.find((c) => c.programId === 'elem')!.lessons).toEqual([
      { lessonId: 'L1', subjectId: 'P1', periods: 15 },
      { lessonId: 'L2', subjectId: 'P1', periods: 15 },
    ]);
    expect(r.highestPassed).toBe('elem');
  });
  it('fails with the shortfall in periods and lessons', () => {
    const r = checkTranscript(transcript([row('Triết học', { credits: 2, grade: '7' })]), rs, opts);
    const e = prog(r, 'elem');
    expect(e.verdict).toBe('FAIL');
    expect(e.shortfall).toMatchObject({ periodsMissing: 10, lessonsMissing: 2 });
    expect(e.shortfall.subjects.map((s) => [s.subjectId, s.lessonsMissing])).toEqual([['P1', ['L3']], ['P2', ['L4', 'L5']]]);
    expect(r.highestPassed).toBeNull();
  });
});

describe('uncertain rows → REVIEW', () => {
  it('unknown periods: REVIEW naming the row; never counted as zero', () => {
    const r = checkTranscript(transcript([row('Triết học', { credits: 2, grade: '7' }), row('Tư tưởng Hồ Chí Minh', { grade: '8' })]), rs, opts);
    const e = prog(r, 'elem');
    expect(rowOf(r, 2)).toMatchObject({ state: 'uncertain', uncertain: ['periods-unknown'], periods: { value: null, origin: 'unknown' } });
    expect(e.verdict).toBe('REVIEW');
    expect(e.decidingRows).toEqual([2]);
    expect(e.pessimistic.periodsCounted).toBe(30);
    // optimistic: unknown periods are the mapped lessons' curriculum periods (L4 + L5)
    expect(e.optimistic.periodsCounted).toBe(50);
  });
  it('a grade in the 4.0–5.0 band decides → REVIEW with a notice; a set pass mark settles it', () => {
    const t = transcript([row('Triết học', { credits: 2, grade: '7' }), row('TTHCM', { credits: 2, grade: '4,5' })]);
    const r = checkTranscript(t, rs, opts);
    expect(prog(r, 'elem').verdict).toBe('REVIEW');
    expect(r.notices).toContainEqual({ code: 'grade-band', args: { rowId: 2, grade: 4.5, passMark: 4, uncertainBelow: 5 } });
    expect(prog(checkTranscript(t, rs, { ...opts, passMark: 4 }), 'elem').verdict).toBe('PASS');
    expect(prog(checkTranscript(t, rs, { ...opts, passMark: 5 }), 'elem').verdict).toBe('FAIL');
  });
  it('an uncertain row that cannot change the outcome leaves FAIL', () => {
    const r = checkTranscript(transcript([row('Giáo dục chính trị', { grade: '8' })]), rs, opts);
    expect(prog(r, 'elem').verdict).toBe('FAIL');
  });
});

describe('attempts and duplicates', () => {
  it('a module failed then passed counts once', () => {
    const r = checkTranscript(
      transcript([row('Triết học', { credits: 2, grade: '3' }), row('TTHCM', { credits: 2, grade: '8' }), row('Triết học', { credits: 2, grade: '7' })]),
      rs,
      opts,
    );
    expect(rowOf(r, 1)).toMatchObject({ state: 'not-counted', notCounted: 'failed' });
    expect(rowOf(r, 3).state).toBe('counted');
    expect(prog(r, 'elem').pessimistic.periodsCounted).toBe(60);
  });
  it('two passed attempts of one module (same name) count once: the better one', () => {
    const r = checkTranscript(transcript([row('Triết học', { credits: 2, grade: '6' }), row('TRIẾT HỌC', { credits: 3, grade: '7' })]), rs, opts);
    expect(rowOf(r, 1)).toMatchObject({ notCounted: 'duplicate', supersededBy: 2 });
    expect(prog(r, 'elem').pessimistic.periodsCounted).toBe(45);
  });
  it('different modules feeding the same lessons never add up on the pessimistic side', () => {
    // e.g. the same subject on a first and a second degree under different names
    const r = checkTranscript(transcript([row('Triết học', { credits: 2, grade: '6' }), row('Triết học Mác-Lênin', { credits: 3, grade: '7' })]), rs, opts);
    expect(rowOf(r, 1).state).toBe('counted');
    expect(rowOf(r, 2).state).toBe('counted');
    const e = prog(r, 'elem');
    expect(e.pessimistic.periodsCounted).toBe(45); // L1, L2: the larger share each
    expect(e.optimistic.periodsCounted).toBe(75); // the sum
    expect(e.overlapRows).toEqual([1, 2]);
    expect(e.overlapLessons).toEqual(['L1', 'L2']);
    expect(r.notices).toContainEqual({ code: 'overlapping-modules', args: { programId: 'elem', rows: [1, 2], lessons: ['L1', 'L2'] } });
  });
  it('an overlap that decides the verdict gives REVIEW naming the overlapping rows', () => {
    // without the overlap: 30 (philosophy) + 30 (hcm) = 60 ≥ 40, 4 lessons → PASS anyway; make it decide:
    const t = transcript([row('Triết học', { periods: 15, grade: '8' }), row('Giáo dục chính trị', { periods: 20, grade: '8' }), row('TTHCM', { periods: 10, grade: '8' })]);
    const e = prog(checkTranscript(t, rs, opts), 'elem');
    // L1: philosophy 7.5 vs vocational 20 → max 20; L2 7.5; L4, L5 5 each → 37.5 < 40; summed 45 ≥ 40
    expect(e.pessimistic.periodsCounted).toBe(37.5);
    expect(e.optimistic.periodsCounted).toBe(45);
    expect(e.verdict).toBe('REVIEW');
    expect(e.decidingRows).toEqual([1, 2]);
  });
  it('an exemption adds nothing where a studied module already feeds the lessons (pessimistic)', () => {
    // a second degree recognises a module the first transcript already lists
    const t = transcript([row('Triết học Mác-Lênin', { credits: 2, grade: '7' }), row('Triết học', { credits: 3, grade: 'Miễn' }), row('TTHCM', { credits: 2, grade: 'Miễn' })]);
    const e = prog(checkTranscript(t, rs, opts), 'elem');
    expect(e.pessimistic.periodsCounted).toBe(60); // 30 studied philosophy + 30 exempt HCM (nothing else feeds L4, L5)
    expect(e.optimistic.periodsCounted).toBe(105);
    expect(e.overlapRows).toEqual([1, 2]);
  });
  it('an exempt part adds nothing where a studied module feeds the lessons, even beside a studied part', () => {
    const t = transcript([
      row('Triết học', { credits: 2, grade: '7' }), // studied: L1, L2 15 each
      row('Triết học Mác-Lênin 1', { credits: 2, grade: 'Miễn' }),
      row('Triết học Mác-Lênin 2', { credits: 1, grade: '7' }),
    ]);
    const e = prog(checkTranscript(t, rs, opts), 'elem');
    // studied: max(15, 7.5) per lesson = 30; the exemption (15 per lesson) adds nothing there
    expect(e.pessimistic.periodsCounted).toBe(30);
    expect(e.optimistic.periodsCounted).toBe(75);
  });
  it('retakes keep their course code: same code, other name, one module', () => {
    const r = checkTranscript(
      transcript([row('Tư tưởng Hồ Chí Minh (lần 1)', { code: 'POL1001', credits: 2, grade: '5,5' }), row('Tư tưởng Hồ Chí Minh (lần 2)', { code: 'POL1001', credits: 2, grade: '7,5' })]),
      rs,
      opts,
    );
    expect(rowOf(r, 1)).toMatchObject({ notCounted: 'duplicate', supersededBy: 2 });
    expect(prog(r, 'elem').pessimistic.periodsCounted).toBe(30);
  });
  it('numbered parts of one module are complementary and add up', () => {
    const r = checkTranscript(transcript([row('Triết học Mác-Lênin 1', { credits: 1, grade: '7' }), row('Triết học Mác-Lênin 2', { credits: 1, grade: '7' })]), rs, opts);
    const e = prog(r, 'elem');
    expect(e.pessimistic.periodsCounted).toBe(30);
    expect(e.overlapRows).toEqual([]);
  });
  it('an uncertain attempt stays in play only when it could give more than the counted one', () => {
    const small = checkTranscript(transcript([row('Triết học', { periods: 5, grade: '8' }), row('Triết học', { grade: '' })]), rs, opts);
    expect(rowOf(small, 1).state).toBe('counted');
    expect(rowOf(small, 2)).toMatchObject({ state: 'uncertain', uncertain: ['grade-missing', 'periods-unknown'] });
    const big = checkTranscript(transcript([row('Triết học', { periods: 90, grade: '8' }), row('Triết học', { credits: 1, grade: '' })]), rs, opts);
    expect(rowOf(big, 2)).toMatchObject({ state: 'not-counted', notCounted: 'duplicate', supersededBy: 1, contributions: [] });
  });
  it('unmatched and not-relevant rows are reported, not counted', () => {
    const r = checkTranscript(transcript([row('Giải tích 1', { credits: 3, grade: '9' }), row('Chỉ trung cấp', { credits: 2, grade: '9' })]), rs, {
      ...opts,
      programs: ['elem'],
    });
    expect(rowOf(r, 1)).toMatchObject({ match: null, notCounted: 'unmatched' });
    expect(rowOf(r, 2)).toMatchObject({ notCounted: 'not-relevant' });
    expect(r.programs.map((p) => p.programId)).toEqual(['elem']);
  });
  it('exempt rows count and say so', () => {
    const r = checkTranscript(transcript([row('Triết học', { credits: 2, grade: 'Miễn' })]), rs, opts);
    expect(rowOf(r, 1).state).toBe('counted');
    expect(r.notices).toContainEqual({ code: 'exempt-counted', args: { rowId: 1 } });
  });
  it('lecture/practice columns that split the credits are not read as periods', () => {
    const r = checkTranscript(transcript([row('Triết học', { credits: 5, periods: 5, periodsOrigin: 'parts', grade: '8' }), row('TTHCM', { credits: 2, periods: 30, periodsOrigin: 'parts', grade: '8' })]), rs, opts);
    expect(rowOf(r, 1).periods).toMatchObject({ value: 75, origin: 'credits' });
    expect(rowOf(r, 2).periods).toEqual({ value: 30, origin: 'parts' });
  });
  it('zero credits are unknown periods, not zero', () => {
    const r = checkTranscript(transcript([row('Triết học', { credits: 0, grade: '8' })]), rs, opts);
    expect(rowOf(r, 1)).toMatchObject({ state: 'uncertain', uncertain: ['periods-unknown'] });
  });
});

describe('per-subject policy', () => {
  it('surplus in one subject never makes up for a shortage in another', () => {
    // philosophy 6 TC = 90 → S1 (capped at 60); economy also → S1; nothing for S2
    const r = checkTranscript(transcript([row('Triết học', { credits: 6, grade: '9' }), row('Kinh tế chính trị', { credits: 4, grade: '9' })]), rs, opts);
    const p = prog(r, 'inter');
    expect(p.verdict).toBe('FAIL');
    const s1 = p.pessimistic.subjects.find((s) => s.subjectId === 'S1')!;
    expect(s1).toMatchObject({ periodsCounted: 60, pass: true });
    expect(s1.periodsAllocated).toBeGreaterThan(60);
    expect(p.shortfall.subjects).toEqual([{ subjectId: 'S2', periodsMissing: 32, lessonsMissing: ['S2'] }]);
  });
  it('every required subject at ≥ 80% passes', () => {
    const r = checkTranscript(transcript([row('Triết học', { periods: 48, grade: '9' }), row('TTHCM', { periods: 32, grade: '9' })]), rs, { ...opts, programs: ['inter'] });
    expect(prog(r, 'inter').verdict).toBe('PASS');
  });
});

describe('explicit shares and periods per credit', () => {
  it('honours explicit shares and the per-run conversion factor', () => {
    const p = program('x', 1, [subject('S', 20, [['A', 10], ['B', 10]])], { kind: 'course', minPeriods: 1, minLessons: 1, provenance: { verified: true, source: '' } });
    const rules = ruleSet([p], [{ id: 'r', names: ['m'], targets: [{ lessonId: 'A', share: 0.25 }, { lessonId: 'B', share: 0.75 }] }]);
    const r = checkTranscript(transcript([row('m', { credits: 2, grade: '8' })]), rules, { ...opts, periodsPerCredit: 10 });
    expect(r.rows[0]!.contributions[0]!.lessons.map((l) => l.periods)).toEqual([5, 15]);
    expect(r.rows[0]!.periods).toEqual({ value: 20, origin: 'credits', credits: 2, unit: 'credit', perUnit: 10 });
  });
});

describe('notices', () => {
  it('names unverified data the verdict rests on', () => {
    const p = program('x', 1, [subject('S', 10, [['A', 10]], { provenance: { verified: false, source: 'rec' } })], {
      kind: 'course', minPeriods: 1, minLessons: 1, provenance: { verified: true, source: '' },
    });
    const rules = ruleSet([p], [{ id: 'r', names: ['m'], targets: ['A'], verified: false }]);
    const r = checkTranscript(transcript([row('m', { credits: 1, grade: '8' })]), rules, opts);
    expect(r.notices).toContainEqual({
      code: 'unverified-rules',
      args: { programId: 'x', program: false, policy: false, subjects: ['S'], lessons: ['A'], rules: ['r'] },
    });
    expect(r.programs[0]!.usesUnverifiedData).toBe(true);
  });
  it('says when the reference date is outside the effective period', () => {
    const p = program('x', 1, [subject('S', 10, null)], { kind: 'course', minPeriods: 1, minLessons: 1, provenance: { verified: true, source: '' } }, {
      effective: { from: '2013-01-14', to: '2021-07-08' },
    });
    const rules = ruleSet([p], []);
    const after = checkTranscript(transcript([]), rules, { asOf: '2026-11-26' });
    expect(after.notices).toContainEqual({
      code: 'outside-effective-period',
      args: { asOf: '2026-11-26', programId: 'x', from: '2013-01-14', to: '2021-07-08' },
    });
    expect(checkTranscript(transcript([]), rules, { asOf: '2021-07-08' }).notices.some((n) => n.code === 'outside-effective-period')).toBe(false);
    expect(after.notices).toContainEqual({ code: 'no-rows', args: {} });
  });
  it('warns on a rule tie', () => {
    const p = program('x', 1, [subject('S', 10, null)], { kind: 'course', minPeriods: 1, minLessons: 1, provenance: { verified: true, source: '' } });
    const rules = ruleSet([p], [{ id: 'a', keywords: [{ all: ['m'] }], targets: ['S'] }, { id: 'b', keywords: [{ all: ['m'] }], targets: ['S'] }]);
    const r = checkTranscript(transcript([row('m', { credits: 1, grade: '8' })]), rules, opts);
    expect(r.notices).toContainEqual({ code: 'rule-tie', args: { rowId: 1, ruleId: 'a', tiedWith: ['b'] } });
  });
  it('infers the 4-point scale per file, but a guessed scale never decides a PASS on its own', () => {
    const r = checkTranscript(transcript([row('Triết học', { credits: 2, grade: '3.2' }), row('TTHCM', { credits: 2, grade: '0.5' })]), rs, opts);
    expect(r.notices).toContainEqual({ code: 'four-point-scale-inferred', args: { files: ['t.csv'] } });
    expect(rowOf(r, 1)).toMatchObject({ grade: { status: 'uncertain', scale: '4' }, state: 'uncertain', uncertain: ['grade-scale-inferred'] });
    expect(rowOf(r, 2).grade.status).toBe('fail');
    // stated scales are taken as they are
    expect(rowOf(checkTranscript(transcript([row('Triết học', { credits: 2, grade: '3.2' })]), rs, { ...opts, scale: '4' }), 1).state).toBe('counted');
  });
  it('numbers in a letter-grade column are not a stated scale', () => {
    const r = checkTranscript(transcript([{ ...row('Triết học', { credits: 2 }), grade: { text: '3.5', scale: 'letter' } }]), rs, opts);
    expect(rowOf(r, 1)).toMatchObject({ state: 'uncertain', uncertain: ['grade-scale-inferred'] });
  });
  it('a second file on another scale is read on its own scale', () => {
    const a = row('Triết học', { credits: 2, grade: '3.5' });
    const b = { ...row('Giải tích', { credits: 3, grade: '7.5' }), source: { file: 'second.csv', line: 2 } };
    const r = checkTranscript({ rows: [a, b].map((x, i) => ({ ...x, id: i + 1 })), files: ['t.csv', 'second.csv'] }, rs, opts);
    expect(r.notices).toContainEqual({ code: 'four-point-scale-inferred', args: { files: ['t.csv'] } });
    expect(rowOf(r, 1).grade.scale).toBe('4');
    expect(rowOf(r, 2).grade.scale).toBe('10');
  });
});
