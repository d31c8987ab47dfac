// The mapping file compiled: normalisation (dropped tokens, abbreviations, parts) and the matching rules.

import type { RuleIssue } from '../../findings/rule-issues.js';
import { compileAttempts } from '../../match/attempts.js';
import { baseKey } from '../../text/normalize.js';
import { compileAbbreviations, matchingKey } from '../../match/normalize.js';
import type { MappingFile } from '../schema.js';
import type { Abbreviation, MappingRule, RuleSet, RuleTarget } from '../types.js';
import type { Segment, SourceFile } from './source.js';
import { checkTargets } from './targets.js';

export function compileMapping(
  src: SourceFile,
  m: MappingFile,
  issues: RuleIssue[],
  lessonIndex: RuleSet['lessonIndex'] | undefined,
): Pick<RuleSet, 'abbreviations' | 'dropToken' | 'parts' | 'rules' | 'attempts' | 'filler'> & { clean: boolean } {
  const before = issues.length;
  let dropToken: RegExp | null = null;
  if (m.normalization.dropTokenPattern !== undefined) {
    try {
      dropToken = new RegExp(m.normalization.dropTokenPattern, 'u');
    } catch (e) {
      const why = (e as Error).message;
      issues.push(src.issue(['normalization', 'dropTokenPattern'], 'bad-regex', { why }));
    }
  }

  const abbreviations: Abbreviation[] = [];
  const seenAbbr = new Map<string, number>();
  m.abbreviations.forEach((a, i) => {
    const from = baseKey(a.from);
    const to = baseKey(a.to);
    if (!from) {
      issues.push(src.issue(['abbreviations', i, 'from'], 'abbreviation-empty', { from: a.from }));
      return;
    }
    const first = seenAbbr.get(from);
    if (first !== undefined) {
      issues.push(src.issue(['abbreviations', i, 'from'], 'abbreviation-twice', { from, first }));
      return;
    }
    seenAbbr.set(from, i);
    abbreviations.push({ from, to });
  });
  const att = m.normalization.attempts;
  const attempts = att ? { markers: att.markers.map(baseKey).filter(Boolean), numbered: att.numbered.map(baseKey).filter(Boolean) } : undefined;
  const filler = m.normalization.filler ? new Set(m.normalization.filler.flatMap((f) => baseKey(f).split(' ')).filter(Boolean)) : undefined;
  const keyOpts = {
    expander: compileAbbreviations(abbreviations),
    dropToken: dropToken ?? undefined,
    ...(attempts ? { attempts: compileAttempts(attempts) } : {}),
  };
  const key = (s: string) => matchingKey(s, keyOpts);

  const ruleIds = new Map<string, number>();
  const nameOwner = new Map<string, string>();
  const codeOwner = new Map<string, string>();
  const rules: MappingRule[] = m.rules.map((r, ri) => {
    const at = (...p: Segment[]) => ['rules', ri, ...p];
    const firstIdx = ruleIds.get(r.id);
    if (firstIdx !== undefined) {
      issues.push(src.issue(at('id'), 'duplicate-rule-id', { id: r.id, first: firstIdx }));
    }
    else ruleIds.set(r.id, ri);

    const names = (r.names ?? []).map((n, i) => {
      const k = key(n);
      if (!k) issues.push(src.issue(at('names', i), 'name-empty', { name: n }));
      const owner = nameOwner.get(k);
      if (k && owner !== undefined && owner !== r.id) {
        issues.push(src.issue(at('names', i), 'name-claimed', { name: n, key: k, owner }));
      }
      nameOwner.set(k, r.id);
      return k;
    });
    const codes = (r.codes ?? []).map((c, i) => {
      const k = baseKey(c).replace(/ /g, '');
      if (!k) issues.push(src.issue(at('codes', i), 'code-empty', { code: c }));
      const owner = codeOwner.get(k);
      if (k && owner !== undefined && owner !== r.id) {
        issues.push(src.issue(at('codes', i), 'code-claimed', { code: c, owner }));
      }
      codeOwner.set(k, r.id);
      return k;
    });
    const keywords = (r.keywords ?? []).map((set, si) => {
      const phrases = (list: string[], field: 'all' | 'none') =>
        list.map((p, pi) => {
          const k = key(p);
          if (!k) {
            issues.push(src.issue(at('keywords', si, field, pi), 'phrase-empty', { phrase: p }));
          }
          return k;
        });
      const all = phrases(set.all, 'all');
      const none = phrases(set.none ?? [], 'none');
      if (all.every((k) => !k)) {
        issues.push(src.issue(at('keywords', si, 'all'), 'keywords-all-empty', {}));
      }
      return { all: all.filter(Boolean), none: none.filter(Boolean) };
    });
    if (names.length === 0 && codes.length === 0 && keywords.length === 0) {
      issues.push(src.issue(at('id'), 'rule-matches-nothing', { rule: r.id }));
    }

    const optional = (r.optional ?? []).map((w) => key(w));
    const vocabulary = new Set(
      [...names, ...keywords.flatMap((k) => k.all), ...optional].flatMap((phrase) => phrase.split(' ')).filter(Boolean),
    );
    const targets: RuleTarget[] = r.targets.map((t) =>
      typeof t === 'string' ? { lessonId: t } : { lessonId: t.lesson, share: t.share },
    );
    if (lessonIndex) checkTargets(src, at, r.id, targets, lessonIndex, issues);
    return {
      id: r.id,
      order: ri,
      label: r.label,
      match: { names: names.filter(Boolean), codes: codes.filter(Boolean), keywords, vocabulary },
      targets,
      ...(r.typicalPeriods !== undefined ? { typicalPeriods: r.typicalPeriods } : {}),
      ...(r.covers ? { covers: r.covers } : {}),
      provenance: { verified: r.verified, source: r.source },
    };
  });
  const p = m.normalization.parts;
  const parts = p
    ? {
        numbers: new Map(Object.entries(p.numbers).map(([k, v]) => [baseKey(k), v])),
        before: new Set(p.before.map(baseKey)),
        notAfter: new Set(p.notAfter.map(baseKey)),
      }
    : null;
  return {
    abbreviations,
    dropToken,
    parts,
    rules,
    ...(attempts ? { attempts } : {}),
    ...(filler ? { filler } : {}),
    clean: issues.length === before,
  };
}
