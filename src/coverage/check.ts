// Checking one transcript against a rule set: the core's stages run in order, each a pure function (§6).
//
//   matchRows → applyRowDecisions → groupAttempts → allocatePeriods → evaluatePrograms → decideVerdicts
//   → applyProgramDecisions
//
// Each stage returns new values with its own notices; no stage changes what an earlier one returned. To add a
// stage, write it under stages/ and call it here; its notices join the list in stage order. With officer
// decisions (§6.10) the stages after matching run twice: once without them (the computed verdict), once with.

import type { AppliedDecision, Decision } from '../decisions/types.js';
import type { Program, RuleSet } from '../rules/types.js';
import type { Transcript } from '../transcript/types.js';
import { columnNotices } from './columns.js';
import { allocatePeriods } from './stages/allocate.js';
import { groupAttempts, type Attempts } from './stages/attempts.js';
import { applyProgramDecisions, applyRowDecisions } from './stages/decisions.js';
import { evaluatePrograms } from './stages/evaluate-programs.js';
import { matchRows, type MatchedRows } from './stages/match-rows.js';
import { decideVerdicts, type Verdicts } from './stages/verdict.js';
import type { CheckOptions, CheckResult, Notice, RowOutcome, Verdict } from './types.js';

export function checkTranscript(transcript: Transcript, ruleSet: RuleSet, options: CheckOptions, decisions: readonly Decision[] = []): CheckResult {
  const programs = selectPrograms(ruleSet, options.programs);
  const matched = matchRows(transcript, ruleSet, options);
  const computed = countAndJudge(matched, programs, ruleSet, options);
  const decided = decisions.length > 0 ? applyRowDecisions(matched, decisions, ruleSet) : null;
  const final = decided ? countAndJudge(decided, programs, ruleSet, options) : computed;
  const computedVerdicts = new Map<string, Verdict>();
  for (const p of computed.verdicts.programs) computedVerdicts.set(p.programId, p.verdict);
  const verdicts = applyProgramDecisions(final.verdicts, decisions, computedVerdicts, ruleSet);

  const applied: AppliedDecision[] = [];
  const unchecked: Notice[] = [];
  if (decided) {
    // the rows whose outcome the row decisions changed, credited to the decision about each row
    const before = computed.attempts.rows.map((r) => JSON.stringify(r.outcome));
    const changed = final.attempts.rows.filter((r, i) => JSON.stringify(r.outcome) !== before[i]).map((r) => r.outcome.rowId);
    decisions.forEach((decision, i) => {
      const rowId = decided.targets.get(i);
      if (rowId !== undefined) {
        applied.push({ decision, rowId, programId: null, rowsChanged: changed.includes(rowId) ? [rowId] : [] });
        return;
      }
      const programId = verdicts.decidedPrograms.get(i);
      if (programId !== undefined) applied.push({ decision, rowId: null, programId, rowsChanged: [] });
      else if (decision.target.kind === 'program') {
        unchecked.push({ code: 'decision-program-not-checked', args: { programId: decision.target.programId, ...decision.origin } });
      }
    });
    // rows changed only as a consequence (another attempt now counts) go to the decision of their module's row
    const credited = new Set(applied.flatMap((a) => a.rowsChanged));
    for (const id of changed.filter((x) => !credited.has(x))) {
      const owner = applied.find((a) => a.rowId !== null && sameModule(final.attempts, a.rowId, id));
      owner?.rowsChanged.push(id);
    }
    for (const a of applied) a.rowsChanged.sort((x, y) => x - y);
  }
  return {
    ruleSet: { id: ruleSet.id, version: ruleSet.version, dir: ruleSet.dir },
    asOf: options.asOf,
    rows: outcomesOf(final.attempts),
    programs: verdicts.programs,
    highestPassed: verdicts.highestPassed,
    notices: [...(transcript.notices ?? []), ...columnNotices(transcript), ...matched.notices, ...final.notices, ...verdicts.notices, ...unchecked],
    decisions: applied,
  };
}

interface Judged {
  attempts: Attempts;
  verdicts: Verdicts;
  notices: Notice[];
}

/** The stages after matching: attempts, allocation, evaluation, verdict. */
function countAndJudge(matched: MatchedRows, programs: Program[], ruleSet: RuleSet, options: CheckOptions): Judged {
  const attempts = groupAttempts(matched, programs, ruleSet);
  const allocations = allocatePeriods(attempts, programs, ruleSet);
  const evaluations = evaluatePrograms(allocations, attempts, ruleSet, options);
  const verdicts = decideVerdicts(evaluations);
  return { attempts, verdicts, notices: [...attempts.notices, ...allocations.notices, ...evaluations.notices, ...verdicts.notices] };
}

/** The rows' outcomes, in transcript order (built by push: arrays of one kind, whatever the caller's tier). */
function outcomesOf(attempts: Attempts): RowOutcome[] {
  const out: RowOutcome[] = [];
  for (const r of attempts.rows) out.push(r.outcome);
  return out;
}

function sameModule(attempts: Attempts, a: number, b: number): boolean {
  const moduleOf = (id: number) => attempts.rows.find((r) => r.outcome.rowId === id)?.matched.module ?? null;
  const m = moduleOf(a);
  return m !== null && m === moduleOf(b);
}

function selectPrograms(ruleSet: RuleSet, ids: string[] | undefined): Program[] {
  if (!ids || ids.length === 0) return ruleSet.programs;
  const wanted = new Set(ids);
  return ruleSet.programs.filter((p) => wanted.has(p.id));
}
