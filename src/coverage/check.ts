// Checking one transcript against a rule set: the core's stages run in order, each a pure function (§6).
//
//   matchRows → applyRowDecisions → groupAttempts → allocatePeriods → evaluatePrograms → decideVerdicts
//   → applyProgramDecisions
//
// Each stage returns new values with its own notices; no stage changes what an earlier one returned. To add a
// stage, write it under stages/ and call it here; its notices join the list in stage order.

import type { Program, RuleSet } from '../rules/types.js';
import type { Transcript } from '../transcript/types.js';
import { allocatePeriods } from './stages/allocate.js';
import { groupAttempts } from './stages/attempts.js';
import { applyProgramDecisions, applyRowDecisions } from './stages/decisions.js';
import { evaluatePrograms } from './stages/evaluate-programs.js';
import { matchRows } from './stages/match-rows.js';
import { decideVerdicts } from './stages/verdict.js';
import type { CheckOptions, CheckResult } from './types.js';

export function checkTranscript(transcript: Transcript, ruleSet: RuleSet, options: CheckOptions): CheckResult {
  const programs = selectPrograms(ruleSet, options.programs);
  const matched = applyRowDecisions(matchRows(transcript, ruleSet, options));
  const attempts = groupAttempts(matched, programs, ruleSet);
  const allocations = allocatePeriods(attempts, programs, ruleSet);
  const evaluations = evaluatePrograms(allocations, attempts, ruleSet, options);
  const verdicts = applyProgramDecisions(decideVerdicts(evaluations));
  return {
    ruleSet: { id: ruleSet.id, version: ruleSet.version, dir: ruleSet.dir },
    asOf: options.asOf,
    rows: attempts.rows.map((r) => r.outcome),
    programs: verdicts.programs,
    highestPassed: verdicts.highestPassed,
    notices: [...matched.notices, ...attempts.notices, ...allocations.notices, ...evaluations.notices, ...verdicts.notices],
  };
}

function selectPrograms(ruleSet: RuleSet, ids: string[] | undefined): Program[] {
  if (!ids || ids.length === 0) return ruleSet.programs;
  const wanted = new Set(ids);
  return ruleSet.programs.filter((p) => wanted.has(p.id));
}
