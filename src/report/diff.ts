// Rendering `rules diff`: the changed dossiers for people (text), and as CSV or JSON for tools (English ids).

import type { CorpusDiff, Outcome, ProgramState, RowState } from '../rules/diff.js';
import type { CsvCell } from './csv.js';
import { num, table } from './format.js';
import { verdictWord } from './messages.js';
import type { Lang } from '../lang.js';

const DIFF_JSON_VERSION = 1;

export interface DiffSides {
  old: { id: string; version: string; dir: string };
  new: { id: string; version: string; dir: string };
  corpus: string;
}

const outcomeWord = (lang: Lang, o: Outcome) => (o === 'ERROR' ? (lang === 'vi' ? 'LỖI' : 'ERROR') : o === '—' ? '—' : verdictWord(lang, o));

function outcomeOf(s: ProgramState | null, error: string | null): Outcome {
  return error ? 'ERROR' : (s?.verdict ?? '—');
}

function rowText(lang: Lang, r: RowState): string {
  const vi = lang === 'vi';
  const rule = r.ruleId ?? (vi ? '(không khớp)' : '(unmatched)');
  const state = { counted: vi ? 'được tính' : 'counted', uncertain: vi ? 'chưa chắc chắn' : 'uncertain', 'not-counted': vi ? 'không tính' : 'not counted' }[r.state];
  const feeds = r.feeds.length ? ` [${r.feeds.map((f) => f.replace(/=([0-9.]+)$/u, (_m, n: string) => `=${num(lang, Number(n))}`)).join(', ')}]` : '';
  return `${rule}, ${state}${feeds}`;
}

export function renderDiff(diff: CorpusDiff, sides: DiffSides, lang: Lang): string {
  const vi = lang === 'vi';
  const set = (s: DiffSides['old']) => `${s.id} ${s.version} (${s.dir})`;
  const out: string[] = [
    vi ? `Bộ quy tắc cũ:  ${set(sides.old)}` : `Old rule set: ${set(sides.old)}`,
    vi ? `Bộ quy tắc mới: ${set(sides.new)}` : `New rule set: ${set(sides.new)}`,
    vi
      ? `Thư mục hồ sơ: ${sides.corpus} — ${diff.dossiers} hồ sơ, ${diff.changed.length} hồ sơ thay đổi, ${diff.verdictChanges} hồ sơ đổi kết luận`
      : `Dossiers: ${sides.corpus} — ${diff.dossiers} dossiers, ${diff.changed.length} changed, ${diff.verdictChanges} with a verdict change`,
  ];
  if (diff.changed.length === 0) {
    out.push('', vi ? 'Không hồ sơ nào thay đổi kết luận, số tiết hay số bài.' : 'No dossier changes verdict, periods or lessons.');
    return `${out.join('\n')}\n`;
  }
  for (const d of diff.changed) {
    out.push('', `${d.dossier}${d.verdictChanged ? (vi ? '  [đổi kết luận]' : '  [verdict changes]') : ''}`);
    if (d.error.old !== d.error.new) out.push(`  ${vi ? 'lỗi' : 'error'}: ${d.error.old ?? '—'} → ${d.error.new ?? '—'}`);
    for (const p of d.programs) {
      const from = outcomeWord(lang, outcomeOf(p.old, d.error.old));
      const to = outcomeWord(lang, outcomeOf(p.new, d.error.new));
      const parts = [from === to ? from : `${from} → ${to}`];
      const n = (x: number | undefined) => (x === undefined ? '—' : num(lang, x));
      if (p.old?.periods !== p.new?.periods) parts.push(`${n(p.old?.periods)} → ${n(p.new?.periods)} ${vi ? 'tiết' : 'periods'}`);
      // the optimistic count only says something where it differs from the sure count
      const optimisticMatters = p.old?.periodsOptimistic !== p.old?.periods || p.new?.periodsOptimistic !== p.new?.periods;
      if (optimisticMatters && p.old?.periodsOptimistic !== p.new?.periodsOptimistic) {
        parts.push(`${n(p.old?.periodsOptimistic)} → ${n(p.new?.periodsOptimistic)} ${vi ? 'tiết nếu tính cả dòng chưa chắc chắn' : 'periods counting uncertain rows'}`);
      }
      if (p.old?.lessons !== p.new?.lessons) parts.push(`${n(p.old?.lessons)} → ${n(p.new?.lessons)} ${vi ? 'bài' : 'lessons'}`);
      out.push(`  ${p.programId}: ${parts.join('; ')}`);
    }
    for (const r of d.rows) {
      const where = r.line !== null ? `${r.file}, ${vi ? 'dòng' : 'line'} ${r.line}` : r.file;
      out.push(`  [${r.rowId}] ${r.name} (${where})`);
      out.push(`      ${vi ? 'cũ' : 'old'}: ${rowText(lang, r.old)}`);
      out.push(`      ${vi ? 'mới' : 'new'}: ${rowText(lang, r.new)}`);
    }
    out.push(
      d.rules.length
        ? `  ${vi ? 'quy tắc liên quan' : 'rules responsible'}: ${d.rules.join(', ')}`
        : `  ${vi ? 'không dòng nào đổi quy tắc hay phần được tính: thay đổi do dữ liệu chương trình (ngưỡng, bài, số tiết)' : "no row changes rule or share: the program's own data changed (thresholds, lessons, periods)"}`,
    );
  }
  out.push('', vi ? 'Tổng hợp thay đổi kết luận:' : 'Verdict changes:');
  if (diff.transitions.length === 0) out.push(vi ? '  không có' : '  none');
  else {
    const rows = diff.transitions.map((t) => [`  ${t.programId}`, `${t.from}→${t.to}`, String(t.dossiers)]);
    out.push(...table([{ header: '' }, { header: '' }, { header: '', align: 'right' }], rows).slice(1));
  }
  return `${out.join('\n')}\n`;
}

export const DIFF_CSV_COLUMNS = [
  'dossier',
  'program_id',
  'old_verdict',
  'new_verdict',
  'old_periods',
  'new_periods',
  'old_periods_optimistic',
  'new_periods_optimistic',
  'old_lessons',
  'new_lessons',
  'verdict_changed',
  'rows',
  'row_sources',
  'rules',
] as const;

/** One line per changed program of each changed dossier (a dossier whose error changed gets one line, no program). */
export function diffCsvRows(diff: CorpusDiff): CsvCell[][] {
  return diff.changed.flatMap((d) => {
    const rows = d.rows.map((r) => r.rowId).join(' ');
    const sources = d.rows.map((r) => (r.line !== null ? `${r.file}:${r.line}` : r.file)).join(' ');
    const rules = d.rules.join(' ');
    const lines = d.programs.map((p): CsvCell[] => [
      d.dossier,
      p.programId,
      outcomeOf(p.old, d.error.old),
      outcomeOf(p.new, d.error.new),
      p.old?.periods ?? null,
      p.new?.periods ?? null,
      p.old?.periodsOptimistic ?? null,
      p.new?.periodsOptimistic ?? null,
      p.old?.lessons ?? null,
      p.new?.lessons ?? null,
      outcomeOf(p.old, d.error.old) !== outcomeOf(p.new, d.error.new),
      rows,
      sources,
      rules,
    ]);
    return lines.length ? lines : [[d.dossier, null, d.error.old ? 'ERROR' : null, d.error.new ? 'ERROR' : null, null, null, null, null, null, null, true, rows, sources, rules]];
  });
}

export function diffJson(diff: CorpusDiff, sides: DiffSides): unknown {
  return { schemaVersion: DIFF_JSON_VERSION, ...sides, ...diff };
}
