// Edge: a cache of compiled rule sets on disk, so a run whose rule files have not changed skips the compiler
// (and never loads zod or jsonc-parser). One file per rule folder ("slot"); its entry records the exact text it
// was compiled from (every rule file, by path), the folder, the tool and Node versions and this build, and is
// used only when all of them match, byte for byte. Every failure — no cache location, not writable, corrupt,
// written by another version — is silent: the rule set is then compiled as if there were no cache.
// No hashing: node:crypto alone costs a plain check ~7 ms of start-up, and comparing the texts is exact.

import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDirFromEnv, writeCacheFile } from '../cache-dir.js';
import { decodeGraph, encodeGraph } from './serialize.js';
import type { RuleSet } from './types.js';

/** Bump when the entry layout or the encoding changes. */
const FORMAT = 'llct-rule-cache/2';

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
  const dir = cacheDirFromEnv(env);
  return dir ? { dir, toolVersion, build: buildStamp() } : undefined;
}

/** A rule file as compiled: its path relative to the rule folder and its exact bytes. */
export interface RuleFileBytes {
  rel: string;
  bytes: Uint8Array;
}

interface Entry {
  format: string;
  /** what else the entry depends on: format, tool and Node versions, build, rule folder */
  key: string;
  /** the files read, in order (the root file first) */
  files: string[];
  /** their exact texts (rule files are UTF-8: only a rule set that compiled is saved) */
  texts: string[];
  ruleSet: unknown;
}

/** The build id scripts/bundle.mjs gives both bundles (so that they share entries); absent when run unbundled. */
declare const __LLCT_BUILD__: string | undefined;

let stamp: string | undefined;
/** This build of the tool: a rebuilt bundle (or source file) never reads an entry written by another build. */
function buildStamp(): string {
  if (stamp === undefined && typeof __LLCT_BUILD__ === 'string') stamp = `build:${__LLCT_BUILD__}`;
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

/** FNV-1a (two 32-bit lanes) of a string, as 16 hex digits: a file name per rule folder (the entry holds the folder). */
function nameHash(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c ^ (a >>> 7), 0x85ebca6b) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

function slotFile(cache: RuleCache, rulesDir: string): string {
  return join(cache.dir, `rules-${nameHash(`${FORMAT}\0${rulesDir}`)}.json`);
}

function entryKey(cache: RuleCache, rulesDir: string): string {
  return `${FORMAT}\0${cache.toolVersion}\0${process.version}\0${cache.build ?? buildStamp()}\0${rulesDir}`;
}

/** Whether `bytes` are exactly the UTF-8 of `text`. */
function sameText(bytes: Uint8Array, text: unknown): boolean {
  return typeof text === 'string' && Buffer.from(text, 'utf8').equals(bytes);
}

/** The cached rule set of `rulesDir` if its entry matches the files on disk now; undefined otherwise. */
export async function readCachedRuleSet(cache: RuleCache, rulesDir: string): Promise<RuleSet | undefined> {
  try {
    // synchronous reads: no node:fs/promises to load on a cache hit (start-up, issue 10)
    const entry = JSON.parse(readFileSync(slotFile(cache, rulesDir), 'utf8')) as Entry;
    if (entry.format !== FORMAT || entry.key !== entryKey(cache, rulesDir)) return undefined;
    if (!Array.isArray(entry.files) || !Array.isArray(entry.texts) || entry.files.length !== entry.texts.length) return undefined;
    const files = entry.files.map((rel) => readFileSync(join(rulesDir, String(rel))));
    if (!files.every((bytes, i) => sameText(bytes, entry.texts[i]))) return undefined;
    const ruleSet = decodeGraph(entry.ruleSet) as RuleSet;
    if (!ruleSet || typeof ruleSet !== 'object' || ruleSet.dir !== rulesDir || !Array.isArray(ruleSet.rules)) return undefined;
    return ruleSet;
  } catch {
    return undefined;
  }
}

/** Save `ruleSet`, compiled from exactly `files`; best effort (writeCacheFile: temp file + rename, errors ignored). */
export function writeCachedRuleSet(
  cache: RuleCache,
  rulesDir: string,
  files: readonly RuleFileBytes[],
  ruleSet: RuleSet,
): void {
  let entry: Entry;
  try {
    entry = {
      format: FORMAT,
      key: entryKey(cache, rulesDir),
      files: files.map((f) => f.rel),
      texts: files.map((f) => Buffer.from(f.bytes).toString('utf8')),
      ruleSet: encodeGraph(ruleSet),
    };
  } catch {
    return;
  }
  writeCacheFile(slotFile(cache, rulesDir), JSON.stringify(entry));
}
