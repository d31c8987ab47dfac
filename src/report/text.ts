// The human-readable report of one check (Vietnamese by default, English on request): a pure string builder.
//
// Written as one string, line by line (each line followed by a line break), in small functions without closures:
// a batch with --reports text renders thousands of these, and each worker compiles this code on its own.

import type { CheckResult, Evaluation, ProgramResult, RowOutcome, Verdict } from '../coverage/types.js';
import { requiredPassed } from '../coverage/required.js';
import type { RuleSet } from '../rules/types.js';
import type { Person } from '../transcript/types.js';
import { computedVerdictLine, decisionsLines } from './decisions.js';
import { date, flat, num, remember, table, type Column } from './format.js';
import { isImplicitLesson, lessonTitle, programName, ruleLabel, subjectName } from './lookup.js';
import { messages, notCountedMessage, type Messages } from './messages.js';
import { noticeText } from './notice-text.js';
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

interface Ctx {
  lang: Lang;
  m: Messages;
  c: Styles;
  ruleSet: RuleSet;
  result: CheckResult;
  /** subject tables already laid out for this rule set, styles and language (see subjectTable) */
  tables: Map<string, string>;
}

/** Subject tables laid out, by rule set, styles and language: keyed by the program and the values they show (bounded: see `remember`). */
const TABLES = new WeakMap<RuleSet, WeakMap<Styles, Partial<Record<Lang, Map<string, string>>>>>();

function tablesFor(ruleSet: RuleSet, styles: Styles, lang: Lang): Map<string, string> {
  let byStyles = TABLES.get(ruleSet);
  if (!byStyles) TABLES.set(ruleSet, (byStyles = new WeakMap()));
  let byLang = byStyles.get(styles);
  if (!byLang) byStyles.set(styles, (byLang = {}));
  return (byLang[lang] ??= new Map());
}

export function renderText(result: CheckResult, ruleSet: RuleSet, options: TextOptions): string {
  const lang = options.lang;
  const m = messages(lang);
  const c = options.color ?? plainStyles;
  const x: Ctx = { lang, m, c, ruleSet, result, tables: tablesFor(ruleSet, c, lang) };
  const programs = [...result.programs].sort((a, b) => a.rank - b.rank);

  // Header: what was checked, against which rules, on which date.
  const files = options.files ?? [...new Set(result.rows.map((r) => r.source.file))];
  let fileList = '';
  for (let i = 0; i < files.length; i++) fileList += `${i ? ', ' : ''}${files[i] === '-' ? m.stdin : files[i]}`;
  const personName = options.person?.name;
  const withPerson = typeof personName === 'string' && personName !== '';
  const labelWidth = Math.max(m.files.length, withPerson ? m.person.length : 0, m.ruleSet.length, m.asOf.length) + 1;
  let out = `${c.bold(m.title)}\n${`${m.files}:`.padEnd(labelWidth)} ${fileList}\n`;
  if (withPerson) out += `${`${m.person}:`.padEnd(labelWidth)} ${personName}\n`;
  out += `${`${m.ruleSet}:`.padEnd(labelWidth)} ${ruleSet.name[lang]} — ${result.ruleSet.id}, ${m.version} ${result.ruleSet.version}\n`;
  out += `${`${m.asOf}:`.padEnd(labelWidth)} ${date(lang, result.asOf)}\n\n`;

  // Summary: the highest level passed leads.
  out += `${c.bold(conclusion(result, programs, ruleSet, lang, m))}\n`;
  const notices = result.notices;
  // a date outside the effective period qualifies the conclusion itself, so say so next to it
  if (notices.some((n) => n.code === 'outside-effective-period')) out += `${c.warn(m.outsideCaveat)}\n`;

  for (const p of programs) out += `\n${programSection(x, p)}`;

  // Rows: used, uncertain, not used.
  out += `\n${rowsPart(x)}`;

  const decided = decisionsLines(result, ruleSet, lang);
  if (decided.length) {
    out += `\n${c.bold(decided[0]!)}\n`;
    for (let i = 1; i < decided.length; i++) out += `${decided[i]}\n`;
  }

  if (notices.length) {
    out += `\n${c.bold(c.warn(m.noticesHeading))}\n`;
    for (const n of notices) out += `  - ${noticeText(lang, n, ruleSet)}\n`;
  }
  return out;
}

const verdictText = (x: Ctx, v: Verdict): string => {
  const { c, m } = x;
  return v === 'PASS' ? c.pass(c.bold(m.verdict[v])) : v === 'FAIL' ? c.fail(c.bold(m.verdict[v])) : c.review(c.bold(m.verdict[v]));
};

const rowTitle = (x: Ctx, r: RowOutcome): string =>
  `${x.m.row(r.rowId)} ${r.name}${r.code ? ` · ${r.code}` : ''} (${x.m.where(r.source.file, r.source.line, r.source.path, r.source.sheet)})`;

/** The rows, counted, uncertain and not counted, each group under its heading (lines, each ending in a break). */
function rowsPart(x: Ctx): string {
  const { m, c, result } = x;
  const rows = result.rows;
  if (rows.length === 0) return `${m.noRows}\n`;
  let counted = 0;
  let uncertain = 0;
  for (const r of rows) {
    if (r.state === 'counted') counted++;
    else if (r.state === 'uncertain') uncertain++;
  }
  const notCounted = rows.length - counted - uncertain;
  let out = '';
  if (counted) {
    out += `${c.bold(m.rowsCounted(counted))}\n`;
    for (const r of rows) if (r.state === 'counted') out += `  ${rowTitle(x, r)}\n${usedDetail(x, r)}`;
  }
  if (uncertain) {
    if (counted) out += '\n';
    out += `${c.bold(m.rowsUncertain(uncertain))}\n`;
    for (const r of rows) {
      if (r.state !== 'uncertain') continue;
      out += `  ${rowTitle(x, r)} — ${c.review(r.uncertain.map((u) => m.uncertain[u]).join('; '))}\n${usedDetail(x, r)}`;
    }
  }
  if (notCounted) {
    if (counted || uncertain) out += '\n';
    out += `${c.bold(m.rowsNotCounted(notCounted))}\n`;
    for (const r of rows) if (r.state === 'not-counted') out += `  ${rowTitle(x, r)}: ${c.dim(notCountedMessage(x.lang, r, x.ruleSet))}\n`;
  }
  return out;
}

/** The lines under a used row: its rule, periods and grade, then the lessons it feeds per program. */
function usedDetail(x: Ctx, r: RowOutcome): string {
  const { m, lang, ruleSet } = x;
  let out = '      ';
  if (r.match) out += `${m.rule}: ${ruleLabel(ruleSet, r.match.ruleId, lang)} (${m.matchedBy[r.match.by]}) · `;
  out += r.periods.value === null ? m.periodsUnknown : `${m.periods(num(lang, r.periods.value))} (${m.origin(r.periods)})`;
  out += ` · ${m.grade(gradeText(r, lang), r.grade.status)}\n`;
  let feeds = '';
  for (const k of r.contributions) {
    if (k.lessons.length === 0) continue;
    feeds += `${feeds ? '; ' : ''}${programName(ruleSet, k.programId, lang)}: `;
    for (let i = 0; i < k.lessons.length; i++) {
      const l = k.lessons[i]!;
      feeds += `${i ? ', ' : ''}${m.lessonPeriods(l.lessonId, l.periods === null ? null : num(lang, l.periods))}`;
    }
  }
  if (feeds) out += `${x.c.dim(`      ${m.feeds}: ${feeds}`)}\n`;
  return out;
}

/** A numeric grade in the report's number style (7,5 in Vietnamese); other grades as written. */
function gradeText(r: RowOutcome, lang: Lang): string | null {
  const g = r.grade;
  return g.value !== null && (g.scale === '10' || g.scale === '4') ? num(lang, g.value) : g.text;
}

function conclusion(result: CheckResult, programs: ProgramResult[], ruleSet: RuleSet, lang: Lang, m: Messages): string {
  let highest = programs.find((p) => p.programId === result.highestPassed);
  if (!highest) for (const p of programs) if (p.verdict === 'PASS' && (!highest || p.rank > highest.rank)) highest = p;
  const names = (ps: ProgramResult[]) => ps.map((p) => programName(ruleSet, p.programId, lang)).join(', ');
  if (highest) {
    const rank = highest.rank;
    const reviewAbove = programs.filter((p) => p.verdict === 'REVIEW' && p.rank > rank);
    const line = conclusionPassed(m, lang, programName(ruleSet, highest.programId, lang));
    return reviewAbove.length ? `${line} ${m.conclusionReviewAbove(names(reviewAbove))}` : line;
  }
  const review = programs.filter((p) => p.verdict === 'REVIEW');
  return review.length ? m.conclusionReview(names(review)) : m.conclusionNone;
}

/** The conclusion of a passed program by its name (a locale-aware upper case in it): made once per name. */
function conclusionPassed(m: Messages, lang: Lang, name: string): string {
  const cache = (CONCLUSIONS[lang] ??= new Map());
  let line = cache.get(name);
  if (line === undefined) {
    line = flat(m.conclusionPassed(name));
    // bounded: program names come from the rule sets loaded
    if (cache.size < 1000) cache.set(name, line);
  }
  return line;
}

const CONCLUSIONS: Partial<Record<Lang, Map<string, string>>> = {};

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

/** A program's lines: verdict, the numbers it rests on, what decides a review, its subject table, missing lessons. */
function programSection(x: Ctx, p: ProgramResult): string {
  const { m, c, lang, ruleSet } = x;
  const e = p.pessimistic;
  let out = `${c.bold(programName(ruleSet, p.programId, lang))}: ${verdictText(x, p.verdict)}\n`;
  const computed = computedVerdictLine(p, lang);
  if (computed) out += `${computed}\n`;

  if (p.policy === 'course') {
    out += `  ${m.courseLine({
      counted: num(lang, e.periodsCounted),
      min: num(lang, p.minPeriods ?? 0),
      total: num(lang, p.totalPeriods),
      lessons: e.lessonsCovered,
      totalLessons: p.totalLessons,
      minLessons: p.minLessons ?? 0,
    })}\n`;
    if (p.verdict !== 'PASS' && (p.shortfall.periodsMissing > 0 || p.shortfall.lessonsMissing > 0)) {
      out += `  ${c.fail(m.courseShort({ periods: num(lang, p.shortfall.periodsMissing), lessons: p.shortfall.lessonsMissing }))}\n`;
    }
  } else {
    const { passed, required } = requiredPassed(e);
    out += `  ${m.perSubjectLine({ passed, required, counted: num(lang, e.periodsCounted), total: num(lang, p.totalPeriods) })}\n`;
    let short = 0;
    for (const s of p.shortfall.subjects) if (s.periodsMissing > 0) short++;
    if (p.verdict !== 'PASS' && short) {
      out += `  ${c.fail(m.perSubjectShort({ subjects: short, periods: num(lang, p.shortfall.periodsMissing) }))}\n`;
    }
  }

  if (p.verdict === 'REVIEW') out += reviewLines(x, p);
  if (p.usesUnverifiedData) out += `  ${c.dim(m.unverifiedProgram)}\n`;

  // Per-subject table of the pessimistic evaluation: what is surely counted and what is surely missing.
  out += '\n';
  if (p.verdict === 'REVIEW') out += `  ${c.dim(m.tableNoteSure)}\n`;
  out += subjectTable(x, p);

  let missing: string[] | null = null;
  for (const s of e.subjects) for (const id of s.lessonsMissing) if (!isImplicitLesson(ruleSet, id)) (missing ??= []).push(id);
  if (missing !== null) {
    out += `  ${m.lessonsMissingHeading}\n`;
    let w = 0;
    for (const id of missing) w = Math.max(w, id.length);
    for (const id of missing) out += `    ${id.padEnd(w)}  ${lessonTitle(ruleSet, id, lang)}\n`;
  }
  return out;
}

/** Why a program needs review: the deciding rows, then its verdict without and with the uncertain rows. */
function reviewLines(x: Ctx, p: ProgramResult): string {
  const { m, c, lang } = x;
  let out = `  ${c.review(m.reviewIntro)}\n`;
  for (const id of p.decidingRows) {
    const r = x.result.rows.find((row) => row.rowId === id);
    if (!r) continue;
    const reasons = r.uncertain.map((u) => m.uncertain[u]);
    if (p.overlapRows.includes(id)) reasons.push(m.overlapReason);
    out += `    ${rowTitle(x, r)}: ${reasons.join('; ')}\n`;
  }
  const labelW = Math.max(m.withoutUncertain.length, m.withUncertain.length) + 1;
  out += `  ${`${m.withoutUncertain}:`.padEnd(labelW)} ${verdictText(x, p.pessimistic.pass ? 'PASS' : 'FAIL')} — ${evaluationWords(p, p.pessimistic, lang, m)}\n`;
  out += `  ${`${m.withUncertain}:`.padEnd(labelW)} ${verdictText(x, p.optimistic.pass ? 'PASS' : 'FAIL')} — ${evaluationWords(p, p.optimistic, lang, m)}\n`;
  return out;
}

/**
 * The subject table (format.ts's table): every column padded to its widest cell (numbers right-aligned), the last one
 * (the subject's name) not padded, so a long name never pushes trailing spaces; the header line dimmed. It depends on
 * the program and the values below alone (with the rule set, styles and language), and most dossiers of a batch show
 * the same few tables: laid out once per set of values, then reused.
 */
function subjectTable(x: Ctx, p: ProgramResult): string {
  const course = p.policy === 'course';
  // String(n) tells apart every number the table shows differently (it reads 0 and -0 alike, as the table does); ids
  // are prefixed with their length and every field ends in a separator no number holds, so no two keys meet
  let key = `${course ? 'c' : 's'}${p.programId.length}:${p.programId}`;
  for (const s of p.pessimistic.subjects) {
    key +=
      `${s.subjectId.length}:${s.subjectId}${s.required ? 'r' : 'o'}${s.periodsRequired},${s.periodsMinimum},${s.periodsCounted},${s.periodsMissing},` +
      `${course ? `${s.lessonsCovered.length}/${s.lessonsMissing.length}` : s.pass};`;
  }
  return x.tables.get(key) ?? remember(x.tables, key, layOutSubjectTable(x, p));
}

function layOutSubjectTable(x: Ctx, p: ProgramResult): string {
  const { m, c, lang, ruleSet } = x;
  const course = p.policy === 'course';
  const columns: Column[] = course
    ? [{ header: m.col.periods, align: 'right' }, { header: m.col.counted, align: 'right' }, { header: m.col.missing, align: 'right' }, { header: m.col.lessons, align: 'right' }, { header: m.col.subject }]
    : [
        { header: m.col.periods, align: 'right' },
        { header: m.col.minimum, align: 'right' },
        { header: m.col.counted, align: 'right' },
        { header: m.col.missing, align: 'right' },
        { header: m.col.result },
        { header: m.col.subject },
      ];
  const rows: string[][] = [];
  for (const s of p.pessimistic.subjects) {
    const missing = s.periodsMissing > 0 ? c.fail(num(lang, s.periodsMissing)) : num(lang, s.periodsMissing);
    const name = subjectName(ruleSet, p.programId, s.subjectId, lang);
    if (course) {
      rows.push([num(lang, s.periodsRequired), num(lang, s.periodsCounted), missing, `${s.lessonsCovered.length}/${s.lessonsCovered.length + s.lessonsMissing.length}`, name]);
    } else {
      const result = (s.pass ? c.pass(m.subjectPass) : c.fail(m.subjectFail)) + (s.required ? '' : c.dim(` (${m.optional})`));
      rows.push([num(lang, s.periodsRequired), s.periodsMinimum === null ? '' : num(lang, s.periodsMinimum), num(lang, s.periodsCounted), missing, result, name]);
    }
  }
  const lines = table(columns, rows, '  ');
  let out = `${c.dim(lines[0]!)}\n`;
  for (let i = 1; i < lines.length; i++) out += `${lines[i]}\n`;
  return out;
}
