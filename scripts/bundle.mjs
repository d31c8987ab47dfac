// `npm run bundle`: the bundles bin/llct.js runs (issue 10, start-up), all stamped with one build id.
//
// - dist/bundle/main.cjs: the process entry (cli/main.ts), CommonJS like bin/llct.js, so `--version` and a plain
//   check never start Node's ES module loader; it runs the lean check below, else imports the full CLI.
// - dist/bundle/llct.js (+ worker.js and shared chunks): the whole CLI (cli/full.ts), ES modules with code splitting.
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
  entryPoints: { llct: 'dist/cli/full.js', worker: 'dist/batch/worker.js' },
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

// CommonJS bundles: import.meta.url is this file's URL, worked out only if asked for (the code on their paths uses
// __dirname: no URL work at start-up)
const cjs = {
  ...common,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  outdir: 'dist/bundle',
  define: { ...common.define, 'import.meta.url': '__llct.url' },
  banner: { js: "var __llct = { get url() { return require('node:url').pathToFileURL(__filename).href; } };" },
};

await esbuild.build({
  ...cjs,
  entryPoints: { main: 'dist/cli/main.js' },
  plugins: [
    {
      name: 'full-cli',
      setup(b) {
        // the full CLI stays a separate ES bundle, imported only when the lean check does not take the line
        b.onResolve({ filter: /^\.\/full\.js$/ }, () => ({ path: './llct.js', external: true }));
      },
    },
  ],
});

const KEEP = new Set(['chalk']);
await esbuild.build({
  ...cjs,
  entryPoints: { check: 'dist/cli/fast-check-lean.js' },
  // main.ts reads it as Latin-1 (no UTF-8 decoding at start-up): no comments, every string in ASCII escapes
  minifyWhitespace: true,
  charset: 'ascii',
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

// check.cjs is read as Latin-1 by main.ts, so it must be ASCII. esbuild escapes strings, templates and names but not
// regular expression literals: their characters become \uXXXX escapes (the same character in a pattern, in a class
// too; an astral one as its surrogate pair, which a u-flag pattern reads as the one code point). One after a
// backslash (an identity escape) would change meaning: refused.
{
  const { readFileSync, writeFileSync } = await import('node:fs');
  const file = 'dist/bundle/check.cjs';
  const text = readFileSync(file, 'utf8').replace(/[^\x00-\x7f]/g, (ch, at, all) => {
    if (all[at - 1] === '\\') throw new Error(`${file}: an escaped non-ASCII character at ${at}`);
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  writeFileSync(file, text);
}
