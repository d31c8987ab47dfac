// Edge: a cache of compiled rule sets on disk, so a run whose rule files have not changed skips the compiler
// (and never loads zod or jsonc-parser). One file per rule folder ("slot"); its entry records the exact text it
// was compiled from (every rule file, by path), the folder, the tool and Node versions and this build, and is
// used only when all of them match, byte for byte. Every failure — no cache location, not writable, corrupt,
// written by another version — is silent: the rule set is then compiled as if there were no cache.
// No hashing: node:crypto alone costs a plain check ~7 ms of start-up, and comparing the texts is exact.
//
// A slot file is one line of JSON in ASCII (other characters as \u escapes), the header — format, key, the files'
// paths and sizes, the encoded rule set — then the files' bytes, one after the other. The rule texts are compared
// as bytes (no JSON strings to parse and encode again) and the header is read as Latin-1 (no UTF-8 decoding): a
// plain check starts ~1 ms sooner than with the texts inside the JSON (issue 10).

import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDirFromEnv, writeCacheFile } from '../cache-dir.js';
import { decodeGraph, encodeGraph } from './serialize.js';
import type { RuleSet } from './types.js';

/** Bump when the entry layout or the encoding changes. */
const FORMAT = 'llct-rule-cache/3';

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

/** A slot file's header; the files' bytes follow it. */
interface Header {
  format: string;
  /** what else the entry depends on: format, tool and Node versions, build, rule folder */
  key: string;
  /** the files read, in order (the root file first) */
  files: string[];
  /** their sizes in bytes, in the same order: their bytes follow the header's line */
  sizes: number[];
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
  return join(cache.dir, `rules-${nameHash(`${FORMAT}\0${rulesDir}`)}.cache`);
}

function entryKey(cache: RuleCache, rulesDir: string): string {
  return `${FORMAT}\0${cache.toolVersion}\0${process.version}\0${cache.build ?? buildStamp()}\0${rulesDir}`;
}

/** The cached rule set of `rulesDir` if its entry matches the files on disk now; undefined otherwise. */
export async function readCachedRuleSet(cache: RuleCache, rulesDir: string): Promise<RuleSet | undefined> {
  try {
    // synchronous reads: no node:fs/promises to load on a cache hit (start-up, issue 10)
    const data = readFileSync(slotFile(cache, rulesDir));
    const end = data.indexOf(10);
    if (end < 0) return undefined;
    const entry = JSON.parse(data.toString('latin1', 0, end)) as Header;
    if (entry.format !== FORMAT || entry.key !== entryKey(cache, rulesDir)) return undefined;
    const { files, sizes } = entry;
    if (!Array.isArray(files) || !Array.isArray(sizes) || files.length !== sizes.length) return undefined;
    let at = end + 1;
    for (let i = 0; i < files.length; i++) {
      const size = sizes[i]!;
      if (!Number.isSafeInteger(size) || size < 0 || at + size > data.length) return undefined;
      if (!readFileSync(join(rulesDir, String(files[i]))).equals(data.subarray(at, at + size))) return undefined;
      at += size;
    }
    if (at !== data.length) return undefined;
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
  let header: string;
  try {
    const entry: Header = {
      format: FORMAT,
      key: entryKey(cache, rulesDir),
      files: files.map((f) => f.rel),
      sizes: files.map((f) => f.bytes.length),
      ruleSet: encodeGraph(ruleSet),
    };
    // JSON.stringify writes no line break; every UTF-16 unit past ASCII as an escape leaves a line of ASCII
    header = JSON.stringify(entry).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  } catch {
    return;
  }
  writeCacheFile(slotFile(cache, rulesDir), Buffer.concat([Buffer.from(`${header}\n`, 'latin1'), ...files.map((f) => f.bytes)]));
}
