// The notices a report shows: the core's, plus the two no report may ever omit (unverified data, effective period).

import type { CheckResult, Notice } from '../coverage/types.js';
import type { DateRange, RuleSet } from '../rules/types.js';

const outside = (asOf: string, r: DateRange): boolean =>
  (r.from !== undefined && asOf < r.from) || (r.to !== undefined && asOf > r.to);

/**
 * The core is expected to emit these notices itself; re-deriving them here from the result makes their
 * presence a property of every report rather than of one code path.
 */
export function reportNotices(result: CheckResult, ruleSet: RuleSet): Notice[] {
  const notices = [...result.notices];
  const has = (code: Notice['code'], programId?: string) =>
    notices.some((n) => n.code === code && (programId === undefined || n.args.programId === programId));

  for (const p of result.programs) {
    if (p.usesUnverifiedData && !has('unverified-rules', p.programId)) {
      notices.push({ code: 'unverified-rules', args: { programId: p.programId, items: [] } });
    }
  }

  if (!has('outside-effective-period')) {
    if (outside(result.asOf, ruleSet.effective)) {
      notices.push({ code: 'outside-effective-period', args: { asOf: result.asOf, ...ruleSet.effective } });
    } else {
      for (const p of result.programs) {
        const program = ruleSet.programs.find((x) => x.id === p.programId);
        if (program && outside(result.asOf, program.effective)) {
          notices.push({ code: 'outside-effective-period', args: { asOf: result.asOf, ...program.effective, programId: p.programId } });
        }
      }
    }
  }
  return notices;
}
