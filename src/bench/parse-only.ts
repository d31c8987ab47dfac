// Benchmark baseline: read every transcript file of a batch folder and parse it as CSV or JSON, nothing else.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: node dist/bench/parse-only.js DIR\n');
  process.exit(2);
}

const decoder = new TextDecoder('utf-8');
let files = 0;
let records = 0;
let failed = 0;

function parseFile(path: string): void {
  const lower = path.toLowerCase();
  if (lower.endsWith('metadata.json') || !/\.(csv|tsv|txt|json)$/u.test(lower)) return;
  files++;
  const text = decoder.decode(readFileSync(path));
  try {
    if (lower.endsWith('.json')) {
      const doc = JSON.parse(text) as { courses?: unknown[] } | unknown[];
      records += Array.isArray(doc) ? doc.length : (doc.courses?.length ?? 0);
    } else {
      records += (parse(text, { relax_column_count: true, skip_empty_lines: true, bom: true }) as unknown[]).length;
    }
  } catch {
    failed++; // the broken fixtures fail here too; the baseline only times the attempt
  }
}

for (const entry of readdirSync(dir, { withFileTypes: true })) {
  const path = join(dir, entry.name);
  if (entry.isDirectory()) for (const child of readdirSync(path)) parseFile(join(path, child));
  else parseFile(path);
}
process.stdout.write(`${JSON.stringify({ files, records, failed })}\n`);
