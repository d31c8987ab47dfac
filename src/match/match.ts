// Matching a course row to at most one mapping rule (domain spec §6.2): exact name or code first, then keywords.

import type { RuleMatchInfo } from '../coverage/types.js';
import type { MappingRule, RuleSet } from '../rules/types.js';
import { baseKey, compileAbbreviations, matchingKey } from './normalize.js';

export interface Matcher {
  /** the matching key of a course name under this rule set's abbreviations and dropped tokens */
  key(name: string): string;
  /** normalised form of a course code (letters and digits only) */
  codeKey(code: string): string;
  /** match an already computed key (and optional code) */
  matchKey(key: string, code?: string): RuleMatchInfo | null;
}

const KEY_CACHE_SIZE = 10_000;
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
  const keyOpts = { expander, dropToken: ruleSet.dropToken ?? undefined };
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

  const pick = (rules: MappingRule[], by: RuleMatchInfo['by']): RuleMatchInfo => ({
    ruleId: rules[0]!.id,
    by,
    tiedWith: rules.slice(1).map((r) => r.id),
  });

  const codeKey = (code: string) => baseKey(code).replace(/ /g, '');

  // batches see the same few hundred spellings again and again; the cache is bounded so memory stays flat
  const keys = new Map<string, string>();
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
    codeKey,
    matchKey(key, code) {
      if (key === '' && !code) return null;
      const named = byName.get(key);
      if (named) return pick(named, 'name');
      if (code) {
        const coded = byCode.get(codeKey(code));
        if (coded) return pick(coded, 'code');
      }
      if (key === '') return null;
      const padded = ` ${key} `;
      let best = -1;
      let winners: MappingRule[] = [];
      for (const { rule, sets } of keywordRules) {
        let spec = -1;
        for (const s of sets) {
          if (s.specificity <= spec) continue;
          if (s.all.every((p) => padded.includes(p)) && !s.none.some((p) => padded.includes(p))) spec = s.specificity;
        }
        if (spec < 0) continue;
        if (spec > best) {
          best = spec;
          winners = [rule];
        } else if (spec === best) winners.push(rule);
      }
      return winners.length ? pick(winners, 'keywords') : null;
    },
  };
}

/** Convenience: match a name (and optional code) in one call. */
export function createMatcher(ruleSet: RuleSet): (name: string, code?: string) => RuleMatchInfo | null {
  const m = compileMatcher(ruleSet);
  return (name, code) => m.matchKey(m.key(name), code);
}
