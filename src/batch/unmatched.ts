// Course names no rule recognised, counted across a batch, with the nearest rules as suggestions (never applied).

import type { Lang } from '../lang.js';
import { MAX_SUGGESTIONS, suggestRules, type Suggestion } from '../match/suggest.js';
import type { RuleSet } from '../rules/types.js';
import type { Cell } from './summary.js';
import type { UnmatchedName } from './types.js';

export interface UnmatchedCounts {
  /** by matching key: how many dossiers have it, and the first spelling seen */
  byKey: Map<string, { dossiers: number; example: string }>;
}

export function emptyUnmatched(): UnmatchedCounts {
  return { byKey: new Map() };
}

/** Add one dossier's distinct unmatched names (the caller adds dossiers in batch order, so examples are stable). */
export function addUnmatched(counts: UnmatchedCounts, names: readonly UnmatchedName[]): void {
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n.key)) continue;
    seen.add(n.key);
    const entry = counts.byKey.get(n.key);
    if (entry) entry.dossiers += 1;
    else counts.byKey.set(n.key, { dossiers: 1, example: n.name });
  }
}

export interface UnmatchedEntry {
  key: string;
  example: string;
  dossiers: number;
  suggestions: Suggestion[];
}

/** The unmatched list, most frequent first (then by key), each with its suggestions. */
export function unmatchedList(counts: UnmatchedCounts, ruleSet: RuleSet, lang: Lang): UnmatchedEntry[] {
  return [...counts.byKey.entries()]
    .sort(([ka, a], [kb, b]) => b.dossiers - a.dossiers || (ka < kb ? -1 : ka > kb ? 1 : 0))
    .map(([key, e]) => ({ key, example: e.example, dossiers: e.dossiers, suggestions: suggestRules(key, ruleSet, lang) }));
}

/** unmatched.csv: one row per distinct name; suggestions as "label (rule id, similarity)" cells. */
export function unmatchedCsv(list: readonly UnmatchedEntry[]): { header: string[]; records: Cell[][] } {
  const header = ['key', 'example', 'dossiers'];
  for (let i = 1; i <= MAX_SUGGESTIONS; i++) header.push(`suggestion_${i}`, `suggestion_${i}_rule`, `suggestion_${i}_similarity`);
  const records = list.map((e) => {
    const cells: Cell[] = [e.key, e.example, e.dossiers];
    for (let i = 0; i < MAX_SUGGESTIONS; i++) {
      const s = e.suggestions[i];
      cells.push(s?.label ?? null, s?.ruleId ?? null, s?.similarity ?? null);
    }
    return cells;
  });
  return { header, records };
}
