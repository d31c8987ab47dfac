// Benchmark of the per-dossier work on one thread: the first N dossiers of a batch folder go through processDossier
// exactly as a batch worker runs them with `--out` (lines and workbook rows rendered), in this process, after a
// warm-up. Prints wall and CPU milliseconds per dossier (the CPU includes V8's background threads).
// usage: node dist/bench/per-dossier.js DIR [N] [--reports text,html] [--warm W]   (DIR from dist/bench/generate.js)
// --warm W: warm up on the folder's first W dossiers and time the N after them (the steady state, once V8 has
// optimised the code); without it, the warm-up is the first 200 of the N timed.

import { resolve } from 'node:path';
import { discoverUnlisted } from '../batch/discover.js';
import { lineSettings, processDossier } from '../batch/run-batch.js';
import { scanBatchTop } from '../batch/scan.js';
import type { EvaluateContext } from '../batch/evaluate.js';
import type { DossierFileFormat } from '../batch/types.js';
import { DEFAULT_MAX_FILE_MB, MB } from '../file-io.js';
import { loadRuleSet } from '../rules/load.js';
import { DEFAULT_MAX_ROWS } from '../transcript/parse.js';

const args = process.argv.slice(2);
const dir = args[0];
if (!dir) {
  process.stderr.write('usage: node dist/bench/per-dossier.js DIR [N] [--reports text,html] [--warm W]\n');
  process.exit(2);
}
const count = Number(args[1] && !args[1].startsWith('--') ? args[1] : '3000');
const ri = args.indexOf('--reports');
const files = (ri >= 0 ? (args[ri + 1] ?? '').split(',').filter(Boolean) : []) as DossierFileFormat[];
const wi = args.indexOf('--warm');
const warm = wi >= 0 ? Number(args[wi + 1]) : null;

const root = resolve(dir);
const ruleSet = await loadRuleSet(undefined, {});
const all = discoverUnlisted(scanBatchTop(root));
const warmUp = warm === null ? all.slice(0, Math.min(200, count)) : all.slice(0, warm);
const dossiers = warm === null ? all.slice(0, count) : all.slice(warm, warm + count);
const context: EvaluateContext = {
  ruleSet,
  check: {},
  defaultAsOf: '2026-01-01',
  read: { maxBytes: DEFAULT_MAX_FILE_MB * MB, maxRows: DEFAULT_MAX_ROWS },
  lang: 'vi',
  reports: true,
  files,
  toolVersion: 'bench',
  worklist: true,
};
const lines = lineSettings({ lang: 'vi', excel: false, linked: files.includes('html') }, context);
// the reports are rendered but not written (no reports folder): this times the work, not the disk
for (const d of warmUp) await processDossier(root, d, context, null, lines);
const t0 = performance.now();
const c0 = process.cpuUsage();
for (const d of dossiers) await processDossier(root, d, context, null, lines);
const wall = (performance.now() - t0) / dossiers.length;
const c = process.cpuUsage(c0);
const cpu = (c.user + c.system) / 1000 / dossiers.length;
const after = warm === null ? '' : ` after ${warmUp.length} to warm up`;
process.stdout.write(`${dossiers.length} dossiers${files.length ? ` (+ ${files.join(', ')})` : ''}${after}: ${wall.toFixed(3)} ms wall, ${cpu.toFixed(3)} ms CPU per dossier\n`);
