// The statistics table of the seed's appendix ("Kết quả xác nhận trình độ LLCT"), counted from dossier results.

import type { Localized, Program } from '../rules/types.js';
import { displayWidth, padEnd, padStart } from '../report/format.js';
import type { Lang } from '../lang.js';
import type { Metadata } from './metadata.js';
import { levelPrefix, type Cell } from './summary.js';
import type { StatsEntry } from './types.js';

/**
 * One row of the table. `depth` 0 is a section total, deeper rows are its parts. Every dossier lands in exactly
 * one leaf of sections 1, 3 and 4 (a "not stated" leaf catches missing metadata), so each section total is the
 * number of dossiers; section 2 counts only dossiers that declare a second-degree place.
 */
interface RowDef {
  id: string;
  depth: 0 | 1 | 2;
  label: Localized;
  has(m: Metadata | null): boolean;
}

const L = (vi: string, en: string): Localized => ({ vi, en });
const always = () => true;

const PARTY_SPLIT = (prefix: string, category: Metadata['category']): RowDef[] => [
  { id: `${prefix}.party-member`, depth: 2, label: L('Đảng viên', 'Party member'), has: (m) => m?.category === category && m?.partyMember === true },
  { id: `${prefix}.not-party-member`, depth: 2, label: L('Chưa là đảng viên', 'Not a Party member'), has: (m) => m?.category === category && m?.partyMember === false },
  { id: `${prefix}.party-not-stated`, depth: 2, label: L('Chưa khai báo đảng viên', 'Party membership not stated'), has: (m) => m?.category === category && m?.partyMember === undefined },
];

export const STATISTICS_ROWS: readonly RowDef[] = [
  { id: 'category', depth: 0, label: L('1. Đối tượng tại thời điểm xác nhận', '1. Category at the time of confirmation'), has: always },
  { id: 'category.leader', depth: 1, label: L('Cán bộ lãnh đạo, quản lý từ cấp trưởng phòng trở lên', 'Leaders and managers, head of division and above'), has: (m) => m?.category === 'lanh-dao-quan-ly' },
  ...PARTY_SPLIT('category.leader', 'lanh-dao-quan-ly'),
  { id: 'category.planned', depth: 1, label: L('Cán bộ lãnh đạo, quản lý quy hoạch từ cấp trưởng phòng trở lên', 'Planned for a post of head of division and above'), has: (m) => m?.category === 'quy-hoach' },
  ...PARTY_SPLIT('category.planned', 'quy-hoach'),
  { id: 'category.other', depth: 1, label: L('Đối tượng khác', 'Others'), has: (m) => m?.category === 'khac' },
  { id: 'category.not-stated', depth: 1, label: L('Chưa khai báo đối tượng', 'Category not stated'), has: (m) => m?.category === undefined },

  { id: 'second-degree', depth: 0, label: L('2. Nơi đào tạo văn bằng 2, sau đại học đối tượng xin xác nhận đã học', '2. Where the second degree / postgraduate study was done'), has: (m) => typeof m?.secondDegreePlace === 'string' },
  { id: 'second-degree.outside', depth: 1, label: L('Ngoài hệ thống trường Đảng', 'Outside the Party school system'), has: (m) => m?.secondDegreePlace === 'ngoai-he-thong' },
  { id: 'second-degree.inside', depth: 1, label: L('Trong hệ thống trường Đảng (HV CTQG HCM, trường chính trị tỉnh, trung tâm BD chính trị huyện...)', 'Inside the Party school system (National Academy, provincial schools, district centres…)'), has: (m) => m?.secondDegreePlace === 'trong-he-thong' },
  { id: 'second-degree.journalism-academy', depth: 1, label: L('Học viện Báo chí và Tuyên truyền', 'Academy of Journalism and Communication'), has: (m) => m?.secondDegreePlace === 'hv-bao-chi' },

  { id: 'process', depth: 0, label: L('3. Quy trình xác nhận', '3. Confirmation process'), has: always },
  { id: 'process.commission', depth: 1, label: L('Do ban tổ chức cấp ủy (vụ tổ chức cán bộ...) thực hiện quy trình xác nhận', 'By the Party organisation commission'), has: (m) => m?.process === 'theo-dot' || m?.process === 'theo-yeu-cau' },
  { id: 'process.commission.batch', depth: 2, label: L('Theo đợt, mỗi năm 1 lần', 'In a yearly batch'), has: (m) => m?.process === 'theo-dot' },
  { id: 'process.commission.on-request', depth: 2, label: L('Không theo đợt, theo yêu cầu của cán bộ', 'On the officer’s request'), has: (m) => m?.process === 'theo-yeu-cau' },
  { id: 'process.training-institution', depth: 1, label: L('Do cơ sở đào tạo cấp kèm theo bằng tốt nghiệp', 'Issued by the training institution with the diploma'), has: (m) => m?.process === 'co-so-dao-tao' },
  { id: 'process.self', depth: 1, label: L('Do cá nhân tự đi xin xác nhận', 'Requested by the person'), has: (m) => m?.process === 'ca-nhan' },
  { id: 'process.not-stated', depth: 1, label: L('Chưa khai báo quy trình', 'Process not stated'), has: (m) => m?.process === undefined },

  { id: 'confirming-body', depth: 0, label: L('4. Cơ quan, đơn vị xác nhận', '4. Confirming body'), has: always },
  ...(
    [
      ['district-centre', 'trung-tam-huyen', 'Trung tâm BD chính trị huyện', 'District political-training centre'],
      ['provincial-school', 'truong-tinh', 'Trường chính trị tỉnh, thành phố', 'Provincial political school'],
      ['national-academy', 'hv-quoc-gia', 'Học viện Chính trị QG HCM', 'Ho Chi Minh National Academy of Politics'],
      ['regional-academy-1', 'hv-khu-vuc-1', 'Học viện CT khu vực I', 'Regional Academy of Politics I'],
      ['regional-academy-2', 'hv-khu-vuc-2', 'Học viện CT khu vực II', 'Regional Academy of Politics II'],
      ['regional-academy-3', 'hv-khu-vuc-3', 'Học viện CT khu vực III', 'Regional Academy of Politics III'],
      ['regional-academy-4', 'hv-khu-vuc-4', 'Học viện CT khu vực IV', 'Regional Academy of Politics IV'],
      ['journalism-academy', 'hv-bao-chi', 'Học viện Báo chí và Tuyên truyền', 'Academy of Journalism and Communication'],
    ] as const
  ).map(
    ([id, body, vi, en]): RowDef => ({ id: `confirming-body.${id}`, depth: 1, label: L(vi, en), has: (m) => m?.confirmingBody === body }),
  ),
  { id: 'confirming-body.not-stated', depth: 1, label: L('Chưa khai báo cơ quan xác nhận', 'Confirming body not stated'), has: (m) => m?.confirmingBody === undefined },
];

export interface StatisticsColumn {
  id: string;
  /** the official column title (statistics.csv, summary.json) */
  label: Localized;
  /** the program a level column counts, if any */
  programId?: string;
}

/**
 * Short column titles for the screen table, by column id (levels by program id: another rule set's levels keep
 * their full name, wrapped). statistics.csv and summary.json keep the official titles.
 */
const SHORT_TITLES: Record<string, Localized> = {
  confirmed: L('Được xác nhận', 'Confirmed'),
  review: L('Cần xem xét', 'Needs review'),
  decided: L('Cán bộ quyết định', 'Officer decided'),
  'so-cap': L('Sơ cấp', 'Elementary'),
  'trung-cap': L('Trung cấp', 'Intermediate'),
  'cao-cap': L('Cao cấp', 'Advanced'),
};

export function shortTitle(c: StatisticsColumn): Localized {
  return SHORT_TITLES[c.programId ?? c.id] ?? c.label;
}

/**
 * Columns: dossiers, total confirmed, one per level (highest passed only), review, decided (final verdicts an
 * officer's decision settled: every other column counts final verdicts), not evaluated.
 */
export function statisticsColumns(levels: readonly Program[]): StatisticsColumn[] {
  return [
    { id: 'dossiers', label: L('Số hồ sơ', 'Dossiers') },
    { id: 'confirmed', label: L('Tổng số người được xác nhận', 'Total confirmed') },
    ...levels.map((p) => ({ id: levelPrefix(p.id), label: p.name, programId: p.id })),
    { id: 'review', label: L('Cần xem xét thêm', 'Needs review') },
    { id: 'decided', label: L('Có kết luận do cán bộ quyết định', 'Verdicts decided by officers') },
    { id: 'not_evaluated', label: L('Không đánh giá được', 'Not evaluated') },
  ];
}

/** Running counts: add dossiers one at a time, so a batch never holds every result. */
export interface StatisticsCounts {
  columns: StatisticsColumn[];
  /** per row id, one count per column */
  counts: Map<string, number[]>;
}

export function emptyStatistics(levels: readonly Program[]): StatisticsCounts {
  const columns = statisticsColumns(levels);
  return { columns, counts: new Map(STATISTICS_ROWS.map((r) => [r.id, columns.map(() => 0)])) };
}

/** The columns one dossier adds 1 to (independent of its metadata). */
function columnsHit(columns: readonly StatisticsColumn[], e: StatsEntry): boolean[] {
  return columns.map((c) => {
    if (c.id === 'dossiers') return true;
    if (!e.evaluated) return c.id === 'not_evaluated';
    if (c.id === 'confirmed') return e.highestPassed !== null;
    if (c.programId !== undefined) return e.highestPassed === c.programId;
    if (c.id === 'review') return e.review;
    if (c.id === 'decided') return e.decided === true;
    return false;
  });
}

export function addToStatistics(stats: StatisticsCounts, e: StatsEntry): void {
  const hit = columnsHit(stats.columns, e);
  for (const row of STATISTICS_ROWS) {
    if (!row.has(e.metadata)) continue;
    const counts = stats.counts.get(row.id)!;
    hit.forEach((h, i) => {
      if (h) counts[i]! += 1;
    });
  }
}

export interface StatisticsRow {
  id: string;
  depth: number;
  label: Localized;
  /** keyed by column id */
  cells: Record<string, number>;
}

export interface StatisticsTable {
  columns: StatisticsColumn[];
  rows: StatisticsRow[];
}

export function statisticsTable(stats: StatisticsCounts): StatisticsTable {
  return {
    columns: stats.columns,
    rows: STATISTICS_ROWS.map((r) => {
      const counts = stats.counts.get(r.id)!;
      return { id: r.id, depth: r.depth, label: r.label, cells: Object.fromEntries(stats.columns.map((c, i) => [c.id, counts[i]!])) };
    }),
  };
}

/** Convenience for tests and small batches: the table of a list of entries. */
export function buildStatistics(entries: Iterable<StatsEntry>, levels: readonly Program[]): StatisticsTable {
  const stats = emptyStatistics(levels);
  for (const e of entries) addToStatistics(stats, e);
  return statisticsTable(stats);
}

/** statistics.csv: stable ids in the header and the `row` column; the label in the chosen language. */
export function statisticsCsv(t: StatisticsTable, lang: Lang): { header: string[]; records: Cell[][] } {
  return {
    header: ['row', 'label', ...t.columns.map((c) => c.id)],
    records: t.rows.map((r) => [r.id, r.label[lang], ...t.columns.map((c) => r.cells[c.id] ?? 0)]),
  };
}

/** The screen table aims to fit this many columns (a 120-column terminal, with room to spare). */
export const STATISTICS_TEXT_WIDTH = 116;
const MIN_NUMBER_WIDTH = 8;
const HEAD_LINES = 2;
const MIN_LABEL_WIDTH = 32;
const GAP = '  ';

/** Greedy word wrap by display width; a word longer than the width is cut. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/u).filter((w) => w !== '')) {
    while (displayWidth(word) > width) {
      if (line) lines.push(line);
      line = '';
      const chars = [...word];
      lines.push(chars.slice(0, width).join(''));
      word = chars.slice(width).join('');
    }
    if (!line) line = word;
    else if (displayWidth(line) + 1 + displayWidth(word) <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * The table for people (statistics.txt, and the end of the text summary), readable in ~120 columns: short column
 * titles wrapped over a few lines, long row labels wrapped onto indented continuation lines, numbers right-aligned
 * in every column. statistics.csv keeps the full official titles and labels.
 */
export function statisticsText(t: StatisticsTable, lang: Lang, title: string): string {
  const heads = t.columns.map((c) => shortTitle(c)[lang]);
  // each number column as narrow as its title allows in at most HEAD_LINES lines
  const widths = t.columns.map((c, i) => {
    let w = Math.max(MIN_NUMBER_WIDTH, ...heads[i]!.split(/\s+/u).map(displayWidth), ...t.rows.map((r) => String(r.cells[c.id] ?? 0).length));
    while (wrapWords(heads[i]!, w).length > HEAD_LINES) w++;
    return w;
  });
  const numbersWidth = widths.reduce((sum, w) => sum + GAP.length + w, 0);
  const labelWidth = Math.max(MIN_LABEL_WIDTH, STATISTICS_TEXT_WIDTH - numbersWidth);

  const headLines = heads.map((h, i) => wrapWords(h, widths[i]!));
  const height = Math.max(...headLines.map((l) => l.length));
  const lines: string[] = [];
  for (let k = 0; k < height; k++) {
    const cells = headLines.map((l, i) => padStart(l[k - (height - l.length)] ?? '', widths[i]!));
    lines.push((' '.repeat(labelWidth) + GAP + cells.join(GAP)).trimEnd());
  }
  lines.push('-'.repeat(labelWidth + numbersWidth));

  t.rows.forEach((r, index) => {
    if (r.depth === 0 && index > 0) lines.push('');
    const bullet = r.depth === 0 ? '' : `${'  '.repeat(r.depth)}- `;
    const label = r.label[lang];
    // continuation lines start under the label's text: after the bullet, or after "1. " of a section
    const hang = bullet.length + (r.depth === 0 ? (/^\d+\.\s+/u.exec(label)?.[0].length ?? 0) : 0);
    const first = wrapWords(label, labelWidth - bullet.length);
    const wrapped = [first[0]!, ...wrapWords(first.slice(1).join(' '), labelWidth - hang).filter((l) => l !== '')];
    const numbers = t.columns.map((c, i) => padStart(String(r.cells[c.id] ?? 0), widths[i]!)).join(GAP);
    wrapped.forEach((text, k) => {
      const shown = k === 0 ? bullet + text : ' '.repeat(hang) + text;
      lines.push(k === 0 ? padEnd(shown, labelWidth) + GAP + numbers : shown);
    });
  });
  return `${title}\n\n${lines.map((l) => l.trimEnd()).join('\n')}\n`;
}
