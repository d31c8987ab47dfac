// Every finding in words: one message table per area, merged; `wordFinding` is the one place a finding becomes text.

import type { Lang } from '../lang.js';
import { wordMalformedJson, type JsonProblem } from './json.js';
import { decisionWords, type DecisionArgs } from './decisions.js';
import { dossierErrorWords, type DossierErrorArgs } from './dossier.js';
import { osWordsTable, type OsArgs } from './os.js';
import { ruleIssueWords, type RuleIssue, type RuleIssueArgs } from './rule-issues.js';
import { transcriptWords, type TranscriptArgs } from './transcript.js';
import { usageWords, type UsageArgs } from './usage.js';
import type { FindingsOf, Words } from './types.js';

interface CommonArgs {
  /** a JSON file (config, metadata, decisions, transcript) that does not parse */
  'json-malformed': { line: number; column: number; problem: JsonProblem };
  /** a rule set that does not load: every problem found */
  'rule-file': { issues: RuleIssue[] };
}

export type FindingArgs = CommonArgs & RuleIssueArgs & UsageArgs & OsArgs & DossierErrorArgs & TranscriptArgs & DecisionArgs;
export type Finding = FindingsOf<FindingArgs>;

/** `file:line:col: $.json.path: message`, the message in `lang` (Vietnamese unless 'en'). */
export function formatRuleIssue(i: RuleIssue, lang: Lang = 'vi'): string {
  const { path, line, column } = i.place;
  const pos = line !== undefined ? `:${line}${column !== undefined ? `:${column}` : ''}` : '';
  return `${i.file}${pos}: ${path}: ${wordFinding(i, lang)}`;
}

const commonWords: Words<CommonArgs> = {
  'json-malformed': { en: (a) => wordMalformedJson(a, 'en'), vi: (a) => wordMalformedJson(a, 'vi') },
  'rule-file': {
    en: (a) => a.issues.map((i) => formatRuleIssue(i, 'en')).join('\n'),
    vi: (a) => a.issues.map((i) => formatRuleIssue(i, 'vi')).join('\n'),
  },
};

const WORDS: Words<FindingArgs> = { ...commonWords, ...ruleIssueWords, ...usageWords, ...osWordsTable, ...dossierErrorWords, ...transcriptWords, ...decisionWords };

/** A finding's message in `lang` (without its file and place). */
export function wordFinding(f: Finding, lang: Lang): string {
  return (WORDS[f.code][lang] as (a: unknown) => string)(f.args);
}
