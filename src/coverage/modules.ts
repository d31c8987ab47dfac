// Which rows are one module: attempts of a module (§6.3), and the units whose content may add up or overlaps.

import type { PartMarkers } from '../rules/types.js';

/**
 * A key split into its base and its part number (null when the key names no part). Part markers come from the
 * rule set. `marked` says the number came with a part word ("phần 2", "HP2"), which makes it a part for sure;
 * a bare number is a part only where the caller knows the base as a module name ("Triết học 2").
 */
export function splitPart(key: string, parts: PartMarkers | null): { base: string; part: number | null; marked: boolean } {
  const none = { base: key, part: null, marked: false };
  // the last word first, without splitting: most keys end in no part number
  const cut = key.lastIndexOf(' ');
  if (!parts || cut < 0 || parts.numbers.get(key.slice(cut + 1)) === undefined) return none;
  const words = key.split(' ');
  const part = parts.numbers.get(words[words.length - 1]!);
  if (part === undefined || parts.notAfter.has(words[words.length - 2]!)) return none;
  words.pop();
  const marked = parts.before.has(words[words.length - 1] ?? '') && words.length > 1;
  if (marked) words.pop();
  return { base: words.join(' '), part, marked };
}

/** A number in brackets at the end of a name ("NLCB (5)") is a credit count or a code, never a part. */
const BRACKETED_NUMBER = /\(\s*[0-9ivx]+\s*\)\s*$/iu;

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
  /** the name as written (brackets are gone from the key) */
  name: string;
}

/** The part a module names, if any, and the base name its parts share (used by `unitsOf` and `rules explain`). */
export function partOf(
  m: Pick<ModuleInfo, 'ruleId' | 'key' | 'name'>,
  parts: PartMarkers | null,
  isModuleName: (ruleId: string, base: string) => boolean,
): { base: string; part: number | null } {
  const split = BRACKETED_NUMBER.test(m.name) ? { base: m.key, part: null, marked: false } : splitPart(m.key, parts);
  const part = split.part !== null && (split.marked || isModuleName(m.ruleId, split.base)) ? split.part : null;
  return { base: part === null ? m.key : split.base, part };
}

/**
 * Units of content: modules of one rule that are distinct parts of the same base name ("Triết học 1",
 * "Triết học 2") form one unit and add up; every other module is a unit of its own. Units that feed the same
 * lesson overlap: the pessimistic evaluation counts the larger, the optimistic one the sum. A bare trailing
 * number makes a part only when `isModuleName(ruleId, base)` — "Tư tưởng HCM học kì 2" is a retake, not part 2.
 */
export function unitsOf(
  modules: readonly ModuleInfo[],
  parts: PartMarkers | null,
  isModuleName: (ruleId: string, base: string) => boolean,
): Map<string, string> {
  const families = new Map<string, { id: string; part: number | null }[]>();
  for (const m of modules) {
    const { base, part } = partOf(m, parts, isModuleName);
    const family = `${m.ruleId}\u0000${base}`;
    const list = families.get(family);
    if (list) list.push({ id: m.id, part });
    else families.set(family, [{ id: m.id, part }]);
  }
  const unit = new Map<string, string>();
  for (const [family, members] of families) {
    const complementary = members.length > 1 && distinctParts(members);
    for (const x of members) unit.set(x.id, complementary ? family : x.id);
  }
  return unit;
}

/** Every member names a part, and no two the same part. */
function distinctParts(members: readonly { part: number | null }[]): boolean {
  for (let i = 0; i < members.length; i++) {
    const p = members[i]!.part;
    if (p === null) return false;
    for (let j = 0; j < i; j++) if (members[j]!.part === p) return false;
  }
  return true;
}
