// Generates the JSON Schemas of the rule files from the zod schemas, so editors validate what the loader accepts.

import { z } from 'zod';
import { dossierFieldsFileSchema, mappingFileSchema, programFileSchema, ruleSetFileSchema, statisticsFileSchema } from './schema.js';

/** File names (under `rules/schema/`) and their zod schemas. */
const SCHEMA_FILES = {
  'ruleset.schema.json': ruleSetFileSchema,
  'program.schema.json': programFileSchema,
  'mapping.schema.json': mappingFileSchema,
  'dossier-fields.schema.json': dossierFieldsFileSchema,
  'statistics.schema.json': statisticsFileSchema,
} as const;

/** Every JSON Schema as text (2-space indent, trailing newline), keyed by file name. */
export function generateJsonSchemas(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [file, schema] of Object.entries(SCHEMA_FILES)) {
    const json = z.toJSONSchema(schema, { io: 'input' });
    out.set(file, `${JSON.stringify(json, null, 2)}\n`);
  }
  return out;
}
