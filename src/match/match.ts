// Matching a course row to at most one mapping rule (domain spec §6.2): exact name or code first, then keywords.

import type { MappingRule, RuleSet } from '../rules/types.js';
import { baseKey } from '../text/normalize.js';
import { compileAttempts } from './attempts.js';
import { leftoverWords } from './leftover.js';
import { compileAbbreviations, matchingKey, type KeySteps } from './normalize.js';

/** The rule a row's name matched, and how (the matcher's answer; a row outcome carries it). */
export interface RuleMatchInfo {
  ruleId: string;
  /** `decision`: an officer mapped the row to the rule (§6.10) */
  by: 'name' | 'code' | 'keywords' | 'decision';
  /** other rules that matched equally well (tie taken by rule order; a notice says so) */
  tiedWith: string[];
  /**
   * Near match (keywords only): the words of the name that neither the rule nor the filler list explains, in
   * matching-key form. The row is then uncertain (domain spec §6.2).
   */
  leftover?: string[] | undefined;
}

/** One keyword set of a rule as tried on a key: the decision trace `rules explain` shows (src/coverage/explain.ts). */
export interface KeywordSetTrace {
  /** position of the set in the rule's `keywords` */
  index: number;
  found: string[];
  missed: string[];
  /** `none` words present in the key: any one rules the set out */
  excludedBy: string[];
  specificity: number;
  matched: boolean;
}

/** Every candidate the matcher weighed for one key; filled only when a trace is asked for. */
export interface MatchTrace {
  byName: string[];
  byCode: string[];
  keywords: { ruleId: string; sets: KeywordSetTrace[]; specificity: number }[];
}

export interface Matcher {
  /** the matching key of a course name under this rule set's abbreviations and dropped tokens */
  key(name: string): string;
  /** normalised form of a course code (letters and digits only) */
  codeKey(code: string): string;
  /** the key of a name with every normalisation step recorded (not cached: for explanations) */
  keySteps(name: string): KeySteps;
  /**
   * Match an already computed key (and optional code). With `trace`, every candidate is also recorded — the
   * decision itself is the same, so an explanation can never disagree with a check.
   */
  matchKey(key: string, code?: string, trace?: MatchTrace): RuleMatchInfo | null;
}

const KEY_CACHE_SIZE = 10_000;
const ASCII_WORD = /^[A-Za-z0-9]+$/;
const compiled = new WeakMap<RuleSet, Matcher>();

/** The matcher of a rule set, compiled once per rule set (rule sets are immutable values). */
export function matcherFor(ruleSet: RuleSet): Matcher {
  let m = compiled.get(ruleSet);
  if (!m) {
    m = compileMatcher(ruleSet);
    compiled.set(ruleSet, m);
  }
  return m;
}

export function compileMatcher(ruleSet: RuleSet): Matcher {
  const expander = compileAbbreviations(ruleSet.abbreviations);
  const keyOpts = {
    expander,
    dropToken: ruleSet.dropToken ?? undefined,
    ...(ruleSet.attempts ? { attempts: compileAttempts(ruleSet.attempts) } : {}),
  };
  // words a keyword match may leave without being a near match: filler, part numbers and part words
  const filler = new Set([...(ruleSet.filler ?? []), ...(ruleSet.parts?.numbers.keys() ?? []), ...(ruleSet.parts?.before ?? [])]);
  const byName = new Map<string, MappingRule[]>();
  const byCode = new Map<string, MappingRule[]>();
  const push = (m: Map<string, MappingRule[]>, k: string, r: MappingRule) => {
    const list = m.get(k);
    if (!list) m.set(k, [r]);
    else if (!list.includes(r)) list.push(r);
  };
  const ordered = [...ruleSet.rules].sort((a, b) => a.order - b.order);
  for (const rule of ordered) {
    for (const n of rule.match.names) push(byName, n, rule);
    for (const c of rule.match.codes) push(byCode, c, rule);
  }
  const keywordRules = ordered
    .filter((r) => r.match.keywords.length > 0)
    .map((r) => ({
      rule: r,
      sets: r.match.keywords.map((k) => ({
        all: k.all.map((p) => ` ${p} `),
        none: k.none.map((p) => ` ${p} `),
        specificity: k.all.reduce((n, p) => n + p.split(' ').filter(Boolean).length, 0),
      })),
    }));

  // leftover is always a key (undefined: none), so every match has one shape
  const pick = (rules: MappingRule[], by: RuleMatchInfo['by'], leftover?: string[]): RuleMatchInfo => {
    const tiedWith: string[] = [];
    for (let i = 1; i < rules.length; i++) tiedWith.push(rules[i]!.id);
    return { ruleId: rules[0]!.id, by, tiedWith, leftover };
  };

  // a row's code is keyed twice in a row (to match it, then for its attempt group): the last answer is kept
  let lastCode: string | undefined;
  let lastCodeKey = '';
  const codeKey = (code: string) => {
    if (code !== lastCode) {
      // most codes are one ASCII word ("SSH1120"): their key is their lower case, as baseKey would say
      lastCodeKey = ASCII_WORD.test(code) ? code.toLowerCase() : baseKey(code).replace(/ /g, '');
      lastCode = code;
    }
    return lastCodeKey;
  };

  // batches see the same few hundred spellings again and again; the cache is bounded so memory stays flat
  const keys = new Map<string, string>();
  const byKeyMemo = new Map<string, RuleMatchInfo | null>();
  const byCodeMemo = new Map<string, RuleMatchInfo | null>();
  return {
    key(name) {
      let k = keys.get(name);
      if (k === undefined) {
        if (keys.size >= KEY_CACHE_SIZE) keys.clear();
        k = matchingKey(name, keyOpts);
        keys.set(name, k);
      }
      return k;
    },
    keySteps(name) {
      const steps: KeySteps = { nfc: '', lower: '', plain: '', base: '', dropped: [], expanded: [], attempts: [], key: '' };
      matchingKey(name, keyOpts, steps);
      return steps;
    },
    codeKey,
    matchKey(key, code, trace) {
      if (trace) return decide(key, code, trace);
      if (key === '' && !code) return null;
      // the same decision as `decide`, remembered: by name it depends on the key alone, by code on the code's
      // key alone, and by keywords (no name or code rule) on the key alone; the rule set is this matcher's
      if (!byName.has(key) && code) {
        const ck = codeKey(code);
        const coded = byCode.get(ck);
        if (coded) return byCodeMemo.get(ck) ?? remember(byCodeMemo, ck, pick(coded, 'code'));
      }
      const known = byKeyMemo.get(key);
      return known !== undefined ? known : remember(byKeyMemo, key, decide(key, undefined));
    },
  };

  function decide(key: string, code: string | undefined, trace?: MatchTrace): RuleMatchInfo | null {
    if (key === '' && !code) return null;
    const named = byName.get(key);
    // without a trace the first stage that decides ends the search; with one, every stage is tried and recorded
    const coded = code && (trace || !named) ? byCode.get(codeKey(code)) : undefined;
    if (trace) {
      trace.byName = (named ?? []).map((r) => r.id);
      trace.byCode = (coded ?? []).map((r) => r.id);
      trace.keywords = [];
    }
    if (named && !trace) return pick(named, 'name');
    if (coded && !trace) return pick(coded, 'code');
    const padded = ` ${key} `;
    let best = -1;
    let winners: MappingRule[] = [];
    if (key !== '') {
      for (const { rule, sets } of keywordRules) {
        const setTraces: KeywordSetTrace[] | undefined = trace ? [] : undefined;
        let spec = -1;
        for (let index = 0; index < sets.length; index++) {
          const s = sets[index]!;
          if (!setTraces && s.specificity <= spec) continue;
          const matched = s.all.every((p) => padded.includes(p)) && !s.none.some((p) => padded.includes(p));
          if (setTraces) {
            setTraces.push({
              index,
              found: s.all.filter((p) => padded.includes(p)).map((p) => p.trim()),
              missed: s.all.filter((p) => !padded.includes(p)).map((p) => p.trim()),
              excludedBy: s.none.filter((p) => padded.includes(p)).map((p) => p.trim()),
              specificity: s.specificity,
              matched,
            });
          }
          if (matched && s.specificity > spec) spec = s.specificity;
        }
        if (trace && setTraces!.some((t) => t.found.length > 0 || t.matched)) {
          trace.keywords.push({ ruleId: rule.id, sets: setTraces!, specificity: spec });
        }
        if (spec < 0) continue;
        if (spec > best) {
          best = spec;
          winners = [rule];
        } else if (spec === best) winners.push(rule);
      }
    }
    if (named) return pick(named, 'name');
    if (coded) return pick(coded, 'code');
    if (winners.length === 0) return null;
    const vocabulary = winners[0]!.match.vocabulary;
    const leftover = vocabulary ? leftoverWords(key, vocabulary, filler) : [];
    return pick(winners, 'keywords', leftover.length > 0 ? leftover : undefined);
  }
}

/**
 * A match remembered for `k` (bounded), the memo's entry from then on. The entry is shared by every row that
 * matched the same way: frozen, so no reader can change another row's match.
 */
function remember(memo: Map<string, RuleMatchInfo | null>, k: string, made: RuleMatchInfo | null): RuleMatchInfo | null {
  if (memo.size >= KEY_CACHE_SIZE) memo.clear();
  const found = made ? frozen(made) : null;
  memo.set(k, found);
  return found;
}

/** A match and its arrays, frozen. */
function frozen(m: RuleMatchInfo): RuleMatchInfo {
  Object.freeze(m.tiedWith);
  if (m.leftover) Object.freeze(m.leftover);
  return Object.freeze(m);
}

/** Convenience: match a name (and optional code) in one call. */
export function createMatcher(ruleSet: RuleSet): (name: string, code?: string) => RuleMatchInfo | null {
  const m = compileMatcher(ruleSet);
  return (name, code) => m.matchKey(m.key(name), code);
}
