// Edge: reads a rule directory from disk and hands the texts to the pure compiler.

import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleFileError } from '../errors.js';
import { readCachedRuleSet, writeCachedRuleSet, type RuleCache, type RuleFileBytes } from './cache.js';
import { ruleIssue, type ReadFailure } from '../findings/rule-issues.js';
import type { RuleSet } from './types.js';

/** compile.ts's ROOT_FILE, repeated here so that a cache hit never loads the compiler (a test keeps them equal). */
export const ROOT_FILE = 'ruleset.json';

export interface LoadOptions {
  /** the compiled rule-set cache to use (undefined: always compile) */
  cache?: RuleCache | undefined;
}

/**
 * The package's shipped `rules/`: this file sits two levels below the package root (dist/rules, src/rules or a
 * bundle in dist/bundle); a CommonJS bundle knows its folder without a URL (start-up, issue 10).
 */
export function defaultRulesDir(): string {
  const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  return join(here, '..', '..', 'rules');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a file, or why not: 'missing', or a reason phrase such as "is not valid UTF-8" (in both languages). */
// synchronous reads (here and in cache.ts): no node:fs/promises to load for a check (start-up, issue 10)
function readText(file: string): { text: string; bytes: Uint8Array } | { missing: true } | { reason: ReadFailure } {
  try {
    const bytes = readFileSync(file);
    return { text: utf8.decode(bytes), bytes };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { missing: true };
    if (e instanceof TypeError) {
      return { reason: { kind: 'not-utf8' } };
    }
    return { reason: { kind: 'unreadable', why: code ?? (e as Error).message } };
  }
}


/**
 * Load and compile the rule set in `dir` (a folder holding ruleset.json, or the path of a ruleset.json).
 * Throws RuleFileError listing every problem; a missing or unreadable file is an issue, not a crash.
 * With `options.cache`, an unchanged rule set comes from the cache and the compiler is not even loaded.
 */
export async function loadRuleSet(dir: string = defaultRulesDir(), options: LoadOptions = {}): Promise<RuleSet> {
  try {
    if (statSync(dir).isFile()) dir = dirname(dir);
  } catch {
    throw new RuleFileError([ruleIssue(dir, 'rules-dir-missing', { root: ROOT_FILE })]);
  }
  const { cache } = options;
  if (cache) {
    const hit = await readCachedRuleSet(cache, dir);
    if (hit) return withShippedDossierFiles(hit, dir, options);
  }
  const { compileRuleSet, listedRuleFiles } = await import('./compile.js');
  const rootFile = join(dir, ROOT_FILE);
  const root = readText(rootFile);
  if ('missing' in root) {
    throw new RuleFileError([ruleIssue(rootFile, 'root-not-here', { root: ROOT_FILE })]);
  }
  if ('reason' in root) {
    throw new RuleFileError([ruleIssue(rootFile, 'root-unreadable', { root: ROOT_FILE, reason: root.reason })]);
  }

  const files = new Map<string, string>([[ROOT_FILE, root.text]]);
  const read: RuleFileBytes[] = [{ rel: ROOT_FILE, bytes: root.bytes }];
  const unreadable = new Map<string, ReadFailure>();
  const listed = listedRuleFiles(root.text);
  const reads = listed.map((rel) => readText(join(dir, rel)));
  listed.forEach((rel, i) => {
    const r = reads[i]!;
    if ('text' in r) {
      files.set(rel, r.text);
      read.push({ rel, bytes: r.bytes });
    } else if ('reason' in r) unreadable.set(rel, r.reason);
  });
  const ruleSet = compileRuleSet(files, dir, unreadable);
  // only a rule set that compiled cleanly is saved; the entry holds the very bytes it was compiled from
  if (cache) writeCachedRuleSet(cache, dir, read, ruleSet);
  return withShippedDossierFiles(ruleSet, dir, options);
}

/**
 * A rule set that lists no dossier files of its own (metadata vocabulary, statistics layout) takes the shipped
 * ones, so a centre's rule set (or `rules init`'s) need not copy them.
 */
async function withShippedDossierFiles(ruleSet: RuleSet, dir: string, options: LoadOptions): Promise<RuleSet> {
  if ((ruleSet.dossierFields && ruleSet.statistics) || resolve(dir) === resolve(defaultRulesDir())) return ruleSet;
  const shipped = await loadRuleSet(defaultRulesDir(), options);
  return { ...ruleSet, dossierFields: ruleSet.dossierFields ?? shipped.dossierFields, statistics: ruleSet.statistics ?? shipped.statistics };
}
