// The human-readable report of one check (Vietnamese by default, English on request): a pure string builder.

import type { CheckResult, Evaluation, ProgramResult, RowOutcome, Verdict } from '../coverage/types.js';
import type { RuleSet } from '../rules/types.js';
import type { Person } from '../transcript/types.js';
import { computedVerdictLine, decisionsLines } from './decisions.js';
import { date, num, table, type Column } from './format.js';
import { isImplicitLesson, lessonTitle, programName, ruleLabel, subjectName } from './lookup.js';
import { messages, notCountedMessage, noticeMessage, type Messages } from './messages.js';
import type { Lang } from '../lang.js';
import { plainStyles, type Styles } from './styles.js';

export interface TextOptions {
  lang: Lang;
  /** styling functions; identity (no colour) when absent */
  color?: Styles;
  /** transcript files as the user named them (default: the files the rows came from) */
  files?: string[];
  person?: Person;
}

export function renderText(result: CheckResult, ruleSet: RuleSet, options: TextOptions): string {
  const lang = options.lang;
  const m = messages(lang);
  const c = options.color ?? plainStyles;
  const n = (x: number) => num(lang, x);
  const verdict = (v: Verdict) =>
    v === 'PASS' ? c.pass(c.bold(m.verdict[v])) : v === 'FAIL' ? c.fail(c.bold(m.verdict[v])) : c.review(c.bold(m.verdict[v]));
  const rowsById = new Map(result.rows.map((r) => [r.rowId, r]));
  const where = (r: RowOutcome) => m.where(r.source.file, r.source.line, r.source.path, r.source.sheet);
  const rowTitle = (r: RowOutcome) => `${m.row(r.rowId)} ${r.name}${r.code ? ` · ${r.code}` : ''} (${where(r)})`;
  const programs = [...result.programs].sort((a, b) => a.rank - b.rank);
  const out: string[] = [];

  // Header: what was checked, against which rules, on which date.
  const files = options.files ?? [...new Set(result.rows.map((r) => r.source.file))];
  const header: [string, string][] = [[m.files, files.map((f) => (f === '-' ? m.stdin : f)).join(', ')]];
  const personName = options.person?.name;
  if (typeof personName === 'string' && personName !== '') header.push([m.person, personName]);
  header.push([m.ruleSet, `${ruleSet.name[lang]} — ${result.ruleSet.id}, ${m.version} ${result.ruleSet.version}`]);
  header.push([m.asOf, date(lang, result.asOf)]);
  const labelWidth = Math.max(...header.map(([k]) => k.length)) + 1;
  out.push(c.bold(m.title));
  for (const [k, v] of header) out.push(`${`${k}:`.padEnd(labelWidth)} ${v}`);
  out.push('');

  // Summary: the highest level passed leads.
  out.push(c.bold(conclusion(result, programs, ruleSet, lang, m)));
  const notices = result.notices;
  // a date outside the effective period qualifies the conclusion itself, so say so next to it
  if (notices.some((x) => x.code === 'outside-effective-period')) out.push(c.warn(m.outsideCaveat));

  for (const p of programs) {
    out.push('');
    out.push(...programSection(p, ruleSet, lang, m, c, verdict, rowsById, rowTitle));
  }

  // Rows: used, uncertain, not used.
  out.push('');
  if (result.rows.length === 0) out.push(m.noRows);
  const counted = result.rows.filter((r) => r.state === 'counted');
  const uncertain = result.rows.filter((r) => r.state === 'uncertain');
  const notCounted = result.rows.filter((r) => r.state === 'not-counted');
  const usedDetail = (r: RowOutcome): string[] => {
    const lines: string[] = [];
    const parts: string[] = [];
    if (r.match) parts.push(`${m.rule}: ${ruleLabel(ruleSet, r.match.ruleId, lang)} (${m.matchedBy[r.match.by]})`);
    parts.push(r.periods.value === null ? m.periodsUnknown : `${m.periods(n(r.periods.value))} (${m.origin(r.periods)})`);
    parts.push(m.grade(gradeText(r, lang), r.grade.status));
    lines.push(`      ${parts.join(' · ')}`);
    const feeds = r.contributions
      .filter((k) => k.lessons.length > 0)
      .map(
        (k) =>
          `${programName(ruleSet, k.programId, lang)}: ${k.lessons
            .map((l) => m.lessonPeriods(l.lessonId, l.periods === null ? null : n(l.periods)))
            .join(', ')}`,
      );
    if (feeds.length) lines.push(c.dim(`      ${m.feeds}: ${feeds.join('; ')}`));
    return lines;
  };
  if (counted.length) {
    out.push(c.bold(m.rowsCounted(counted.length)));
    for (const r of counted) out.push(`  ${rowTitle(r)}`, ...usedDetail(r));
  }
  if (uncertain.length) {
    if (counted.length) out.push('');
    out.push(c.bold(m.rowsUncertain(uncertain.length)));
    for (const r of uncertain) {
      out.push(`  ${rowTitle(r)} — ${c.review(r.uncertain.map((u) => m.uncertain[u]).join('; '))}`, ...usedDetail(r));
    }
  }
  if (notCounted.length) {
    if (counted.length || uncertain.length) out.push('');
    out.push(c.bold(m.rowsNotCounted(notCounted.length)));
    for (const r of notCounted) out.push(`  ${rowTitle(r)}: ${c.dim(notCountedMessage(lang, r, ruleSet))}`);
  }

  const decided = decisionsLines(result, ruleSet, lang);
  if (decided.length) out.push('', c.bold(decided[0]!), ...decided.slice(1));

  if (notices.length) {
    out.push('', c.bold(c.warn(m.noticesHeading)));
    for (const x of notices) out.push(`  - ${noticeMessage(lang, x, ruleSet)}`);
  }
  return `${out.join('\n')}\n`;
}

/** A numeric grade in the report's number style (7,5 in Vietnamese); other grades as written. */
function gradeText(r: RowOutcome, lang: Lang): string | null {
  const g = r.grade;
  return g.value !== null && (g.scale === '10' || g.scale === '4') ? num(lang, g.value) : g.text;
}

function conclusion(result: CheckResult, programs: ProgramResult[], ruleSet: RuleSet, lang: Lang, m: Messages): string {
  const passed = programs.filter((p) => p.verdict === 'PASS');
  const highest =
    programs.find((p) => p.programId === result.highestPassed) ??
    passed.reduce<ProgramResult | undefined>((best, p) => (!best || p.rank > best.rank ? p : best), undefined);
  const names = (ps: ProgramResult[]) => ps.map((p) => programName(ruleSet, p.programId, lang)).join(', ');
  if (highest) {
    const reviewAbove = programs.filter((p) => p.verdict === 'REVIEW' && p.rank > highest.rank);
    const line = m.conclusionPassed(programName(ruleSet, highest.programId, lang));
    return reviewAbove.length ? `${line} ${m.conclusionReviewAbove(names(reviewAbove))}` : line;
  }
  const review = programs.filter((p) => p.verdict === 'REVIEW');
  return review.length ? m.conclusionReview(names(review)) : m.conclusionNone;
}

function evaluationWords(p: ProgramResult, e: Evaluation, lang: Lang, m: Messages): string {
  if (p.policy === 'course') {
    return m.evalCourse({
      counted: num(lang, e.periodsCounted),
      min: num(lang, p.minPeriods ?? 0),
      lessons: e.lessonsCovered,
      totalLessons: p.totalLessons,
    });
  }
  const required = e.subjects.filter((s) => s.required);
  return m.evalPerSubject({ passed: required.filter((s) => s.pass).length, required: required.length });
}

function programSection(
  p: ProgramResult,
  ruleSet: RuleSet,
  lang: Lang,
  m: Messages,
  c: Styles,
  verdict: (v: Verdict) => string,
  rowsById: Map<number, RowOutcome>,
  rowTitle: (r: RowOutcome) => string,
): string[] {
  const n = (x: number) => num(lang, x);
  const out: string[] = [];
  const e = p.pessimistic;
  out.push(`${c.bold(programName(ruleSet, p.programId, lang))}: ${verdict(p.verdict)}`);
  const computed = computedVerdictLine(p, lang);
  if (computed) out.push(computed);

  if (p.policy === 'course') {
    out.push(
      `  ${m.courseLine({
        counted: n(e.periodsCounted),
        min: n(p.minPeriods ?? 0),
        total: n(p.totalPeriods),
        lessons: e.lessonsCovered,
        totalLessons: p.totalLessons,
        minLessons: p.minLessons ?? 0,
      })}`,
    );
    if (p.verdict !== 'PASS' && (p.shortfall.periodsMissing > 0 || p.shortfall.lessonsMissing > 0)) {
      out.push(`  ${c.fail(m.courseShort({ periods: n(p.shortfall.periodsMissing), lessons: p.shortfall.lessonsMissing }))}`);
    }
  } else {
    const required = e.subjects.filter((s) => s.required);
    out.push(
      `  ${m.perSubjectLine({
        passed: required.filter((s) => s.pass).length,
        required: required.length,
        counted: n(e.periodsCounted),
        total: n(p.totalPeriods),
      })}`,
    );
    const short = p.shortfall.subjects.filter((s) => s.periodsMissing > 0);
    if (p.verdict !== 'PASS' && short.length) {
      out.push(`  ${c.fail(m.perSubjectShort({ subjects: short.length, periods: n(p.shortfall.periodsMissing) }))}`);
    }
  }

  if (p.verdict === 'REVIEW') {
    out.push(`  ${c.review(m.reviewIntro)}`);
    for (const id of p.decidingRows) {
      const r = rowsById.get(id);
      if (!r) continue;
      const reasons = r.uncertain.map((u) => m.uncertain[u]);
      if (p.overlapRows.includes(id)) reasons.push(m.overlapReason);
      out.push(`    ${rowTitle(r)}: ${reasons.join('; ')}`);
    }
    const labelW = Math.max(m.withoutUncertain.length, m.withUncertain.length) + 1;
    const evalVerdict = (ev: Evaluation): Verdict => (ev.pass ? 'PASS' : 'FAIL');
    out.push(`  ${`${m.withoutUncertain}:`.padEnd(labelW)} ${verdict(evalVerdict(p.pessimistic))} — ${evaluationWords(p, p.pessimistic, lang, m)}`);
    out.push(`  ${`${m.withUncertain}:`.padEnd(labelW)} ${verdict(evalVerdict(p.optimistic))} — ${evaluationWords(p, p.optimistic, lang, m)}`);
  }
  if (p.usesUnverifiedData) out.push(`  ${c.dim(m.unverifiedProgram)}`);

  // Per-subject table of the pessimistic evaluation: what is surely counted and what is surely missing.
  const columns: Column[] =
    p.policy === 'course'
      ? [
          { header: m.col.periods, align: 'right' },
          { header: m.col.counted, align: 'right' },
          { header: m.col.missing, align: 'right' },
          { header: m.col.lessons, align: 'right' },
          { header: m.col.subject },
        ]
      : [
          { header: m.col.periods, align: 'right' },
          { header: m.col.minimum, align: 'right' },
          { header: m.col.counted, align: 'right' },
          { header: m.col.missing, align: 'right' },
          { header: m.col.result },
          { header: m.col.subject },
        ];
  const rows = e.subjects.map((s) => {
    const name = subjectName(ruleSet, p.programId, s.subjectId, lang);
    const lessons = `${s.lessonsCovered.length}/${s.lessonsCovered.length + s.lessonsMissing.length}`;
    const missing = s.periodsMissing > 0 ? c.fail(n(s.periodsMissing)) : n(s.periodsMissing);
    if (p.policy === 'course') return [n(s.periodsRequired), n(s.periodsCounted), missing, lessons, name];
    const result =
      (s.pass ? c.pass(m.subjectPass) : c.fail(m.subjectFail)) + (s.required ? '' : c.dim(` (${m.optional})`));
    return [n(s.periodsRequired), s.periodsMinimum === null ? '' : n(s.periodsMinimum), n(s.periodsCounted), missing, result, name];
  });
  out.push('');
  if (p.verdict === 'REVIEW') out.push(`  ${c.dim(m.tableNoteSure)}`);
  out.push(...table(columns, rows, '  ').map((l, i) => (i === 0 ? c.dim(l) : l)));

  const missingLessons = e.subjects.flatMap((s) => s.lessonsMissing.filter((id) => !isImplicitLesson(ruleSet, id)));
  if (missingLessons.length) {
    out.push(`  ${m.lessonsMissingHeading}`);
    const w = Math.max(...missingLessons.map((id) => id.length));
    for (const id of missingLessons) out.push(`    ${id.padEnd(w)}  ${lessonTitle(ruleSet, id, lang)}`);
  }
  return out;
}
