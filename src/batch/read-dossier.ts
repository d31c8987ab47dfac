// File-system edge: reads one dossier's files (bytes only; decoding and parsing are the pure core's job).

import { join } from 'node:path';
import { DEFAULT_MAX_FILE_MB, MB, readRegularFileSync, TooLargeError } from '../file-io.js';
import type { Dossier } from './discover.js';
import type { DossierFiles, FileRead } from './evaluate.js';

// Synchronous on purpose: each worker reads one small file at a time, and fs/promises' readFile costs several
// thread-pool round trips per file (the pool is shared by every worker), which made the batch I/O-bound.
// Regular files only (a FIFO or device named *.csv is an error, never a hang), each at most `maxBytes`.
function readOne(root: string, file: string, maxBytes: number): FileRead {
  try {
    return { file, bytes: readRegularFileSync(join(root, file), maxBytes, file) };
  } catch (e) {
    if (e instanceof TooLargeError) return { file, error: 'too-large', limitBytes: maxBytes };
    const err = e as NodeJS.ErrnoException;
    return { file, error: err.code ?? err.message };
  }
}

/** Read a dossier's metadata, decisions and transcript files; a file that cannot be read is recorded, not thrown. */
export function readDossierFiles(root: string, dossier: Dossier, maxBytes: number = DEFAULT_MAX_FILE_MB * MB): DossierFiles {
  // one object shape for every dossier, lists made by push: the code that reads them stays monomorphic (a batch
  // worker's optimised code is otherwise thrown away and compiled again when a differently shaped dossier comes)
  return {
    dossier,
    folderError: dossier.unreadable ? dossier.unreadable : undefined,
    metadata: dossier.metadata ? readOne(root, dossier.metadata, maxBytes) : null,
    transcripts: readAll(root, dossier.transcripts, maxBytes),
    decisions: dossier.decisions ? readAll(root, dossier.decisions, maxBytes) : undefined,
  };
}

function readAll(root: string, files: readonly string[], maxBytes: number): FileRead[] {
  const out: FileRead[] = [];
  for (const f of files) out.push(readOne(root, f, maxBytes));
  return out;
}
