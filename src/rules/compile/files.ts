// Which files a rule set is made of: the root file and the paths it lists.

import { posix } from 'node:path';
import { getNodeValue, parseTree } from 'jsonc-parser';

/** The root file of every rule set, relative to the rule directory. */
export const ROOT_FILE = 'ruleset.json';

/** A path as listed in ruleset.json, in the form used as a key of the `files` map. */
export function resolveRulePath(listed: string): string {
  return posix.normalize(listed.replace(/\\/g, '/')).replace(/^\.\//, '');
}

/** What a root file seems to list, read leniently (a broken root still names the files to check). */
export function listedByKind(rootText: string): { programs: string[]; mapping?: string; dossier: string[] } {
  const tree = parseTree(stripBom(rootText), [], { disallowComments: true });
  const value: unknown = tree ? getNodeValue(tree) : undefined;
  if (!value || typeof value !== 'object') return { programs: [], dossier: [] };
  const { programs, mapping, dossierFields, statistics } = value as Record<string, unknown>;
  const list = Array.isArray(programs) ? programs.filter((p): p is string => typeof p === 'string' && p !== '') : [];
  return {
    programs: [...new Set(list.map(resolveRulePath))],
    ...(typeof mapping === 'string' && mapping ? { mapping: resolveRulePath(mapping) } : {}),
    dossier: [dossierFields, statistics].filter((f): f is string => typeof f === 'string' && f !== '').map(resolveRulePath),
  };
}

/** The files a root file lists (programs, mapping, dossier files), as `files` keys; tolerant of a broken root. */
export function listedRuleFiles(rootText: string): string[] {
  const { programs, mapping, dossier } = listedByKind(rootText);
  return [...new Set([...programs, ...(mapping ? [mapping] : []), ...dossier])];
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
