// Notices in words, made once: most notices of a batch are the same few (the rule set's unverified data, the
// periods per credit), and wording them builds lists and looks labels up each time.

import type { Notice } from '../coverage/types.js';
import type { Lang } from '../lang.js';
import type { RuleSet } from '../rules/types.js';
import { remember } from './format.js';
import { noticeMessage } from './messages.js';

/** Words already made, by rule set and language, keyed by `noticeKey` (bounded: see `remember`). */
const WORDED = new WeakMap<RuleSet, Partial<Record<Lang, Map<string, string>>>>();

/** A cache of strings for this rule set and language (bounded by its user: see `remember`). */
export function wordedCache(ruleSet: RuleSet, lang: Lang): Map<string, string> {
  let byLang = WORDED.get(ruleSet);
  if (!byLang) WORDED.set(ruleSet, (byLang = {}));
  return (byLang[lang] ??= new Map());
}

const plain = (v: unknown): boolean => typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/** Keys already made, by notice: a dossier's text and HTML reports word the same notices. */
const KEYS = new WeakMap<Notice, string | null>();

/**
 * A key that tells notices apart exactly (their code, and arguments written as JSON), or null when a notice is not
 * worth keeping: it names a row (seen once), or an argument is neither a string, a finite number, a boolean nor a
 * list of those (JSON would not tell such values apart). Made once per notice.
 */
export function noticeKey(n: Notice): string | null {
  let key = KEYS.get(n);
  if (key === undefined) KEYS.set(n, (key = keyOf(n)));
  return key;
}

function keyOf(n: Notice): string | null {
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
