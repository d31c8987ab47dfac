// Edge script: writes the generated JSON Schemas (rule files, dossier metadata, officer decisions) into rules/schema/ (`npm run schemas`).

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { METADATA_SCHEMA_FILE, metadataJsonSchemaText } from '../batch/metadata.js';
import { DECISIONS_SCHEMA_FILE, decisionsJsonSchemaText } from '../decisions/schema.js';
import { generateJsonSchemas } from './json-schema.js';
import { defaultRulesDir } from './load.js';

const dir = join(process.argv[2] ?? defaultRulesDir(), 'schema');
await mkdir(dir, { recursive: true });
const files = new Map(generateJsonSchemas())
  .set(METADATA_SCHEMA_FILE, metadataJsonSchemaText())
  .set(DECISIONS_SCHEMA_FILE, decisionsJsonSchemaText());
for (const [file, text] of files) {
  await writeFile(join(dir, file), text);
  process.stderr.write(`wrote ${join(dir, file)}\n`);
}
