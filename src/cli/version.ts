// Edge: the package version, read once from package.json next to the built (or source) tree.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function toolVersion(): string {
  if (cached === undefined) {
    try {
      // two folders below the package root (dist/cli, dist/bundle, src/cli); a CommonJS bundle knows its folder
      // without a URL (start-up, issue 10)
      const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
      const pkg = JSON.parse(readFileSync(join(here, '..', '..', 'package.json'), 'utf8')) as { version?: string };
      cached = pkg.version ?? '0.0.0';
    } catch {
      cached = '0.0.0';
    }
  }
  return cached;
}
