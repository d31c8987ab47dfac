// The batch's index.html, streamed like summary.json: a head, one table row per dossier in batch order, a tail
// with the statistics table. Filtering by verdict is CSS only (radio buttons and :checked): no script, no server.

import { warningText } from '../findings/dossier.js';
import { escapeHtml as t, PAGE_END, pageStart, verdictBadge } from '../report/html.js';
import type { Lang } from '../lang.js';
import type { Program, RuleSet } from '../rules/types.js';
import { date, num } from '../report/format.js';
import { reportBaseName } from './report-names.js';
import { shortTitle, type StatisticsTable } from './statistics.js';
import type { TallyResult } from './tally.js';
import type { SummaryRow } from './types.js';
import { levelOf } from './summary.js';

/** What a dossier row can be filtered as; a dossier that passed one level and awaits review on a higher one is both. */
const INDEX_FILTERS = ['all', 'pass', 'review', 'fail', 'error'] as const;
export type IndexFilter = (typeof INDEX_FILTERS)[number];

interface IndexWords {
  title: string;
  ruleSet: string;
  sorted: string;
  /** without per-dossier HTML files: how to get a dossier's comparison sheet */
  sortedNoLinks: string;
  filter: string;
  filters: Record<IndexFilter, string>;
  cols: { no: string; dossier: string; name: string; asOf: string; highest: string; rows: string; notes: string };
  none: string;
  unmatched(n: number): string;
  statistics: string;
  totals(a: { dossiers: number; evaluated: number; failed: number; passed: number; review: number }): string;
  report: string;
}

const WORDS: Record<Lang, IndexWords> = {
  vi: {
    title: 'TỔNG HỢP KẾT QUẢ XÁC ĐỊNH TRÌNH ĐỘ LÝ LUẬN CHÍNH TRỊ TƯƠNG ĐƯƠNG',
    ruleSet: 'Bộ quy tắc',
    sorted: 'Xếp theo tên hồ sơ (thứ tự của lô). Bấm vào tên hồ sơ để mở phiếu đối chiếu.',
    sortedNoLinks:
      'Xếp theo tên hồ sơ (thứ tự của lô). Phiếu đối chiếu của từng hồ sơ: chạy lại lô với --reports html, hoặc llct check <bảng điểm> -o phieu.html cho một hồ sơ.',
    filter: 'Lọc theo kết quả:',
    filters: { all: 'Tất cả', pass: 'Đạt ít nhất một trình độ', review: 'Cần xem xét', fail: 'Không đạt trình độ nào', error: 'Không đánh giá được' },
    cols: { no: 'STT', dossier: 'Hồ sơ', name: 'Họ tên / mã', asOf: 'Ngày tham chiếu', highest: 'Trình độ cao nhất đạt', rows: 'Số dòng (chưa khớp)', notes: 'Ghi chú' },
    none: 'không',
    unmatched: (n) => `${n} chưa khớp`,
    statistics: 'Bảng thống kê',
    totals: (a) =>
      `${a.dossiers} hồ sơ: ${a.evaluated} đánh giá được, ${a.failed} không đánh giá được; ${a.passed} đạt ít nhất một trình độ; ${a.review} cần xem xét thêm.`,
    report: 'phiếu đối chiếu',
  },
  en: {
    title: 'POLITICAL THEORY EQUIVALENCE — BATCH SUMMARY',
    ruleSet: 'Rule set',
    sorted: 'Sorted by dossier name (the batch order). Follow a dossier name to its comparison sheet.',
    sortedNoLinks:
      'Sorted by dossier name (the batch order). Comparison sheets per dossier: run the batch again with --reports html, or llct check <transcript> -o sheet.html for one dossier.',
    filter: 'Filter by result:',
    filters: { all: 'All', pass: 'Passed a level', review: 'Needs review', fail: 'Passed no level', error: 'Not evaluated' },
    cols: { no: 'No.', dossier: 'Dossier', name: 'Name / ID', asOf: 'Reference date', highest: 'Highest level passed', rows: 'Rows (unmatched)', notes: 'Notes' },
    none: 'none',
    unmatched: (n) => `${n} unmatched`,
    statistics: 'Statistics',
    totals: (a) =>
      `${a.dossiers} dossiers: ${a.evaluated} evaluated, ${a.failed} not evaluated; ${a.passed} passed at least one level; ${a.review} need review.`,
    report: 'comparison sheet',
  },
};

/** The filter classes of one dossier row. */
export function rowFilters(row: SummaryRow): IndexFilter[] {
  if (row.error) return ['error'];
  const out: IndexFilter[] = [];
  // review counts when no level passed, or when a level above the highest passed awaits review (levels are
  // lowest first: above is later in the list)
  const levels = row.levels;
  let at = -1;
  for (let i = 0; i < levels.length; i++) {
    if (levels[i]!.programId === row.highestPassed) {
      at = i;
      break;
    }
  }
  if (at >= 0) out.push('pass');
  for (let i = 0; i < levels.length; i++) {
    if (levels[i]!.verdict === 'REVIEW' && (at < 0 || rankIndex(levels, levels[i]!.programId) > at)) {
      out.push('review');
      break;
    }
  }
  if (out.length === 0) out.push('fail');
  return out;
}

/** The index of the first level with this program id (-1: none). */
function rankIndex(levels: SummaryRow['levels'], id: string): number {
  for (let i = 0; i < levels.length; i++) if (levels[i]!.programId === id) return i;
  return -1;
}

/** The relative link from index.html to a dossier's report (every character of the name kept, percent-encoded). */
export function reportHref(dossier: string): string {
  return `reports/${encodeURIComponent(`${reportBaseName(dossier)}.html`)}`;
}

const FILTER_CSS = INDEX_FILTERS.filter((f) => f !== 'all')
  .map((f) => `#f-${f}:checked ~ table.summary tbody tr:not(.k-${f}) { display: none; }`)
  .join('\n');

const INDEX_STYLE = `
body { max-width: none; }
.filters { margin: .4em 0; font-size: 10pt; }
.filters input { margin: 0 .2em 0 .9em; }
.filters label { cursor: pointer; }
.filters input:checked + label { font-weight: bold; text-decoration: underline; }
${FILTER_CSS}
table.summary td.err { color: var(--fail); }
table.summary td:nth-child(3), table.summary td:nth-child(5) { white-space: nowrap; }
table.summary td:last-child { width: 30%; }
table.stats tr.depth-1 td.label { padding-left: 1.5em; }
table.stats tr.depth-2 td.label { padding-left: 2.7em; }
table.stats tr.depth-0 td { font-weight: bold; background: #f4f4f4; }
@media print { .filters { display: none; } @page { size: A4 landscape; } }
`;

/** The beginning of index.html, up to the open table body; `linked`: the dossiers' HTML reports are written beside it. */
export function indexHead(ruleSet: RuleSet, levels: readonly Program[], lang: Lang, toolVersion?: string, linked = true): string {
  const w = WORDS[lang];
  const radios = INDEX_FILTERS.map(
    (f) => `<input type="radio" name="filter" id="f-${f}" value="${f}"${f === 'all' ? ' checked' : ''}><label for="f-${f}">${t(w.filters[f])}</label>`,
  ).join('\n');
  const head = [w.cols.no, w.cols.dossier, w.cols.name, w.cols.asOf, w.cols.highest, ...levels.map((l) => l.name[lang]), w.cols.rows, w.cols.notes];
  const body = `<header class="doc-head">
<h1>${t(w.title)}</h1>
<p class="subtitle">${t(w.ruleSet)}: ${t(ruleSet.name[lang])} — <code>${t(ruleSet.id)}</code>, ${t(ruleSet.version)}</p>
</header>
<main>
<p class="filters"><span>${t(w.filter)}</span>
${radios}
</p>
<p class="note muted">${t(linked ? w.sorted : w.sortedNoLinks)}</p>
<table class="grid summary">
<thead><tr>${head.map((h) => `<th scope="col">${t(h)}</th>`).join('')}</tr></thead>
<tbody>
`;
  return pageStart(lang, w.title, `${ruleSet.id} ${ruleSet.version}`, toolVersion, INDEX_STYLE, w.title) + body;
}

/** One dossier's row; its name links to the dossier's HTML report when those are written (`linked`). */
export function indexRow(row: SummaryRow, levels: readonly Program[], lang: Lang, linked = true): string {
  const w = WORDS[lang];
  // strings joined with + as they are made (no array per list, no closure per row)
  let classes = '';
  for (const f of rowFilters(row)) classes += (classes === '' ? 'k-' : ' k-') + f;
  let who = '';
  if (row.name !== null && row.name !== '') who = t(row.name);
  if (row.id !== null && row.id !== '') who += (who === '' ? '' : '<br>') + t(row.id);
  let highest = '';
  if (!row.error) {
    highest = w.none;
    for (const l of levels) {
      if (l.id === row.highestPassed) {
        highest = l.name[lang];
        break;
      }
    }
  }
  let levelCells = '';
  for (const l of levels) {
    const s = levelOf(row, l.id);
    levelCells += `<td class="v">${s ? verdictBadge(lang, s.verdict) : ''}</td>`;
  }
  let notes: string;
  if (row.error) notes = `<td class="err">[${t(row.error.code)}] ${t(row.error.message)}</td>`;
  else {
    notes = '<td class="small">';
    for (let i = 0; i < row.warnings.length; i++) notes += (i > 0 ? '<br>' : '') + t(warningText(row.warnings[i]!));
    notes += '</td>';
  }
  return `<tr class="${classes}" data-dossier="${t(row.dossier)}"><td class="num">${row.no}</td><td>${linked ? `<a href="${t(reportHref(row.dossier))}">${t(row.dossier)}</a>` : t(row.dossier)}</td><td>${who}</td><td class="num">${row.asOf ? t(date(lang, row.asOf)) : ''}</td><td>${t(highest)}</td>${levelCells}<td class="num">${row.error ? '' : `${row.rows}${row.unmatchedRows ? ` (${t(w.unmatched(row.unmatchedRows))})` : ''}`}</td>${notes}</tr>
`;
}

function statisticsHtml(s: StatisticsTable, lang: Lang): string {
  const head = `<tr><th scope="col"></th>${s.columns.map((c) => `<th scope="col" class="num">${t(shortTitle(c)[lang])}</th>`).join('')}</tr>`;
  const rows = s.rows
    .map(
      (r) =>
        `<tr class="depth-${r.depth}" data-stat="${t(r.id)}"><td class="label">${t(r.label[lang])}</td>${s.columns
          .map((c) => `<td class="num">${num(lang, r.cells[c.id] ?? 0)}</td>`)
          .join('')}</tr>`,
    )
    .join('\n');
  return `<table class="grid stats">\n<thead>${head}</thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
}

/** The end of index.html: closes the summary table, then the totals and the statistics table. */
export function indexTail(r: TallyResult, lang: Lang): string {
  const w = WORDS[lang];
  const c = r.counts;
  return `</tbody>
</table>
<section class="statistics">
<h2>${t(w.statistics)}</h2>
<p>${t(w.totals({ dossiers: c.dossiers, evaluated: c.evaluated, failed: c.notEvaluated, passed: c.passed, review: c.review }))}</p>
${statisticsHtml(r.statistics, lang)}
</section>
</main>
${PAGE_END}`;
}
