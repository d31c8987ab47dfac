// Which rows are one module: attempts of a module (§6.3), and the units whose content may add up or overlaps.

import type { PartMarkers } from '../rules/types.js';

/**
 * A key split into its base and its part number (null when the key names no part). Part markers come from the
 * rule set: parts of one module are complementary content, so their periods add up; anything else that feeds
 * the same lessons overlaps.
 */
export function splitPart(key: string, parts: PartMarkers | null): { base: string; part: number | null } {
  const words = key.split(' ');
  const part = parts?.numbers.get(words[words.length - 1] ?? '');
  if (!parts || part === undefined || words.length < 2 || parts.notAfter.has(words[words.length - 2]!)) return { base: key, part: null };
  words.pop();
  if (parts.before.has(words[words.length - 1] ?? '') && words.length > 1) words.pop();
  return { base: words.join(' '), part };
}

/**
 * Attempts of one module (§6.3): rows of one rule with the same course code — a retake keeps its code even when
 * the name gains "(lần 2)" or "học lại" — or, without a code, the same matching key.
 */
export function attemptKey(ruleId: string, key: string, code: string | null): string {
  return code ? `${ruleId}\u0000code\u0000${code}` : `${ruleId}\u0000name\u0000${key}`;
}

export interface ModuleInfo {
  /** attempt-group id */
  id: string;
  ruleId: string;
  key: string;
}

/**
 * Units of content: modules of one rule that are distinct parts of the same base name ("Triết học 1",
 * "Triết học 2") form one unit and add up; every other module is a unit of its own. Units that feed the same
 * lesson overlap: the pessimistic evaluation counts the larger, the optimistic one the sum.
 */
export function unitsOf(modules: readonly ModuleInfo[], parts: PartMarkers | null): Map<string, string> {
  const families = new Map<string, { id: string; part: number | null }[]>();
  for (const m of modules) {
    const { base, part } = splitPart(m.key, parts);
    const family = `${m.ruleId}\u0000${base}`;
    const list = families.get(family);
    if (list) list.push({ id: m.id, part });
    else families.set(family, [{ id: m.id, part }]);
  }
  const unit = new Map<string, string>();
  for (const [family, members] of families) {
    const parts = members.map((x) => x.part);
    const complementary = members.length > 1 && parts.every((p) => p !== null) && new Set(parts).size === parts.length;
    for (const x of members) unit.set(x.id, complementary ? family : x.id);
  }
  return unit;
}
