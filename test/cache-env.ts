// Setup of every test file: the compiled rule-set cache goes to a temporary folder, for this process and for every
// bin it spawns (spawnBin passes LLCT_CACHE_DIR on), never to the user's ~/.cache; removed after the file.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'llct-test-cache-'));
process.env.LLCT_CACHE_DIR = dir;
delete process.env.LLCT_NO_CACHE;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
