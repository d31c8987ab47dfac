// The review worklist (review.csv): the rows an officer has to decide, with empty decision columns to fill in a
// spreadsheet and read back with --decisions. A pure builder: result in, CSV cells out.

import { suggestRules } from '../match/suggest.js';
import type { CheckResult, RowOutcome } from '../coverage/types.js';
import { uncertainMessage, verdictWord } from '../report/messages.js';
import type { Lang } from '../lang.js';
import type { RuleSet } from '../rules/types.js';

export const WORKLIST_COLUMNS = [
  'dossier',
  'person',
  'program',
  'verdict',
  'file',
  'sheet',
  'line',
  'course_name',
  'why',
  'rule_suggested',
  'action',
  'value',
  'reason',
  'decided_by',
  'date',
  'reference',
] as const;

/** An unmatched name this close to a rule's name is worth an officer's look (0..1, edit distance on keys). */
const WORKLIST_MIN_SIMILARITY = 0.7;

export type WorklistCell = string | number | null;

export interface WorklistContext {
  dossier: string | null;
  person: string | null;
  lang: Lang;
  /** how a row's file is written (e.g. relative to the dossier folder) */
  fileShown?: (file: string) => string;
}

const WHY: Record<Lang, { overlap: string; unmatched: (label: string) => string; review: (program: string) => string; program: string }> = {
  vi: {
    overlap: 'trùng nội dung với học phần khác',
    unmatched: (label) => `không khớp quy tắc nào; tên gần giống «${label}»`,
    review: (program) => `quyết định kết luận ${program}`,
    program: 'kết luận cả chương trình (confirm/overturn)',
  },
  en: {
    overlap: 'same content as another module',
    unmatched: (label) => `matches no rule; the name is close to "${label}"`,
    review: (program) => `decides ${program}`,
    program: 'the program verdict as a whole (confirm/overturn)',
  },
};

/** One line per REVIEW program, per row that decides a REVIEW, and per unmatched row whose name is close to a rule. */
export function worklistRecords(result: CheckResult, ruleSet: RuleSet, ctx: WorklistContext): WorklistCell[][] {
  const w = WHY[ctx.lang];
  const lines: WorklistCell[][] = [];
  const listed = new Set<number>();
  let review = false;
  for (const p of result.programs) if (p.verdict === 'REVIEW') review = true;
  if (review) {
    const rowsById = new Map<number, RowOutcome>();
    for (const r of result.rows) rowsById.set(r.rowId, r);
    for (const p of result.programs.slice().sort(byRank)) {
      if (p.verdict !== 'REVIEW') continue;
      const verdict = verdictWord(ctx.lang, p.verdict);
      lines.push([ctx.dossier, ctx.person, p.programId, verdict, null, null, null, null, w.program, null, null, null, null, null, null, null]);
      for (const id of p.decidingRows) {
        const r = rowsById.get(id);
        if (!r || listed.has(id)) continue;
        listed.add(id);
        let why = '';
        for (const u of r.uncertain) why += (why === '' ? '' : '; ') + uncertainMessage(ctx.lang, u);
        if (p.overlapRows.includes(id)) why += (why === '' ? '' : '; ') + w.overlap;
        lines.push(rowLine(ctx, r, p.programId, verdict, why || w.review(p.programId), r.match?.ruleId ?? null));
      }
    }
  }
  for (const r of result.rows) {
    if (r.match !== null || r.key === '' || listed.has(r.rowId)) continue;
    const best = suggestRules(r.key, ruleSet, ctx.lang, WORKLIST_MIN_SIMILARITY)[0];
    if (!best) continue;
    lines.push(rowLine(ctx, r, null, null, w.unmatched(best.label), best.ruleId));
  }
  return lines;
}

const byRank = (a: { rank: number }, b: { rank: number }): number => a.rank - b.rank;

/** A row's worklist line, its decision columns empty. */
function rowLine(ctx: WorklistContext, r: RowOutcome, program: string | null, verdict: string | null, why: string, rule: string | null): WorklistCell[] {
  return [
    ctx.dossier,
    ctx.person,
    program,
    verdict,
    ctx.fileShown ? ctx.fileShown(r.source.file) : r.source.file,
    r.source.sheet ?? null,
    r.source.line ?? r.source.path ?? null,
    r.name,
    why,
    rule,
    null,
    null,
    null,
    null,
    null,
    null,
  ];
}
