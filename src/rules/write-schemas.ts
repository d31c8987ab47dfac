// Edge script: writes the generated JSON Schemas into the package's rules/schema/ (`npm run schemas`).

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateJsonSchemas } from './json-schema.js';
import { defaultRulesDir } from './load.js';

const dir = join(process.argv[2] ?? defaultRulesDir(), 'schema');
await mkdir(dir, { recursive: true });
for (const [file, text] of generateJsonSchemas()) {
  await writeFile(join(dir, file), text);
  process.stderr.write(`wrote ${join(dir, file)}\n`);
}
