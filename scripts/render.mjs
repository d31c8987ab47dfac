#!/usr/bin/env node
// Prints the HTML reports of the shipped fixtures to A4 PDF and PNG with headless Chromium, for a person to look
// at, and checks what a printout must keep: every row of every transcript in the PDF's text, and the 30-row
// transcript on at most two pages. A person's tool (CI has no Chromium): `npm run render [-- --readme] [out-dir]`.

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const README_IMAGE = args.includes('--readme');
const OUT = resolve(args.find((a) => !a.startsWith('--')) ?? join(ROOT, 'dist', 'render'));
/** Inside the shipped rules' effective period, so the sheets show what an officer saw at the time. */
const AS_OF = '2020-06-30';
/** The transcript that must print on at most this many A4 pages. */
const LONG = { file: 'full-30-rows.csv', maxPages: 2 };
const README_PNG = join(ROOT, 'docs', 'html-report.png');
const README_PNG_MAX = 200 * 1024;

function which(names) {
  for (const n of names) {
    const r = spawnSync('sh', ['-c', `command -v ${n}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

const chromium = process.env.CHROMIUM_BIN ?? which(['chromium', 'chromium-browser', 'google-chrome']);
const missing = [!chromium && 'chromium', ...['pdfinfo', 'pdftotext', 'pdftoppm'].filter((t) => !which([t]))].filter(Boolean);
if (missing.length) {
  console.error(`render: missing ${missing.join(', ')} — on Debian/Ubuntu: apt-get update && apt-get install -y chromium poppler-utils`);
  process.exit(2);
}
if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
  console.error('render: build first (npm run build), or run it as npm run render');
  process.exit(2);
}

function run(cmd, argv, what) {
  const r = spawnSync(cmd, argv, { encoding: 'utf8', cwd: ROOT, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${what}: ${r.error.message}`);
  return r;
}

const llct = (argv) => run(process.execPath, [join(ROOT, 'bin', 'llct.js'), ...argv], `llct ${argv[0]}`);

const profile = mkdtempSync(join(tmpdir(), 'llct-render-chromium-'));
function printToPdf(html, pdf) {
  const r = run(
    chromium,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
      // the page prints its own running header and page numbers (CSS @page)
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`,
      pathToFileURL(html).href,
    ],
    'chromium',
  );
  if (!existsSync(pdf)) throw new Error(`chromium wrote no PDF for ${html}:\n${r.stderr}`);
}

function pdfInfo(pdf) {
  const text = run('pdfinfo', [pdf], 'pdfinfo').stdout;
  const pages = Number(/^Pages:\s+(\d+)/m.exec(text)?.[1] ?? 0);
  const [w, h] = (/^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(text) ?? []).slice(1).map(Number);
  return { pages, width: w, height: h };
}

/** Text as compared: compatibility-normalised (ligatures), no whitespace at all (cells wrap anywhere). */
const squash = (s) => s.normalize('NFKC').replace(/[\s\u00ad\-\u2010-\u2015]+/gu, ''); // pdftotext drops a hyphen where a word wraps

function toPng(pdf, prefix, firstPageOnly = false) {
  run('pdftoppm', ['-r', '60', '-png', ...(firstPageOnly ? ['-f', '1', '-l', '1'] : []), pdf, prefix], 'pdftoppm');
}

mkdirSync(OUT, { recursive: true });
const failures = [];
const lines = [];
const a4 = (i) => Math.abs(i.width - 595) <= 2 && Math.abs(i.height - 842) <= 2;

try {
  // one comparison sheet per transcript fixture
  const dir = join(ROOT, 'fixtures', 'transcripts');
  const fixtures = readdirSync(dir)
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
  for (const f of fixtures) {
    const name = basename(f, extname(f));
    const html = join(OUT, `${name}.html`);
    const pdf = join(OUT, `${name}.pdf`);
    const checked = llct(['check', join('fixtures', 'transcripts', f), '--as-of', AS_OF, '-o', html]);
    if (![0, 1, 3].includes(checked.status)) {
      lines.push(`${f}: not a transcript llct reads (exit ${checked.status}) — skipped`);
      continue;
    }
    const report = JSON.parse(llct(['check', join('fixtures', 'transcripts', f), '--as-of', AS_OF, '--format', 'json']).stdout);
    printToPdf(html, pdf);
    const info = pdfInfo(pdf);
    const text = squash(run('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], 'pdftotext').stdout);
    const lost = report.rows.filter((r) => !text.includes(squash(`[${r.id}]`)) || !text.includes(squash(r.name)));
    toPng(pdf, join(OUT, name));
    const problems = [];
    if (!a4(info)) problems.push(`page size ${info.width}×${info.height} pt is not A4`);
    if (lost.length) problems.push(`rows missing from the PDF text: ${lost.map((r) => `[${r.id}] ${r.name}`).join('; ')}`);
    if (f === LONG.file && info.pages > LONG.maxPages) problems.push(`${info.pages} pages, more than ${LONG.maxPages}`);
    lines.push(`${f}: ${report.rows.length} rows, ${info.pages} page(s)${problems.length ? ` — FAIL: ${problems.join('; ')}` : ' — ok'}`);
    if (problems.length) failures.push(f);
    if (f === LONG.file && README_IMAGE) {
      const first = join(OUT, `${name}-readme`);
      toPng(pdf, first, true);
      copyFileSync(`${first}-1.png`, README_PNG);
      const size = statSync(README_PNG).size;
      lines.push(`  README image ${README_PNG}: ${Math.round(size / 1024)} KB${size > README_PNG_MAX ? ' — FAIL: over 200 KB' : ''}`);
      if (size > README_PNG_MAX) failures.push('README image');
    }
  }

  // a batch: index.html and every dossier's sheet
  const batchOut = join(OUT, 'batch');
  const batch = llct(['batch', join('fixtures', 'dossiers', 'sample'), '--out', batchOut, '--force', '--quiet', '--as-of', AS_OF]);
  if (![0, 2].includes(batch.status) || !existsSync(join(batchOut, 'index.html'))) {
    failures.push('batch');
    lines.push(`batch: exit ${batch.status}, no index.html\n${batch.stderr}`);
  } else {
    const sheets = ['index.html', ...readdirSync(join(batchOut, 'reports')).filter((f) => f.endsWith('.html')).map((f) => join('reports', f))];
    for (const rel of sheets) {
      const pdf = join(batchOut, rel.replace(/\.html$/, '.pdf'));
      printToPdf(join(batchOut, rel), pdf);
      toPng(pdf, pdf.replace(/\.pdf$/, ''), true);
    }
    lines.push(`batch: index.html and ${sheets.length - 1} dossier sheets printed — ok`);
  }
} finally {
  rmSync(profile, { recursive: true, force: true });
}

console.log(lines.join('\n'));
console.log(`\nPDF and PNG files are in ${OUT}`);
if (failures.length) {
  console.error(`render: ${failures.length} check(s) failed: ${failures.join(', ')}`);
  process.exit(1);
}
