// The lessons a mapping rule targets: each must exist, once, with shares on all targets of a program or none.

import type { RuleIssue } from '../../errors.js';
import type { RuleSet, RuleTarget } from '../types.js';
import { msg, type Msg, type Segment, type SourceFile } from './source.js';

/** Shares are decimals written by people: compare sums with this tolerance. */
const EPS = 1e-9;

export function checkTargets(
  src: SourceFile,
  at: (...p: Segment[]) => Segment[],
  ruleId: string,
  targets: RuleTarget[],
  lessonIndex: RuleSet['lessonIndex'],
  issues: RuleIssue[],
): void {
  const byProgram = new Map<string, number[]>();
  const seen = new Set<string>();
  targets.forEach((t, i) => {
    if (seen.has(t.lessonId)) {
      issues.push(src.issue(at('targets', i), msg(`lesson "${t.lessonId}" is targeted twice`, `bài mã "${t.lessonId}" được ghi hai lần`)));
    }
    seen.add(t.lessonId);
    const entry = lessonIndex.get(t.lessonId);
    if (!entry) {
      const hint = subjectHint(t.lessonId, lessonIndex);
      issues.push(
        src.issue(
          at('targets', i),
          msg(`unknown lesson id "${t.lessonId}"${hint?.en ?? ''}`, `không có bài mã "${t.lessonId}"${hint?.vi ?? ''}`),
        ),
      );
      return;
    }
    const list = byProgram.get(entry.program.id);
    if (list) list.push(i);
    else byProgram.set(entry.program.id, [i]);
  });
  for (const [programId, idx] of byProgram) {
    const withShare = idx.filter((i) => targets[i]!.share !== undefined);
    if (withShare.length === 0) continue;
    if (withShare.length !== idx.length) {
      const i = idx.find((j) => targets[j]!.share === undefined)!;
      issues.push(
        src.issue(
          at('targets', i),
          msg(
            `rule "${ruleId}": within program "${programId}" either every target has a share or none does`,
            `quy tắc "${ruleId}": trong chương trình "${programId}" phải ghi tỷ lệ chia (share) cho tất cả các bài, hoặc không ghi cho bài nào`,
          ),
        ),
      );
      continue;
    }
    const sum = idx.reduce((n, i) => n + targets[i]!.share!, 0);
    if (Math.abs(sum - 1) > EPS) {
      issues.push(
        src.issue(
          at('targets', idx[0]!),
          msg(
            `rule "${ruleId}": shares within program "${programId}" sum to ${sum}, not 1`,
            `quy tắc "${ruleId}": tỷ lệ chia (share) trong chương trình "${programId}" cộng lại bằng ${sum}; tỷ lệ chia phải cộng lại bằng 1`,
          ),
        ),
      );
    }
  }
}

function subjectHint(id: string, lessonIndex: RuleSet['lessonIndex']): Msg | undefined {
  for (const { subject } of lessonIndex.values()) {
    if (subject.id === id) {
      const ids = subject.lessons.map((l) => l.id).join(', ');
      return msg(` (it is a subject with lessons: target ${ids})`, ` ("${id}" là mã môn có chia bài: hãy ghi mã bài ${ids})`);
    }
  }
  return undefined;
}
