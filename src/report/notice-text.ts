// Notices in words, made once: most notices of a batch are the same few (the rule set's unverified data, the
// periods per credit), and wording them builds lists and looks labels up each time.

import type { Notice } from '../coverage/types.js';
import type { Lang } from '../lang.js';
import type { RuleSet } from '../rules/types.js';
import { noticeMessage } from './messages.js';

/** Words already made, by rule set and language, keyed by `noticeKey`; cleared when it holds MAX_WORDED. */
const WORDED = new WeakMap<RuleSet, Partial<Record<Lang, Map<string, string>>>>();
const MAX_WORDED = 2000;

/** A cache of strings for this rule set and language (bounded by its user: see `remember`). */
export function wordedCache(ruleSet: RuleSet, lang: Lang): Map<string, string> {
  let byLang = WORDED.get(ruleSet);
  if (!byLang) WORDED.set(ruleSet, (byLang = {}));
  return (byLang[lang] ??= new Map());
}

/** Keep `value` under `key`, starting afresh when the cache is full (a batch's notices are few; a row's are not kept). */
export function remember(cache: Map<string, string>, key: string, value: string): string {
  if (cache.size >= MAX_WORDED) cache.clear();
  cache.set(key, value);
  return value;
}

const plain = (v: unknown): boolean => typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/**
 * A key that tells notices apart exactly (their code, and arguments written as JSON), or null when a notice is not
 * worth keeping: it names a row (seen once), or an argument is neither a string, a finite number, a boolean nor a
 * list of those (JSON would not tell such values apart).
 */
export function noticeKey(n: Notice): string | null {
  const args = n.args;
  if ('rowId' in args) return null;
  for (const k in args) {
    const v = args[k];
    if (plain(v)) continue;
    if (!Array.isArray(v)) return null;
    for (const x of v) if (!plain(x)) return null;
  }
  return `${n.code}\u0000${JSON.stringify(args)}`;
}

/** noticeMessage, worded once per rule set, language and notice. */
export function noticeText(lang: Lang, n: Notice, ruleSet: RuleSet): string {
  const key = noticeKey(n);
  if (key === null) return noticeMessage(lang, n, ruleSet);
  const cache = wordedCache(ruleSet, lang);
  return cache.get(key) ?? remember(cache, key, noticeMessage(lang, n, ruleSet));
}
