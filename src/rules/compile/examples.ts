// The mapping's self-check: each rule's examples match that rule alone, each lookalike matches no rule.

import type { RuleIssue } from '../../findings/rule-issues.js';
import { createMatcher } from '../../match/match.js';
import type { MappingFile } from '../schema.js';
import type { RuleSet } from '../types.js';
import type { SourceFile } from './source.js';

/** Each rule's examples must match that rule alone; each lookalike must match no rule. */
export function checkExamples(src: SourceFile, m: MappingFile, ruleSet: RuleSet, issues: RuleIssue[]): void {
  const match = createMatcher(ruleSet);
  m.rules.forEach((r, ri) => {
    (r.examples ?? []).forEach((ex, ei) => {
      const got = match(ex);
      const path = ['rules', ri, 'examples', ei];
      if (!got) {
        issues.push(src.issue(path, 'example-no-match', { example: ex, rule: r.id }));
      } else if (got.ruleId !== r.id) {
        issues.push(src.issue(path, 'example-other-rule', { example: ex, rule: r.id, got: got.ruleId, by: got.by }));
      } else if (got.leftover) {
        issues.push(src.issue(path, 'example-near', { example: ex, rule: r.id, leftover: got.leftover }));
      } else if (got.tiedWith.length > 0) {
        issues.push(src.issue(path, 'example-tie', { example: ex, rule: r.id, tiedWith: got.tiedWith }));
      }
    });
  });
  m.rules.forEach((r, ri) => {
    (r.lookalikes ?? []).forEach((name, li) => {
      const got = match(name);
      if (got && !got.leftover) {
        issues.push(src.issue(['rules', ri, 'lookalikes', li], 'lookalike-full', { name, got: got.ruleId, by: got.by }));
      }
    });
  });
  m.mustNotMatch.forEach((name, i) => {
    const got = match(name);
    if (got) {
      issues.push(src.issue(['mustNotMatch', i], 'must-not-match', { name, got: got.ruleId, by: got.by }));
    }
  });
}
