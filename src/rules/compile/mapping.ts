// The mapping file compiled: normalisation (dropped tokens, abbreviations, parts) and the matching rules.

import type { RuleIssue } from '../../errors.js';
import { compileAttempts } from '../../match/attempts.js';
import { baseKey } from '../../text/normalize.js';
import { compileAbbreviations, matchingKey } from '../../match/normalize.js';
import type { MappingFile } from '../schema.js';
import type { Abbreviation, MappingRule, RuleSet, RuleTarget } from '../types.js';
import { msg, type Segment, type SourceFile } from './source.js';
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
      issues.push(
        src.issue(
          ['normalization', 'dropTokenPattern'],
          msg(`invalid regular expression: ${why}`, `biểu thức chính quy không hợp lệ: ${why}`),
        ),
      );
    }
  }

  const abbreviations: Abbreviation[] = [];
  const seenAbbr = new Map<string, number>();
  m.abbreviations.forEach((a, i) => {
    const from = baseKey(a.from);
    const to = baseKey(a.to);
    if (!from) {
      issues.push(src.issue(['abbreviations', i, 'from'], msg(`"${a.from}" has no letters or digits`, `"${a.from}" không có chữ cái hay chữ số nào`)));
      return;
    }
    const first = seenAbbr.get(from);
    if (first !== undefined) {
      issues.push(
        src.issue(
          ['abbreviations', i, 'from'],
          msg(
            `abbreviation "${from}" is already defined at $.abbreviations[${first}]`,
            `chữ viết tắt "${from}" đã được khai báo tại $.abbreviations[${first}]`,
          ),
        ),
      );
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
      issues.push(
        src.issue(
          at('id'),
          msg(`duplicate rule id "${r.id}" (first at $.rules[${firstIdx}])`, `trùng mã quy tắc "${r.id}" (đã dùng tại $.rules[${firstIdx}])`),
        ),
      );
    }
    else ruleIds.set(r.id, ri);

    const names = (r.names ?? []).map((n, i) => {
      const k = key(n);
      if (!k) issues.push(src.issue(at('names', i), msg(`name "${n}" is empty once normalised`, `tên "${n}" thành rỗng sau khi chuẩn hóa`)));
      const owner = nameOwner.get(k);
      if (k && owner !== undefined && owner !== r.id) {
        issues.push(
          src.issue(
            at('names', i),
            msg(
              `name "${n}" (key "${k}") is already a name of rule "${owner}"`,
              `tên "${n}" (dạng so khớp "${k}") đã là tên của quy tắc "${owner}"`,
            ),
          ),
        );
      }
      nameOwner.set(k, r.id);
      return k;
    });
    const codes = (r.codes ?? []).map((c, i) => {
      const k = baseKey(c).replace(/ /g, '');
      if (!k) issues.push(src.issue(at('codes', i), msg(`code "${c}" has no letters or digits`, `mã học phần "${c}" không có chữ cái hay chữ số nào`)));
      const owner = codeOwner.get(k);
      if (k && owner !== undefined && owner !== r.id) {
        issues.push(
          src.issue(at('codes', i), msg(`code "${c}" is already a code of rule "${owner}"`, `mã học phần "${c}" đã là mã của quy tắc "${owner}"`)),
        );
      }
      codeOwner.set(k, r.id);
      return k;
    });
    const keywords = (r.keywords ?? []).map((set, si) => {
      const phrases = (list: string[], field: 'all' | 'none') =>
        list.map((p, pi) => {
          const k = key(p);
          if (!k) {
            issues.push(
              src.issue(at('keywords', si, field, pi), msg(`phrase "${p}" is empty once normalised`, `cụm từ "${p}" thành rỗng sau khi chuẩn hóa`)),
            );
          }
          return k;
        });
      const all = phrases(set.all, 'all');
      const none = phrases(set.none ?? [], 'none');
      if (all.every((k) => !k)) {
        issues.push(
          src.issue(
            at('keywords', si, 'all'),
            msg(
              'a keyword set needs at least one phrase in "all" (it would match every name)',
              'bộ từ khóa cần ít nhất một cụm từ trong "all" (nếu không sẽ khớp mọi tên môn)',
            ),
          ),
        );
      }
      return { all: all.filter(Boolean), none: none.filter(Boolean) };
    });
    if (names.length === 0 && codes.length === 0 && keywords.length === 0) {
      issues.push(
        src.issue(
          at('id'),
          msg(
            `rule "${r.id}" matches nothing: give names, codes or keywords`,
            `quy tắc "${r.id}" không khớp được môn nào: hãy ghi names (tên), codes (mã học phần) hoặc keywords (từ khóa)`,
          ),
        ),
      );
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
