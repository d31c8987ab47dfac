// Edge: reads a rule directory from disk and hands the texts to the pure compiler.

import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleFileError } from '../errors.js';
import { compileRuleSet, listedRuleFiles, ROOT_FILE } from './compile.js';
import type { RuleSet } from './types.js';

/** The package's shipped `rules/`: this file sits two levels below the package root (dist/rules or src/rules). */
export function defaultRulesDir(): string {
  return fileURLToPath(new URL('../../rules/', import.meta.url)).replace(/[\\/]$/, '');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a file, or why not: 'missing', or a reason phrase such as "is not valid UTF-8". */
async function readText(file: string): Promise<{ text: string } | { missing: true } | { reason: string }> {
  try {
    return { text: utf8.decode(await readFile(file)) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { missing: true };
    if (e instanceof TypeError) return { reason: 'is not valid UTF-8' };
    return { reason: `cannot be read (${code ?? (e as Error).message})` };
  }
}

/**
 * Load and compile the rule set in `dir` (a folder holding ruleset.json, or the path of a ruleset.json).
 * Throws RuleFileError listing every problem; a missing or unreadable file is an issue, not a crash.
 */
export async function loadRuleSet(dir: string = defaultRulesDir()): Promise<RuleSet> {
  try {
    if ((await stat(dir)).isFile()) dir = dirname(dir);
  } catch {
    throw new RuleFileError([{ file: dir, path: '$', message: `rule directory not found; --rules expects a folder holding ${ROOT_FILE}` }]);
  }
  const rootFile = join(dir, ROOT_FILE);
  const root = await readText(rootFile);
  if ('missing' in root) {
    throw new RuleFileError([{ file: rootFile, path: '$', message: `no ${ROOT_FILE} here; --rules expects a folder holding ${ROOT_FILE}` }]);
  }
  if ('reason' in root) throw new RuleFileError([{ file: rootFile, path: '$', message: `${ROOT_FILE} ${root.reason}` }]);

  const files = new Map<string, string>([[ROOT_FILE, root.text]]);
  const unreadable = new Map<string, string>();
  const listed = listedRuleFiles(root.text);
  const reads = await Promise.all(listed.map((rel) => readText(join(dir, rel))));
  listed.forEach((rel, i) => {
    const r = reads[i]!;
    if ('text' in r) files.set(rel, r.text);
    else if ('reason' in r) unreadable.set(rel, r.reason);
  });
  return compileRuleSet(files, dir, unreadable);
}
