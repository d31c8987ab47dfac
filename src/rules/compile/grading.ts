// The grading scale of a rule set (pass marks, grade letters and words), and effective periods, checked.

import type { GradeClash, RuleIssue } from '../../findings/rule-issues.js';
import { baseKey } from '../../text/normalize.js';
import type { RuleSetFile } from '../schema.js';
import type { GradePolicy } from '../types.js';
import type { Segment, SourceFile } from './source.js';

export function checkRange(src: SourceFile, path: Segment[], range: { from?: string; to?: string }, issues: RuleIssue[]): void {
  if (range.from && range.to && range.from > range.to) {
    issues.push(src.issue([...path, 'to'], 'range-inverted', { from: range.from, to: range.to }));
  }
}

export function compileGrading(src: SourceFile, g: RuleSetFile['grading'], issues: RuleIssue[]): GradePolicy {
  if (g.tenPointUncertainBelow < g.tenPointPass) {
    issues.push(
      src.issue(['grading', 'tenPointUncertainBelow'], 'uncertain-below-pass', { uncertainBelow: g.tenPointUncertainBelow, pass: g.tenPointPass }),
    );
  }
  const letters = (l: string[]) => l.map((s) => s.trim().toUpperCase());
  const words = (w: string[]) => w.map((s) => baseKey(s));
  const grading: GradePolicy = {
    tenPointPass: g.tenPointPass,
    tenPointUncertainBelow: g.tenPointUncertainBelow,
    fourPointPass: g.fourPointPass,
    passLetters: letters(g.passLetters),
    failLetters: letters(g.failLetters),
    passWords: words(g.passWords),
    failWords: words(g.failWords),
    exemptWords: words(g.exemptWords),
    provenance: { verified: g.verified, source: g.source },
  };
  const clash = (a: string[], b: string[], path: Segment[], kind: GradeClash) => {
    a.forEach((x, i) => {
      if (b.includes(x)) issues.push(src.issue([...path, i], 'grade-clash', { value: x, clash: kind }));
    });
  };
  clash(grading.failLetters, grading.passLetters, ['grading', 'failLetters'], 'pass-fail-letter');
  clash(grading.failWords, [...grading.passWords, ...grading.exemptWords], ['grading', 'failWords'], 'fail-pass-word');
  clash(grading.exemptWords, grading.passWords, ['grading', 'exemptWords'], 'exempt-pass-word');
  return grading;
}
