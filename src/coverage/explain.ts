// Why a course name matches the rule it matches (`rules explain`): the matcher's own decision trace, plus the
// lessons and periods the rule feeds.

import type { Lang } from '../lang.js';
import { leftoverAsWritten } from '../match/leftover.js';
import { matcherFor, type MatchTrace } from '../match/match.js';
import type { KeySteps } from '../match/normalize.js';
import { suggestRules, type Suggestion } from '../match/suggest.js';
import type { RuleSet } from '../rules/types.js';
import { baseKey } from '../text/normalize.js';
import { partOf, splitPart } from './modules.js';
import { contributions, optimisticPeriods } from './stages/shares.js';
import type { RuleMatchInfo } from './types.js';

/** What a name's trailing number turned out to be. */
export type NumberMarker =
  | { kind: 'part'; base: string; part: number; marked: boolean }
  /** a number after an attempt or term word ("lần 2", "kì 2"): never a part */
  | { kind: 'attempt'; words: string }
  /** a bare number after a name that is not one of the rule's module names ("… học kì 2" is not part 2) */
  | { kind: 'not-a-part'; number: number; base: string };

export interface LessonFed {
  lessonId: string;
  subjectId: string;
  /** share of the row's periods this lesson gets within the program (0–1) */
  share: number;
  /** periods the optimistic reading gives this lesson when the row states none (typicalPeriods, else the lesson's) */
  assumed: number;
}

export interface Explanation {
  name: string;
  code?: string;
  steps: KeySteps;
  /** the code as matched (letters and digits only) */
  codeKey?: string;
  /** the trailing number, when the key ends in one the rule set reads as a part number */
  number: NumberMarker | null;
  candidates: MatchTrace;
  /** exactly what `check` decides for this name and code */
  match: RuleMatchInfo | null;
  /** near match: the leftover words as the name writes them (the row is uncertain: at most REVIEW) */
  leftover: string[];
  /** the winner's typicalPeriods (§6.6), or null: unknown periods then count as the lessons' own periods */
  typicalPeriods: number | null;
  /** per program the winner maps into: the lessons fed and their shares */
  feeds: { programId: string; lessons: LessonFed[] }[];
  /** no match: the nearest rules by edit distance (a suggestion, never applied) */
  suggestions: Suggestion[];
}

/**
 * Explain how `name` (and `code`) match under `ruleSet`. The key, the candidates and the decision come from the
 * matcher `check` uses (`matcherFor`), with its trace switched on: the two cannot disagree.
 */
export function explainName(ruleSet: RuleSet, name: string, code?: string, lang: Lang = 'vi'): Explanation {
  const matcher = matcherFor(ruleSet);
  const steps = matcher.keySteps(name);
  const candidates: MatchTrace = { byName: [], byCode: [], keywords: [] };
  const codeGiven = code !== undefined && code.trim() !== '' ? code : undefined;
  const match = matcher.matchKey(steps.key, codeGiven, candidates);
  const rule = match ? ruleSet.rules.find((r) => r.id === match.ruleId) : undefined;
  // check's own split: of one period (the shares), and of unknown periods (what the optimistic reading assumes)
  const unknown = rule ? contributions(rule, null, ruleSet.programs, ruleSet) : [];
  const feeds = rule
    ? contributions(rule, 1, ruleSet.programs, ruleSet).map((c, i) => ({
        programId: c.programId,
        lessons: c.lessons.map((l, j) => ({
          lessonId: l.lessonId,
          subjectId: l.subjectId,
          share: l.periods ?? 0,
          assumed: optimisticPeriods(unknown[i]!.lessons[j]!, ruleSet),
        })),
      }))
    : [];
  return {
    name,
    ...(codeGiven !== undefined ? { code: codeGiven, codeKey: matcher.codeKey(codeGiven) } : {}),
    steps,
    number: numberMarker(ruleSet, name, steps.key, rule?.id ?? null),
    candidates,
    match,
    leftover: match?.leftover ? leftoverAsWritten(name, match.leftover, baseKey) : [],
    typicalPeriods: rule?.typicalPeriods ?? null,
    feeds,
    suggestions: match ? [] : suggestRules(steps.key, ruleSet, lang, 0),
  };
}

/** The trailing number of a key, read as check reads it when it groups parts of a module (coverage/modules.ts). */
function numberMarker(ruleSet: RuleSet, name: string, key: string, ruleId: string | null): NumberMarker | null {
  const parts = ruleSet.parts;
  if (!parts) return null;
  const words = key.split(' ');
  const last = parts.numbers.get(words[words.length - 1] ?? '');
  if (last === undefined || words.length < 2) return null;
  const before = words[words.length - 2]!;
  if (parts.notAfter.has(before)) return { kind: 'attempt', words: `${before} ${words[words.length - 1]}` };
  const split = splitPart(key, parts);
  const isModuleName = (id: string, base: string) => ruleSet.rules.find((r) => r.id === id)?.match.names.includes(base) ?? false;
  const read = ruleId ? partOf({ ruleId, key, name }, parts, isModuleName) : { base: key, part: null };
  if (read.part !== null) return { kind: 'part', base: read.base, part: read.part, marked: split.marked };
  return { kind: 'not-a-part', number: last, base: split.base };
}
