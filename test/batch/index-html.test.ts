import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportHref, rowFilters } from '../../src/batch/index-html.js';
import { reportBaseName } from '../../src/batch/report-names.js';
import type { LevelSummary, SummaryRow } from '../../src/batch/types.js';
import { runIn } from '../cli/helpers.js';
import { attr, Doc, expectSelfContained, expectValid, textOf } from '../report/html-helpers.js';

const SAMPLE = 'fixtures/dossiers/sample';
const tmp = mkdtempSync(join(tmpdir(), 'llct-index-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('batch --out writes index.html and an HTML report per dossier', () => {
  const out = join(tmp, 'out');
  let summary: { dossiers: { dossier: string; highestPassed: string | null; error: unknown }[] };
  let index: Doc;
  beforeAll(async () => {
    await runIn(['batch', SAMPLE, '--out', out, '--jobs', '1', '--as-of', '2020-06-30', '--reports', 'html']);
    summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    index = new Doc(readFileSync(join(out, 'index.html'), 'utf8'));
  }, 60_000);

  it('links every dossier, in batch order, to a report file that exists', () => {
    const rows = index.find((e) => e.tagName === 'tr' && attr(e, 'data-dossier') !== undefined);
    expect(rows.map((r) => attr(r, 'data-dossier'))).toEqual(summary.dossiers.map((d) => d.dossier));
    for (const r of index.find((e) => e.tagName === 'a')) {
      const href = attr(r, 'href')!;
      expect(href).toMatch(/^reports\/[^/]+\.html$/);
      expect(existsSync(join(out, decodeURIComponent(href))), href).toBe(true);
    }
    expect(index.find((e) => e.tagName === 'a')).toHaveLength(summary.dossiers.length);
  });

  it('filters by verdict with radio buttons and CSS only', () => {
    const radios = index.find((e) => e.tagName === 'input' && attr(e, 'type') === 'radio');
    expect(radios.map((r) => attr(r, 'id'))).toEqual(['f-all', 'f-pass', 'f-review', 'f-fail', 'f-error']);
    for (const f of ['pass', 'review', 'fail', 'error']) expect(index.html).toContain(`#f-${f}:checked ~ table.summary tbody tr:not(.k-${f}) { display: none; }`);
    const classes = (d: string) => attr(index.find((e) => attr(e, 'data-dossier') === d)[0]!, 'class');
    expect(classes('01-pre2008-lanh-dao')).toBe('k-pass');
    expect(classes('07-thieu-tin-chi')).toBe('k-review');
    expect(classes('05-lien-thong')).toBe('k-fail');
    expect(classes('11-csv-hong')).toBe('k-error');
    expect(index.tag('script')).toEqual([]);
  });

  it('ends with the totals and the statistics table', () => {
    const stats = index.find((e) => e.tagName === 'tr' && attr(e, 'data-stat') !== undefined);
    expect(stats.map((r) => attr(r, 'data-stat'))).toContain('confirming-body.district-centre');
    expect(textOf(index.find((e) => attr(e, 'class') === 'statistics')[0]!)).toContain('16 hồ sơ');
  });

  it('is valid and self-contained, and so is every dossier report', async () => {
    expectSelfContained(index);
    await expectValid(index.html);
    for (const d of summary.dossiers) {
      const doc = new Doc(readFileSync(join(out, 'reports', `${reportBaseName(d.dossier)}.html`), 'utf8'));
      expectSelfContained(doc);
      expect(textOf(doc.tag('header')[0]!)).toContain(d.dossier);
      if (d.error) expect(doc.byAttr('data-error')).toHaveLength(1);
      else expect(doc.find((e) => e.tagName === 'section' && attr(e, 'data-program') !== undefined)).toHaveLength(3);
    }
    await expectValid(readFileSync(join(out, 'reports', '04-bang-hai.html'), 'utf8'));
    await expectValid(readFileSync(join(out, 'reports', '11-csv-hong.html'), 'utf8'));
  }, 60_000);

  it('names the files a dossier did not read in its report', () => {
    const doc = new Doc(readFileSync(join(out, 'reports', '12-chua-co-bang-diem.html'), 'utf8'));
    expect(textOf(doc.tag('body')[0]!)).toContain('don-de-nghi.pdf');
  });
});

describe('batch --out without --reports html', () => {
  it('names every dossier without a link, says how to get a comparison sheet, and is valid', async () => {
    const out = join(tmp, 'no-links');
    await runIn(['batch', SAMPLE, '--out', out, '--jobs', '1', '--as-of', '2020-06-30', '--quiet']);
    const index = new Doc(readFileSync(join(out, 'index.html'), 'utf8'));
    expect(index.find((e) => e.tagName === 'a')).toEqual([]);
    expect(index.find((e) => e.tagName === 'tr' && attr(e, 'data-dossier') !== undefined)).toHaveLength(16);
    expect(index.html).toContain('chạy lại lô với --reports html');
    expect(existsSync(join(out, 'reports'))).toBe(false);
    await expectValid(index.html);
  }, 60_000);
});

describe('index rows', () => {
  const level = (programId: string, verdict: LevelSummary['verdict']): LevelSummary => ({
    programId,
    verdict,
    periods: 0,
    periodsOptimistic: 0,
    periodsRequired: 0,
    lessons: 0,
    lessonsRequired: 0,
    lessonsTotal: 0,
    subjectsPassed: null,
    subjectsRequired: null,
    shortfall: '',
    decidingRows: [],
  });
  const row = (over: Partial<SummaryRow>): SummaryRow => ({
    no: 1,
    dossier: 'd',
    id: null,
    name: null,
    files: [],
    asOf: null,
    highestPassed: null,
    levels: [],
    rows: 0,
    unmatchedRows: 0,
    warnings: [],
    error: null,
    ...over,
  });

  it('a dossier that passed a level and awaits review above it is in both filters', () => {
    expect(rowFilters(row({ highestPassed: 'a', levels: [level('a', 'PASS'), level('b', 'REVIEW')] }))).toEqual(['pass', 'review']);
    expect(rowFilters(row({ highestPassed: 'b', levels: [level('a', 'REVIEW'), level('b', 'PASS')] }))).toEqual(['pass']);
    expect(rowFilters(row({ levels: [level('a', 'FAIL'), level('b', 'FAIL')] }))).toEqual(['fail']);
    expect(rowFilters(row({ error: { code: 'internal', message: 'x' } }))).toEqual(['error']);
  });

  it('links keep odd dossier names inside reports/', () => {
    for (const name of ['a b#?%.csv', 'javascript:alert(1)', 'x/y', 'Nguyễn Thị Lan']) {
      const href = reportHref(name);
      expect(href).toMatch(/^reports\/[^/:?#]+$/);
      expect(decodeURIComponent(href)).toBe(`reports/${reportBaseName(name)}.html`);
    }
  });
});
