// How reports word officer decisions (§6.10): the computed verdict beside the final one, and each decision applied
// (who, when, why, on which minutes, which rows it changed). Pure string builders.

import type { CheckResult, ProgramResult } from '../coverage/types.js';
import type { AppliedDecision } from '../decisions/types.js';
import type { RuleSet } from '../rules/types.js';
import { date, num } from './format.js';
import { programName } from './lookup.js';
import { verdictWord } from './messages.js';
import type { Lang } from '../lang.js';

interface Words {
  heading(n: number): string;
  computed(computed: string, final: string): string;
  action(a: AppliedDecision, ruleSet: RuleSet, lang: Lang): string;
  row(file: string, where: string, name: string): string;
  signed(by: string, on: string, reference: string | null): string;
  reason: string;
  changed(rows: number[]): string;
  unchanged: string;
  writtenIn: string;
}

const where = (a: AppliedDecision) => {
  const t = a.decision.target;
  return t.kind === 'row' ? (t.row.line !== undefined ? String(t.row.line) : (t.row.path ?? '')) : '';
};

const vi: Words = {
  heading: (n) => `Quyết định của cán bộ (${n}):`,
  computed: (computed, final) => `  Kết quả tính từ bảng điểm: ${computed}; kết luận sau quyết định của cán bộ: ${final}.`,
  action: (a, rs, lang) => {
    const d = a.decision;
    switch (d.action) {
      case 'count':
        return 'tính dòng này';
      case 'exclude':
        return 'không tính dòng này';
      case 'set-periods':
        return `số tiết = ${num(lang, d.value)}`;
      case 'set-grade':
        return d.value === 'pass' ? 'coi là đạt' : 'coi là không đạt';
      case 'map':
        return `ánh xạ vào quy tắc ${d.value}`;
      case 'confirm':
        return `xác nhận kết luận ${programName(rs, a.programId ?? '', lang)}${d.value ? `: ${verdictWord(lang, d.value)}` : ''}`;
      case 'overturn':
        return `đổi kết luận ${programName(rs, a.programId ?? '', lang)} thành ${verdictWord(lang, d.value)}`;
    }
  },
  row: (file, line, name) => `${file}, dòng ${line} «${name}»`,
  signed: (by, on, ref) => `${by}, ngày ${on}${ref ? `, căn cứ ${ref}` : ''}`,
  reason: 'lý do',
  changed: (rows) => `thay đổi dòng ${rows.map((r) => `[${r}]`).join(', ')}`,
  unchanged: 'không thay đổi dòng nào',
  writtenIn: 'ghi tại',
};

const en: Words = {
  heading: (n) => `Officer decisions (${n}):`,
  computed: (computed, final) => `  Computed from the transcript: ${computed}; final after the officer's decision: ${final}.`,
  action: (a, rs, lang) => {
    const d = a.decision;
    switch (d.action) {
      case 'count':
        return 'count this row';
      case 'exclude':
        return 'leave this row out';
      case 'set-periods':
        return `periods = ${num(lang, d.value)}`;
      case 'set-grade':
        return d.value === 'pass' ? 'grade passed' : 'grade failed';
      case 'map':
        return `map to rule ${d.value}`;
      case 'confirm':
        return `confirm the verdict of ${programName(rs, a.programId ?? '', lang)}${d.value ? `: ${verdictWord(lang, d.value)}` : ''}`;
      case 'overturn':
        return `overturn the verdict of ${programName(rs, a.programId ?? '', lang)} to ${verdictWord(lang, d.value)}`;
    }
  },
  row: (file, line, name) => `${file}, line ${line} "${name}"`,
  signed: (by, on, ref) => `${by}, ${on}${ref ? `, ref. ${ref}` : ''}`,
  reason: 'reason',
  changed: (rows) => `changed row${rows.length > 1 ? 's' : ''} ${rows.map((r) => `[${r}]`).join(', ')}`,
  unchanged: 'changed no row',
  writtenIn: 'written in',
};

const tables: Record<Lang, Words> = { vi, en };

/** The line under a program's verdict when a decision made the final verdict differ from the computed one. */
export function computedVerdictLine(p: ProgramResult, lang: Lang): string | null {
  if (p.verdict === p.computedVerdict) return null;
  return tables[lang].computed(verdictWord(lang, p.computedVerdict), verdictWord(lang, p.verdict));
}

/** The decisions section of the text report (empty without decisions). */
export function decisionsLines(result: CheckResult, ruleSet: RuleSet, lang: Lang): string[] {
  if (result.decisions.length === 0) return [];
  const w = tables[lang];
  const out = [w.heading(result.decisions.length)];
  for (const a of result.decisions) {
    const d = a.decision;
    const target = d.target.kind === 'row' ? `${w.row(d.target.row.file, where(a), d.target.row.name)}: ` : '';
    const origin = d.origin.line !== undefined ? `${d.origin.file}:${d.origin.line}` : `${d.origin.file} ${d.origin.path ?? ''}`.trim();
    out.push(`  - ${target}${w.action(a, ruleSet, lang)} — ${w.signed(d.decidedBy, date(lang, d.date), d.reference ?? null)}`);
    out.push(`    ${w.reason}: ${d.reason}`);
    const rows = d.target.kind === 'row' ? `${a.rowsChanged.length ? w.changed(a.rowsChanged) : w.unchanged}; ` : '';
    out.push(`    ${rows}${w.writtenIn} ${origin}`);
  }
  return out;
}

/** What one decision decided, in words (the HTML report's decisions table). */
export function decisionAction(a: AppliedDecision, ruleSet: RuleSet, lang: Lang): string {
  return tables[lang].action(a, ruleSet, lang);
}
