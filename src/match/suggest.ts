// The rules whose names are nearest to a course name no rule recognised: suggestions for people (unmatched.csv,
// the review worklist, `rules explain`), never applied.

import { distance } from 'fastest-levenshtein';
import type { Lang } from '../lang.js';
import type { RuleSet } from '../rules/types.js';
import { baseKey } from '../text/normalize.js';

export interface Suggestion {
  ruleId: string;
  label: string;
  /** 1 − edit distance / longer length, on matching keys */
  similarity: number;
}

/** Suggestions below this similarity say nothing useful to an officer and are left out. */
const MIN_SIMILARITY = 0.5;
export const MAX_SUGGESTIONS = 3;

/**
 * The up to three rules whose names are nearest to `key` (edit distance on matching keys; a rule's distance is
 * that of its nearest name). Ties keep rule-file order. Only a suggestion for the officer: it changes no result.
 * `rules explain` passes `minSimilarity` 0: a rule author always wants the three nearest.
 */
export function suggestRules(key: string, ruleSet: RuleSet, lang: Lang, minSimilarity = MIN_SIMILARITY): Suggestion[] {
  // a batch asks about the same unmatched names again and again: the answer is a function of these four alone
  let memo = memos.get(ruleSet);
  if (!memo) {
    memo = { names: ruleSet.rules.map((rule) => [...rule.match.names, baseKey(rule.label.vi), baseKey(rule.label.en)]), answers: new Map() };
    memos.set(ruleSet, memo);
  }
  // answers by language and bar (a handful), then by key: no key string built per question
  let byBar = memo.answers.get(lang);
  if (!byBar) memo.answers.set(lang, (byBar = new Map()));
  let answers = byBar.get(minSimilarity);
  if (!answers) byBar.set(minSimilarity, (answers = new Map()));
  let found = answers.get(key);
  if (!found) {
    if (answers.size >= MEMO_SIZE) answers.clear();
    // shared by every caller that asks the same: frozen, so no caller can change another's
    found = Object.freeze(nearest(key, ruleSet, memo.names, lang, minSimilarity).map((x) => Object.freeze(x)));
    answers.set(key, found);
  }
  return found as Suggestion[];
}

const MEMO_SIZE = 10_000;
/** Per rule set: each rule's names to compare with, and the answers given so far (bounded). */
const memos = new WeakMap<RuleSet, { names: string[][]; answers: Map<Lang, Map<number, Map<string, readonly Suggestion[]>>> }>();

function nearest(key: string, ruleSet: RuleSet, ruleNames: readonly string[][], lang: Lang, minSimilarity: number): Suggestion[] {
  const scored: (Suggestion & { order: number })[] = [];
  ruleSet.rules.forEach((rule, i) => {
    let best = 0;
    // a rule recognised only by keywords still has a label to compare with
    for (const name of ruleNames[i]!) {
      const longer = Math.max(name.length, key.length);
      if (longer === 0) continue;
      // the distance is at least the difference in length: a name that cannot reach the bar is not measured
      if (1 - Math.abs(name.length - key.length) / longer < minSimilarity) continue;
      best = Math.max(best, 1 - distance(key, name) / longer);
    }
    if (best >= minSimilarity) {
      scored.push({ ruleId: rule.id, label: rule.label[lang], similarity: Math.round(best * 100) / 100, order: rule.order });
    }
  });
  scored.sort((a, b) => b.similarity - a.similarity || a.order - b.order);
  return scored.slice(0, MAX_SUGGESTIONS).map(({ ruleId, label, similarity }) => ({ ruleId, label, similarity }));
}
