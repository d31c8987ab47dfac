import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../fast-check-seed.js';
import { inferScale, readGrade } from '../../src/coverage/grade.js';
import { grading } from './builders.js';

describe('grades', () => {
  const g = (text: string, scale?: '10' | '4' | 'letter', def: '10' | '4' = '10', passMark?: number) =>
    readGrade({ text, ...(scale ? { scale } : {}) }, grading, def, passMark);
  it('10-point: pass, fail and the uncertain band', () => {
    expect(g('7,5')).toMatchObject({ status: 'pass', value: 7.5 });
    expect(g('5')).toMatchObject({ status: 'pass' });
    expect(g('4.5')).toMatchObject({ status: 'uncertain', uncertain: 'grade-uncertain', inBand: true });
    expect(g('3.9')).toMatchObject({ status: 'fail' });
  });
  it('an officer-set pass mark removes the band', () => {
    expect(g('4.5', undefined, '10', 4)).toMatchObject({ status: 'pass' });
    expect(g('4.5', undefined, '10', 5)).toMatchObject({ status: 'fail' });
  });
  it('4-point scale', () => {
    expect(g('1.0', '4')).toMatchObject({ status: 'pass' });
    expect(g('0.5', '4')).toMatchObject({ status: 'fail' });
    expect(g('3', undefined, '4')).toMatchObject({ status: 'pass', scale: '4' });
  });
  it('a number with its letter beside it, as some transcripts print', () => {
    expect(g('7.5 (B)')).toMatchObject({ status: 'pass', value: 7.5 });
    expect(g('3,5 (F)')).toMatchObject({ status: 'fail', value: 3.5 });
  });
  it('letters and words', () => {
    expect(g('B+')).toMatchObject({ status: 'pass', scale: 'letter' });
    expect(g('f')).toMatchObject({ status: 'fail' });
    expect(g('Đạt')).toMatchObject({ status: 'pass' });
    expect(g('Không đạt')).toMatchObject({ status: 'fail' });
    expect(g('Miễn')).toMatchObject({ status: 'exempt' });
    expect(g('R')).toMatchObject({ status: 'exempt' });
  });
  it('missing and unreadable grades are uncertain, never a pass', () => {
    expect(readGrade(undefined, grading, '10')).toMatchObject({ status: 'missing', uncertain: 'grade-missing' });
    expect(g('  ')).toMatchObject({ status: 'missing' });
    expect(g('abc')).toMatchObject({ status: 'uncertain', uncertain: 'grade-unreadable' });
    expect(g('11')).toMatchObject({ status: 'uncertain', uncertain: 'grade-unreadable' });
    // symbols are not stripped into a passing word
    for (const odd of ['D-', 'Đ*', 'P*']) expect(g(odd)).toMatchObject({ status: 'uncertain', uncertain: 'grade-unreadable' });
  });
  it('infers the 4-point scale only when every unhinted numeric grade is ≤ 4', () => {
    expect(inferScale([{ text: '3.2' }, { text: '2,5' }, { text: 'A' }])).toEqual({ scale: '4', inferred: true });
    expect(inferScale([{ text: '3.2' }, { text: '7' }])).toEqual({ scale: '10', inferred: false });
    expect(inferScale([{ text: '3.2' }, { text: '8', scale: '10' }])).toEqual({ scale: '4', inferred: true });
    expect(inferScale([{ text: '3.2' }], '10')).toEqual({ scale: '10', inferred: false });
    expect(inferScale([])).toEqual({ scale: '10', inferred: false });
  });
  it('a grade cell read as a number = the number pattern (digits and one separator read without the regex)', () => {
    const NUMBER = /^[+]?(\d+(?:[.,]\d+)?)(?:\s*\(\s*[A-F][+-]?\s*\))?$/i;
    const reference = (text: string): number | null => {
      const m = NUMBER.exec(text.trim());
      return m ? Number(m[1]!.replace(',', '.')) : null;
    };
    const cell = fc.string({ unit: fc.constantFrom('0', '1', '5', '9', '.', ',', '+', ' ', '(', ')', 'A', 'b', '-', '\u00a0', '٣'), maxLength: 8 });
    fc.assert(
      fc.property(cell, (text) => {
        const r = readGrade({ text }, grading, '10');
        // the number read (null where the cell is no number: a letter, a word, nothing)
        expect(r.status === 'missing' || r.scale === 'letter' || r.scale === null ? null : r.value).toBe(reference(text));
      }),
      { numRuns: 5000 },
    );
  });
});
