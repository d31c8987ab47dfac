// `npm run bundle`: the two bundles bin/llct.js runs (issue 10, start-up), both stamped with one build id.
//
// - dist/bundle/llct.js (+ worker.js and shared chunks): the whole CLI, ES modules with code splitting.
// - dist/bundle/check.cjs: one CommonJS file for a plain `llct check` (cli/fast-check-lean.ts) — a single
//   CommonJS file loads several times faster than the dozen ES chunks of the same code. It holds only what a plain
//   CSV → text check runs: every module that code imports on need (dynamic import: the JSON reader, the rule
//   compiler, other report formats, decisions, the spreadsheet library…) is replaced by a stub that throws
//   LLCT_NEEDS_FULL before anything is written, and main.ts then runs the same line on the full bundle.
//   Only chalk (colour on a terminal) is kept inside, so a coloured check stays on the fast path.
//
// The build id (__LLCT_BUILD__) keys the compiled rule-set cache: both bundles share its entries.

import { randomBytes } from 'node:crypto';
import * as esbuild from 'esbuild';

const build = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  define: { __LLCT_BUILD__: JSON.stringify(build) },
};

await esbuild.build({
  ...common,
  entryPoints: { llct: 'dist/cli/main.js', worker: 'dist/batch/worker.js' },
  splitting: true,
  format: 'esm',
  external: ['@e965/xlsx'],
  outdir: 'dist/bundle',
  chunkNames: '[name]-[hash]',
  metafile: true,
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
}).then(async (r) => {
  const { writeFile } = await import('node:fs/promises');
  await writeFile('dist/bundle-meta.json', JSON.stringify(r.metafile));
});

const KEEP = new Set(['chalk']);
await esbuild.build({
  ...common,
  entryPoints: { check: 'dist/cli/fast-check-lean.js' },
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  outdir: 'dist/bundle',
  define: { ...common.define, 'import.meta.url': '__llctUrl' },
  banner: { js: "var __llctUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [
    {
      name: 'needs-full',
      setup(b) {
        b.onResolve({ filter: /.*/ }, (a) => (a.kind === 'dynamic-import' && !KEEP.has(a.path) ? { path: a.path, namespace: 'needs-full' } : undefined));
        // throws when imported, and again at any later import (esbuild caches a module whose init threw)
        b.onLoad({ filter: /.*/, namespace: 'needs-full' }, (a) => ({
          contents: [
            `const fail = () => { const e = new Error(${JSON.stringify(`needs the full CLI (${a.path})`)}); e.code = 'LLCT_NEEDS_FULL'; throw e; };`,
            'module.exports = new Proxy({}, { get: fail, has: fail, ownKeys: fail, getPrototypeOf: fail, getOwnPropertyDescriptor: fail });',
            'fail();',
          ].join('\n'),
          loader: 'js',
        }));
      },
    },
  ],
});
