// Edge script: writes the generated JSON Schemas (rule files, dossier metadata, officer decisions) into rules/schema/
// (`npm run schemas`). It sits at the end of the flow: the metadata schema is built from the rule set's vocabulary.

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { METADATA_SCHEMA_FILE, metadataJsonSchemaText } from './batch/metadata.js';
import { DECISIONS_SCHEMA_FILE, decisionsJsonSchemaText } from './decisions/schema.js';
import { generateJsonSchemas } from './rules/json-schema.js';
import { defaultRulesDir, loadRuleSet } from './rules/load.js';

const rulesDir = process.argv[2] ?? defaultRulesDir();
const dir = join(rulesDir, 'schema');
const { dossierFields } = await loadRuleSet(rulesDir);
await mkdir(dir, { recursive: true });
const files = new Map(generateJsonSchemas())
  .set(METADATA_SCHEMA_FILE, metadataJsonSchemaText(dossierFields!))
  .set(DECISIONS_SCHEMA_FILE, decisionsJsonSchemaText());
for (const [file, text] of files) {
  await writeFile(join(dir, file), text);
  process.stderr.write(`wrote ${join(dir, file)}\n`);
}
