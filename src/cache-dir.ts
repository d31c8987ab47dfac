// Where llct keeps its caches (the compiled rule sets, the lean bundle's V8 code cache), from the environment.

import { mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';

/**
 * The cache folder, or undefined (no cache): LLCT_NO_CACHE=1 disables it; LLCT_CACHE_DIR names the folder;
 * else $XDG_CACHE_HOME/llct, else $HOME/.cache/llct; no HOME → no cache.
 */
export function cacheDirFromEnv(env: Record<string, string | undefined>): string | undefined {
  const off = env.LLCT_NO_CACHE;
  if (off !== undefined && off !== '' && off !== '0') return undefined;
  return (
    env.LLCT_CACHE_DIR ||
    (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? join(env.XDG_CACHE_HOME, 'llct') : undefined) ||
    (env.HOME ? join(env.HOME, '.cache', 'llct') : undefined)
  );
}

/**
 * Write a cache file, best effort: a private folder and file, a temp name of this process (and thread: workers
 * share the pid) renamed into place, every error ignored — a cache that cannot be written is only a slower run.
 */
export function writeCacheFile(file: string, data: string | Uint8Array): void {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(temp, data, { mode: 0o600 });
    renameSync(temp, file);
  } catch {
    try {
      unlinkSync(temp);
    } catch {
      // nothing written
    }
  }
}
