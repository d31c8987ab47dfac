// File-system edge: reads one dossier's files (bytes only; decoding and parsing are the pure core's job).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dossier } from './discover.js';
import type { DossierFiles, FileRead } from './evaluate.js';

// Synchronous on purpose: each worker reads one small file at a time, and fs/promises' readFile costs several
// thread-pool round trips per file (the pool is shared by every worker), which made the batch I/O-bound.
function readOne(root: string, file: string): FileRead {
  try {
    return { file, bytes: readFileSync(join(root, file)) };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { file, error: err.code ?? err.message };
  }
}

/** Read a dossier's metadata and transcript files; a file that cannot be read is recorded, not thrown. */
export function readDossierFiles(root: string, dossier: Dossier): DossierFiles {
  return {
    dossier,
    ...(dossier.unreadable ? { folderError: dossier.unreadable } : {}),
    metadata: dossier.metadata ? readOne(root, dossier.metadata) : null,
    transcripts: dossier.transcripts.map((f) => readOne(root, f)),
  };
}
