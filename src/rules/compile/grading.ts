// The grading scale of a rule set (pass marks, grade letters and words), and effective periods, checked.

import type { RuleIssue } from '../../errors.js';
import { baseKey } from '../../text/normalize.js';
import type { RuleSetFile } from '../schema.js';
import type { GradePolicy } from '../types.js';
import { msg, type Msg, type Segment, type SourceFile } from './source.js';

export function checkRange(src: SourceFile, path: Segment[], range: { from?: string; to?: string }, issues: RuleIssue[]): void {
  if (range.from && range.to && range.from > range.to) {
    issues.push(
      src.issue(
        [...path, 'to'],
        msg(
          `effective.to ${range.to} is before effective.from ${range.from}`,
          `ngày hết hiệu lực effective.to ${range.to} sớm hơn ngày bắt đầu effective.from ${range.from}`,
        ),
      ),
    );
  }
}

export function compileGrading(src: SourceFile, g: RuleSetFile['grading'], issues: RuleIssue[]): GradePolicy {
  if (g.tenPointUncertainBelow < g.tenPointPass) {
    issues.push(
      src.issue(
        ['grading', 'tenPointUncertainBelow'],
        msg(
          `tenPointUncertainBelow ${g.tenPointUncertainBelow} is below tenPointPass ${g.tenPointPass}`,
          `tenPointUncertainBelow ${g.tenPointUncertainBelow} nhỏ hơn điểm đạt tenPointPass ${g.tenPointPass}`,
        ),
      ),
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
  const clash = (a: string[], b: string[], path: Segment[], what: Msg) => {
    a.forEach((x, i) => {
      if (b.includes(x)) issues.push(src.issue([...path, i], msg(`"${x}" is listed both as ${what.en}`, `"${x}" ${what.vi}`)));
    });
  };
  clash(
    grading.failLetters,
    grading.passLetters,
    ['grading', 'failLetters'],
    msg('a passing and a failing letter', 'vừa là điểm chữ đạt vừa là điểm chữ không đạt'),
  );
  clash(
    grading.failWords,
    [...grading.passWords, ...grading.exemptWords],
    ['grading', 'failWords'],
    msg('a failing and a passing word', 'vừa là cách ghi "không đạt" vừa là cách ghi "đạt"'),
  );
  clash(
    grading.exemptWords,
    grading.passWords,
    ['grading', 'exemptWords'],
    msg('an exempt and a passing word', 'vừa là cách ghi "miễn" vừa là cách ghi "đạt"'),
  );
  return grading;
}
