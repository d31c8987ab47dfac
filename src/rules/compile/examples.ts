// The mapping's self-check: each rule's examples match that rule alone, each lookalike matches no rule.

import type { RuleIssue } from '../../errors.js';
import { createMatcher } from '../../match/match.js';
import type { MappingFile } from '../schema.js';
import type { RuleSet } from '../types.js';
import { msg, type Msg, type SourceFile } from './source.js';

/** How a name matched a rule, for messages. */
const BY: Record<string, Msg> = {
  name: msg('name', 'theo tên'),
  code: msg('code', 'theo mã học phần'),
  keywords: msg('keywords', 'theo từ khóa'),
};
const by = (b: string): Msg => BY[b] ?? msg(b, b);

/** Each rule's examples must match that rule alone; each lookalike must match no rule. */
export function checkExamples(src: SourceFile, m: MappingFile, ruleSet: RuleSet, issues: RuleIssue[]): void {
  const match = createMatcher(ruleSet);
  m.rules.forEach((r, ri) => {
    (r.examples ?? []).forEach((ex, ei) => {
      const got = match(ex);
      const path = ['rules', ri, 'examples', ei];
      if (!got) {
        issues.push(
          src.issue(
            path,
            msg(
              `example "${ex}" matches no rule; it must match "${r.id}"`,
              `ví dụ "${ex}" không khớp quy tắc nào; ví dụ này phải khớp quy tắc của chính nó "${r.id}"`,
            ),
          ),
        );
      } else if (got.ruleId !== r.id) {
        issues.push(
          src.issue(
            path,
            msg(
              `example "${ex}" matches rule "${got.ruleId}" (by ${by(got.by).en}), not "${r.id}"`,
              `ví dụ "${ex}" không khớp quy tắc của chính nó "${r.id}" mà khớp quy tắc "${got.ruleId}" (${by(got.by).vi})`,
            ),
          ),
        );
      } else if (got.leftover) {
        const words = got.leftover.join(' ');
        issues.push(
          src.issue(
            path,
            msg(
              `example "${ex}" is only a near match of "${r.id}" (leftover words: ${words}); add them to the rule's "optional" words or names`,
              `ví dụ "${ex}" chỉ khớp gần đúng quy tắc "${r.id}" (còn thừa các từ: ${words}); hãy thêm các từ đó vào "optional" hoặc "names" của quy tắc`,
            ),
          ),
        );
      } else if (got.tiedWith.length > 0) {
        const others = got.tiedWith.map((t) => `"${t}"`).join(', ');
        issues.push(
          src.issue(
            path,
            msg(
              `example "${ex}" ties between "${r.id}" and ${others}`,
              `ví dụ "${ex}" khớp ngang nhau giữa quy tắc "${r.id}" và ${others}, không phân định được`,
            ),
          ),
        );
      }
    });
  });
  m.rules.forEach((r, ri) => {
    (r.lookalikes ?? []).forEach((name, li) => {
      const got = match(name);
      if (got && !got.leftover) {
        issues.push(
          src.issue(
            ['rules', ri, 'lookalikes', li],
            msg(
              `lookalike "${name}" fully matches rule "${got.ruleId}" (by ${by(got.by).en}); it may at most be a near match`,
              `tên dễ nhầm "${name}" lại khớp hẳn quy tắc "${got.ruleId}" (${by(got.by).vi}); tên này chỉ được khớp gần đúng hoặc không khớp`,
            ),
          ),
        );
      }
    });
  });
  m.mustNotMatch.forEach((name, i) => {
    const got = match(name);
    if (got) {
      issues.push(
        src.issue(
          ['mustNotMatch', i],
          msg(
            `lookalike "${name}" matches rule "${got.ruleId}" (by ${by(got.by).en}); it must match no rule`,
            `tên dễ nhầm "${name}" lại khớp quy tắc "${got.ruleId}" (${by(got.by).vi}); tên này không được khớp quy tắc nào`,
          ),
        ),
      );
    }
  });
}
