// Edge: a cache of compiled rule sets on disk, so a run whose rule files have not changed skips the compiler
// (and never loads zod or jsonc-parser). One file per rule folder ("slot"); its entry records the exact bytes
// it was compiled from (every rule file, by path), the folder, the tool and Node versions and this build, and
// is used only when all of them match. Every failure — no cache location, not writable, corrupt, written by
// another version — is silent: the rule set is then compiled as if there were no cache.

import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeGraph, encodeGraph } from './serialize.js';
import type { RuleSet } from './types.js';

/** Bump when the entry layout or the encoding changes. */
const FORMAT = 'llct-rule-cache/1';

export interface RuleCache {
  /** folder holding the cache files */
  dir: string;
  /** the tool version (part of the key) */
  toolVersion: string;
  /**
   * the build of the tool that set the cache up (part of the key; default: this module's file). Batch workers get
   * their main thread's, so the bundle and the workers' modules share entries.
   */
  build?: string;
}

/**
 * Where the cache lives for this environment, or undefined (no cache): LLCT_NO_CACHE=1 disables it;
 * LLCT_CACHE_DIR names the folder; else $XDG_CACHE_HOME/llct, else $HOME/.cache/llct; no HOME → no cache.
 */
export function ruleCacheFromEnv(env: NodeJS.ProcessEnv, toolVersion: string): RuleCache | undefined {
  const off = env.LLCT_NO_CACHE;
  if (off !== undefined && off !== '' && off !== '0') return undefined;
  const dir =
    env.LLCT_CACHE_DIR ||
    (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? join(env.XDG_CACHE_HOME, 'llct') : undefined) ||
    (env.HOME ? join(env.HOME, '.cache', 'llct') : undefined);
  return dir ? { dir, toolVersion, build: buildStamp() } : undefined;
}

/** A rule file as compiled: its path relative to the rule folder and its exact bytes. */
export interface RuleFileBytes {
  rel: string;
  bytes: Uint8Array;
}

interface Entry {
  format: string;
  key: string;
  /** the files read, in order (the root file first) */
  files: string[];
  ruleSet: unknown;
}

let stamp: string | undefined;
/** This build of the tool: a rebuilt bundle (or source file) never reads an entry written by another build. */
function buildStamp(): string {
  if (stamp === undefined) {
    try {
      const s = statSync(fileURLToPath(import.meta.url));
      stamp = `${s.size}:${s.mtimeMs}`;
    } catch {
      stamp = 'unknown';
    }
  }
  return stamp;
}

function slotFile(cache: RuleCache, rulesDir: string): string {
  const name = createHash('sha256').update(`${FORMAT}\0${rulesDir}`).digest('hex').slice(0, 32);
  return join(cache.dir, `rules-${name}.json`);
}

function entryKey(cache: RuleCache, rulesDir: string, files: readonly RuleFileBytes[]): string {
  const h = createHash('sha256');
  h.update(`${FORMAT}\0${cache.toolVersion}\0${process.version}\0${cache.build ?? buildStamp()}\0${rulesDir}\0`);
  for (const f of files) {
    h.update(`${f.rel}\0${f.bytes.length}\0`);
    h.update(f.bytes);
  }
  return h.digest('hex');
}

/** The cached rule set of `rulesDir` if its entry matches the files on disk now; undefined otherwise. */
export async function readCachedRuleSet(cache: RuleCache, rulesDir: string): Promise<RuleSet | undefined> {
  try {
    const entry = JSON.parse(await readFile(slotFile(cache, rulesDir), 'utf8')) as Entry;
    if (entry.format !== FORMAT || !Array.isArray(entry.files) || typeof entry.key !== 'string') return undefined;
    const files = await Promise.all(
      entry.files.map(async (rel): Promise<RuleFileBytes> => ({ rel, bytes: await readFile(join(rulesDir, String(rel))) })),
    );
    if (entryKey(cache, rulesDir, files) !== entry.key) return undefined;
    const ruleSet = decodeGraph(entry.ruleSet) as RuleSet;
    if (!ruleSet || typeof ruleSet !== 'object' || ruleSet.dir !== rulesDir || !Array.isArray(ruleSet.rules)) return undefined;
    return ruleSet;
  } catch {
    return undefined;
  }
}

/** Save `ruleSet`, compiled from exactly `files`; best effort (temp file + rename, errors ignored). */
export async function writeCachedRuleSet(
  cache: RuleCache,
  rulesDir: string,
  files: readonly RuleFileBytes[],
  ruleSet: RuleSet,
): Promise<void> {
  const target = slotFile(cache, rulesDir);
  const temp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    const entry: Entry = { format: FORMAT, key: entryKey(cache, rulesDir, files), files: files.map((f) => f.rel), ruleSet: encodeGraph(ruleSet) };
    await mkdir(cache.dir, { recursive: true, mode: 0o700 });
    await writeFile(temp, JSON.stringify(entry), { mode: 0o600 });
    await rename(temp, target);
  } catch {
    await unlink(temp).catch(() => {});
  }
}
