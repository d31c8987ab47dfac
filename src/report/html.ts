// The printable report of one check: a self-contained HTML document (inline CSS and SVG, no script, no network).

import type { CheckResult, Notice, ProgramResult, RowOutcome, SubjectEvaluation, Verdict } from '../coverage/types.js';
import type { RuleSet } from '../rules/types.js';
import type { Person } from '../transcript/types.js';
import { date, num } from './format.js';
import { htmlMessages, type HtmlMessages } from './html-messages.js';
import { decisionAction } from './decisions.js';
import { findProgram, isImplicitLesson, lessonTitle, programName, ruleLabel, subjectName } from './lookup.js';
import { messages, notCountedMessage, noticeMessage, type Messages } from './messages.js';
import type { Lang } from '../lang.js';

/** An officer's decision as the report shows it: already worded by whoever applied it. */
export interface HtmlDecision {
  /** what it addresses, e.g. "[3] Triết học Mác-Lênin" or a program's name */
  target: string;
  decision: string;
  reason: string;
  by: string;
  /** ISO date */
  date: string;
  /** the council's minutes (số biên bản, ngày họp), when given */
  minutes?: string;
}

export interface HtmlDecisions {
  /** the decided verdict per program id (programs without one show the computed verdict only) */
  verdicts: Record<string, Verdict>;
  applied: HtmlDecision[];
}

export interface HtmlOptions {
  lang: Lang;
  /** transcript files as the user named them (default: the files the rows came from) */
  files?: string[];
  person?: Person;
  /** the dossier's name or id: shown in the header and on every printed page */
  dossier?: string;
  toolVersion?: string;
  /** officer decisions as shown (default: those the check applied, from the result): both verdicts are shown */
  decisions?: HtmlDecisions;
  /** dossier-level warnings (files not read), already worded */
  warnings?: string[];
}

// ── escaping ─────────────────────────────────────────────────────────────────────────────────────────────

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const NEEDS_WORK = /[&<>"'\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\ud800-\udfff\ufffe\uffff]/;

/** Text for HTML content or a quoted attribute; characters HTML forbids (NUL, C0 controls, lone surrogates) become U+FFFD. */
export function escapeHtml(s: string): string {
  // most text (names, numbers, sentences) needs nothing: one scan, no copy
  if (!NEEDS_WORK.test(s)) return s;
  return s
    .replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** What cssString changes: what escapeHtml changes, and CSS string delimiters, backslashes and line breaks. */
const CSS_NEEDS_WORK = /[&<>"'\\\u0000-\u001f\u007f-\u009f\ud800-\udfff\ufffe\uffff]/;

/** A CSS string literal safe inside a <style> element (names come from user files). */
export function cssString(s: string): string {
  // a plain name or label needs neither HTML nor CSS escaping
  if (!CSS_NEEDS_WORK.test(s)) return `"${s}"`;
  const body = [...escapeHtml(s)]
    .map((ch) => (/[\\"<>&\n\r\f]/.test(ch) || ch.charCodeAt(0) < 0x20 ? `\\${ch.codePointAt(0)!.toString(16)} ` : ch))
    .join('');
  return `"${body}"`;
}

type Attrs = Record<string, string | number | boolean | null | undefined>;

function attrs(a: Attrs): string {
  // a loop, not entries/filter/map/join: tens of thousands of elements per batch with --reports html
  let out = '';
  for (const k in a) {
    const v = a[k];
    if (v === null || v === undefined || v === false) continue;
    // a number's digits need no escaping, nor do classes and scopes: this file writes them all, from no data
    out += v === true ? ` ${k}` : typeof v === 'number' || k === 'class' || k === 'scope' ? ` ${k}="${v}"` : ` ${k}="${escapeHtml(String(v))}"`;
  }
  return out;
}

/** An element: `content` is HTML already (escape text with `t`). */
function el(tag: string, a: Attrs, ...content: string[]): string {
  // `+`, not join: V8 links the parts (a rope) instead of copying them, so nested elements are copied once, when
  // the page is written, not once per level of nesting
  let out = `<${tag}${attrs(a)}>`;
  for (let i = 0; i < content.length; i++) out += content[i]!;
  return `${out}</${tag}>`;
}

const t = escapeHtml;

// ── the document ─────────────────────────────────────────────────────────────────────────────────────────

const VERDICT_CLASS: Record<Verdict, string> = { PASS: 'pass', FAIL: 'fail', REVIEW: 'review' };

export function verdictBadge(lang: Lang, v: Verdict): string {
  return (BADGES[lang] ??= {})[v] ??= el('span', { class: `verdict ${VERDICT_CLASS[v]}` }, t(messages(lang).verdict[v]));
}

/** Badges by language and verdict: a report shows several, always the same few. */
const BADGES: Partial<Record<Lang, Partial<Record<Verdict, string>>>> = {};

interface Ctx {
  lang: Lang;
  m: Messages;
  h: HtmlMessages;
  ruleSet: RuleSet;
  result: CheckResult;
  programs: ProgramResult[];
  rowsById: Map<number, RowOutcome>;
  multiFile: boolean;
  n(x: number): string;
  d(iso: string): string;
}

export function renderHtml(result: CheckResult, ruleSet: RuleSet, options: HtmlOptions): string {
  const lang = options.lang;
  const programs = [...result.programs].sort((a, b) => a.rank - b.rank);
  const files = options.files ?? [...new Set(result.rows.map((r) => r.source.file))];
  const c: Ctx = {
    lang,
    m: messages(lang),
    h: htmlMessages(lang),
    ruleSet,
    result,
    programs,
    rowsById: new Map(result.rows.map((r) => [r.rowId, r])),
    multiFile: new Set(result.rows.map((r) => r.source.file)).size > 1,
    n: (x) => num(lang, x),
    d: (iso) => date(lang, iso),
  };
  const decisions = options.decisions ?? decisionsOf(result, ruleSet, lang);
  const dossier = options.dossier ?? options.person?.id ?? files.map((f) => (f === '-' ? c.m.stdin : f)).join(', ');
  const body = [
    documentHead(c, options, files, dossier),
    conclusionSection(c, decisions),
    ...programs.map((p, i) => programSection(c, p, i + 1)),
    shortfallSection(c),
    rowsSection(c),
    decisions && decisions.applied.length ? decisionsSection(c, decisions) : '',
    noticesSection(c, options.warnings ?? []),
    signoffSection(c),
  ];
  return page(lang, `${c.h.docTitle} — ${dossier}`, dossier, options.toolVersion, body.join('\n'));
}

/** The page a dossier gets when it could not be evaluated: its name, what went wrong, the files warnings. */
export function renderHtmlError(lang: Lang, dossier: string, error: { code: string; message: string }, warnings: string[] = [], toolVersion?: string): string {
  const h = htmlMessages(lang);
  const body = [
    el('header', { class: 'doc-head' }, el('h1', {}, t(h.docTitle)), el('p', { class: 'facts' }, `${t(h.dossier)}: ${el('strong', {}, t(dossier))}`)),
    el(
      'section',
      { class: 'error', 'data-error': error.code },
      el('h2', {}, t(h.errorHeading)),
      el('p', {}, `${t(error.message)} ${el('code', {}, `[${t(error.code)}]`)}`),
      warnings.length ? el('ul', {}, ...warnings.map((w) => el('li', {}, t(w)))) : '',
    ),
  ];
  return page(lang, `${h.docTitle} — ${dossier}`, dossier, toolVersion, body.join('\n'));
}

/** The shell every page shares: doctype, language, inline style with the running header for print. */
export function page(lang: Lang, title: string, running: string, toolVersion: string | undefined, body: string): string {
  return `${pageStart(lang, title, running, toolVersion)}${body}\n${PAGE_END}`;
}

export const PAGE_END = '</body>\n</html>\n';

/** Everything before the body's content; `extraStyle` is appended to the shared style sheet. */
export function pageStart(lang: Lang, title: string, running: string, toolVersion: string | undefined, extraStyle = '', runningLeft?: string): string {
  const h = htmlMessages(lang);
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t(title)}</title>
<style>
${STYLE}${extraStyle}
@page {
  @top-left { content: ${cssString(runningLeft ?? h.docTitle)}; }
  @top-right { content: ${cssString(running)}; }
  @bottom-left { content: ${cssString(toolVersion ? h.footerTool(toolVersion) : 'llct')}; }
  @bottom-right { content: ${cssString(h.page)} " " counter(page) " ${h.of} " counter(pages); }
}
</style>
</head>
<body>
`;
}

/** The report's subtitle per language: its title in sentence case (locale-aware case mapping is slow). */
const SUBTITLES: Partial<Record<Lang, string>> = {};

function documentHead(c: Ctx, options: HtmlOptions, files: string[], dossier: string): string {
  const { h, m, result, ruleSet } = c;
  const person = options.person;
  const facts: [string, string][] = [];
  const personBits: string[] = [];
  if (typeof person?.name === 'string' && person.name) personBits.push(el('strong', {}, t(person.name)));
  if (typeof person?.birthDate === 'string' && person.birthDate) personBits.push(`${t(h.birthDate)}: ${t(c.d(person.birthDate))}`);
  if (typeof person?.id === 'string' && person.id && person.id !== dossier) personBits.push(`${t(h.personId)}: ${t(person.id)}`);
  if (personBits.length) facts.push([m.person, personBits.join(' · ')]);
  if (typeof person?.unit === 'string' && person.unit) facts.push([h.personUnit, t(person.unit)]);
  facts.push([h.dossier, el('strong', {}, t(dossier))]);
  facts.push([m.files, files.map((f) => el('span', { class: 'file' }, t(f === '-' ? m.stdin : f))).join(', ')]);
  facts.push([m.ruleSet, `${t(ruleSet.name[c.lang])} — ${el('code', {}, t(result.ruleSet.id))}, ${t(m.version)} ${t(result.ruleSet.version)}`]);
  facts.push([m.asOf, el('strong', {}, t(c.d(result.asOf)))]);
  const outside = result.notices.some((x) => x.code === 'outside-effective-period');
  const period = t(h.period(ruleSet.effective.from ? c.d(ruleSet.effective.from) : undefined, ruleSet.effective.to ? c.d(ruleSet.effective.to) : undefined));
  facts.push([h.effective, outside ? el('span', { class: 'warn', 'data-effective': 'outside' }, h.effectiveOut(period)) : el('span', { 'data-effective': 'inside' }, h.effectiveIn(period))]);
  return el(
    'header',
    { class: 'doc-head' },
    el('div', { class: 'letterhead' }, el('span', {}, t(h.unit)), el('span', { class: 'placedate' }, t(h.placeDate))),
    el('h1', {}, t(h.docTitle)),
    el('p', { class: 'subtitle' }, (SUBTITLES[c.lang] ??= t(m.title.toLocaleLowerCase(c.lang).replace(/^./u, (x) => x.toLocaleUpperCase(c.lang))))),
    el('table', { class: 'facts' }, el('tbody', {}, ...facts.map(([k, v]) => el('tr', {}, el('th', { scope: 'row' }, t(k)), el('td', {}, v))))),
  );
}

function conclusionSentence(c: Ctx): string {
  const { m, programs, ruleSet, lang } = c;
  const passed = programs.filter((p) => p.verdict === 'PASS');
  const highest = programs.find((p) => p.programId === c.result.highestPassed) ?? passed.at(-1);
  const names = (ps: ProgramResult[]) => ps.map((p) => programName(ruleSet, p.programId, lang)).join(', ');
  if (highest) {
    const reviewAbove = programs.filter((p) => p.verdict === 'REVIEW' && p.rank > highest.rank);
    const line = m.conclusionPassed(programName(ruleSet, highest.programId, lang));
    return reviewAbove.length ? `${line} ${m.conclusionReviewAbove(names(reviewAbove))}` : line;
  }
  const review = programs.filter((p) => p.verdict === 'REVIEW');
  return review.length ? m.conclusionReview(names(review)) : m.conclusionNone;
}

/** The numbers a program's verdict rests on, in one short line (the pessimistic reading). */
function basis(c: Ctx, p: ProgramResult): string {
  const e = p.pessimistic;
  if (p.policy === 'course') {
    return c.h.basisCourse({ counted: c.n(e.periodsCounted), min: c.n(p.minPeriods ?? 0), total: c.n(p.totalPeriods), lessons: e.lessonsCovered, totalLessons: p.totalLessons, minLessons: p.minLessons ?? 0 });
  }
  const required = e.subjects.filter((s) => s.required);
  return c.h.basisPerSubject({ passed: required.filter((s) => s.pass).length, required: required.length, counted: c.n(e.periodsCounted), total: c.n(p.totalPeriods) });
}

/** The verdict computed from the transcript alone (the final one may be an officer's). */
const computedOf = (p: ProgramResult): Verdict => p.computedVerdict ?? p.verdict;

/** The decisions a check applied, as the report shows them; undefined when there were none. */
function decisionsOf(result: CheckResult, ruleSet: RuleSet, lang: Lang): HtmlDecisions | undefined {
  const applied = result.decisions ?? [];
  if (applied.length === 0 && result.programs.every((p) => p.verdict === computedOf(p))) return undefined;
  const m = messages(lang);
  const rows = new Map(result.rows.map((r) => [r.rowId, r]));
  return {
    verdicts: Object.fromEntries(result.programs.map((p) => [p.programId, p.verdict])),
    applied: applied.map((a) => {
      const d = a.decision;
      const row = a.rowId !== null ? rows.get(a.rowId) : undefined;
      const target =
        d.target.kind === 'program'
          ? programName(ruleSet, d.target.programId, lang)
          : `${row ? `${m.row(row.rowId)} ` : ''}${d.target.row.name} (${m.where(d.target.row.file, d.target.row.line, d.target.row.path)})`;
      const changed = a.rowsChanged.length ? ` → ${a.rowsChanged.map((id) => m.row(id)).join(', ')}` : '';
      return {
        target,
        decision: `${decisionAction(a, ruleSet, lang)}${changed}`,
        reason: d.reason,
        by: d.decidedBy,
        date: d.date,
        ...(d.reference ? { minutes: d.reference } : {}),
      };
    }),
  };
}

function conclusionSection(c: Ctx, decisions: HtmlDecisions | undefined): string {
  const { h, lang } = c;
  const head = [h.colProgram, h.colComputed, ...(decisions ? [h.colDecided] : []), h.colBasis];
  const rows = c.programs.map((p) => {
    const decided = decisions?.verdicts[p.programId];
    return el(
      'tr',
      { 'data-program': p.programId, 'data-verdict': computedOf(p), ...(decided ? { 'data-decided': decided } : {}) },
      el('th', { scope: 'row' }, t(programName(c.ruleSet, p.programId, lang))),
      el('td', { class: 'v' }, verdictBadge(lang, computedOf(p))),
      decisions ? el('td', { class: 'v' }, decided ? verdictBadge(lang, decided) : el('span', { class: 'muted' }, t(h.notDecided))) : '',
      el('td', {}, t(basis(c, p))),
    );
  });
  return el(
    'section',
    { class: 'conclusion' },
    el('h2', {}, t(h.conclusionHeading)),
    el('p', { class: 'lead' }, t(conclusionSentence(c))),
    el('table', { class: 'grid' }, el('thead', {}, el('tr', {}, ...head.map((x) => el('th', { scope: 'col' }, t(x))))), el('tbody', {}, ...rows)),
  );
}

// ── pictures ─────────────────────────────────────────────────────────────────────────────────────────────

const BAR_W = 130;
const BAR_H = 12;

/** One bar: the program's periods as an outline, possible periods as a tint, counted as solid, the minimum as a tick. */
function bar(a: { id: string; total?: boolean; label: string; required: number; counted: number; possible: number; minimum: number | null; scale: number }): string {
  const x = (v: number) => Math.round((Math.max(0, v) / a.scale) * (BAR_W - 2) * 10) / 10 + 1;
  const w = (v: number) => Math.max(0, x(v) - 1);
  // written out, not through el: a report draws one per subject, and the label is escaped once for both places
  const label = t(a.label);
  const which = a.total ? ` data-total="${t(a.id)}"` : ` data-subject="${t(a.id)}"`;
  const minimum = a.minimum !== null ? ` data-minimum="${a.minimum}"` : '';
  return (
    `<svg class="bar" role="img" aria-label="${label}" width="${BAR_W}" height="${BAR_H}" viewBox="0 0 ${BAR_W} ${BAR_H}"${which}` +
    ` data-required="${a.required}" data-counted="${a.counted}" data-possible="${a.possible}"${minimum}>` +
    `<title>${label}</title>` +
    `<rect class="req" x="1" y="2" width="${w(a.required)}" height="${BAR_H - 4}"/>` +
    (a.possible > a.counted ? `<rect class="pos" x="1" y="2" width="${w(a.possible)}" height="${BAR_H - 4}"/>` : '') +
    (a.counted > 0 ? `<rect class="cnt" x="1" y="2" width="${w(a.counted)}" height="${BAR_H - 4}"/>` : '') +
    (a.minimum !== null ? `<line class="min" x1="${x(a.minimum)}" y1="0" x2="${x(a.minimum)}" y2="${BAR_H}"/>` : '') +
    '</svg>'
  );
}

function legend(c: Ctx, withMinimum: boolean): string {
  const sw = (cls: string) => `<svg class="sw" width="18" height="10" viewBox="0 0 18 10" aria-hidden="true"><rect class="${cls}" x="1" y="1" width="16" height="8"/></svg>`;
  const tick = '<svg class="sw" width="8" height="10" viewBox="0 0 8 10" aria-hidden="true"><line class="min" x1="4" y1="0" x2="4" y2="10"/></svg>';
  const items = [
    `${sw('req')} ${t(c.h.legend.required)}`,
    `${sw('cnt')} ${t(c.h.legend.counted)}`,
    `${sw('pos')} ${t(c.h.legend.possible)}`,
    ...(withMinimum ? [`${tick} ${t(c.h.legend.minimum)}`] : []),
  ];
  return el('p', { class: 'legend' }, items.map((i) => el('span', {}, i)).join(''));
}

/** A number's cell, written out: a report has some per subject, and a formatted number needs no escaping. */
const numCell = (c: Ctx, v: number, cls = 'num'): string => `<td class="${cls}">${c.n(v)}</td>`;

function programSection(c: Ctx, p: ProgramResult, no: number): string {
  const { h, m, lang, ruleSet } = c;
  const name = programName(ruleSet, p.programId, lang);
  const optimistic = new Map(p.optimistic.subjects.map((s) => [s.subjectId, s]));
  const possibleOf = (s: SubjectEvaluation) => optimistic.get(s.subjectId)?.periodsCounted ?? s.periodsCounted;
  const subjects = p.pessimistic.subjects;
  const scale = Math.max(1, ...subjects.map((s) => Math.max(s.periodsRequired, s.periodsCounted, possibleOf(s))));
  const course = p.policy === 'course';

  const subjectRows = subjects.map((s) => {
    const sName = subjectName(ruleSet, p.programId, s.subjectId, lang);
    const possible = possibleOf(s);
    const label = h.barTitle({
      subject: sName,
      counted: c.n(s.periodsCounted),
      possible: c.n(possible),
      required: c.n(s.periodsRequired),
      minimum: s.periodsMinimum === null ? null : c.n(s.periodsMinimum),
    });
    const result = course ? '' : s.pass ? el('span', { class: 'ok' }, t(m.subjectPass)) : el('span', { class: 'ko' }, t(m.subjectFail));
    return el(
      'tr',
      { 'data-subject': s.subjectId },
      el('th', { scope: 'row' }, t(sName), s.required ? '' : el('span', { class: 'muted' }, ` (${t(m.optional)})`)),
      numCell(c, s.periodsRequired),
      course ? '' : s.periodsMinimum === null ? '<td class="num"></td>' : numCell(c, s.periodsMinimum),
      numCell(c, s.periodsCounted),
      numCell(c, possible),
      numCell(c, s.periodsMissing, s.periodsMissing > 0 ? 'num ko' : 'num'),
      course ? el('td', { class: 'num' }, `${s.lessonsCovered.length}/${s.lessonsCovered.length + s.lessonsMissing.length}`) : el('td', {}, result),
      el('td', { class: 'barcell' }, bar({ id: s.subjectId, label, required: s.periodsRequired, counted: s.periodsCounted, possible, minimum: s.periodsMinimum, scale })),
    );
  });
  if (course) {
    // the program as a whole against its minimum periods: the measure the verdict uses
    const counted = p.pessimistic.periodsCounted;
    const possible = p.optimistic.periodsCounted;
    const min = p.minPeriods ?? 0;
    const total = Math.max(1, p.totalPeriods, counted, possible);
    const label = h.barTitle({ subject: h.total, counted: c.n(counted), possible: c.n(possible), required: c.n(p.totalPeriods), minimum: c.n(min) });
    subjectRows.push(
      el(
        'tr',
        { class: 'total' },
        el('th', { scope: 'row' }, t(h.total)),
        numCell(c, p.totalPeriods),
        numCell(c, counted),
        numCell(c, possible),
        numCell(c, p.shortfall.periodsMissing, p.shortfall.periodsMissing > 0 ? 'num ko' : 'num'),
        el('td', { class: 'num' }, `${p.pessimistic.lessonsCovered}/${p.totalLessons}`),
        el('td', { class: 'barcell' }, bar({ id: p.programId, total: true, label, required: p.totalPeriods, counted, possible, minimum: min, scale: total })),
      ),
    );
  }
  const head = [
    m.col.subject,
    m.col.periods,
    ...(course ? [] : [m.col.minimum]),
    m.col.counted,
    h.colPossible,
    m.col.missing,
    course ? m.col.lessons : m.col.result,
    '',
  ];
  const table = el(
    'table',
    { class: 'grid subjects' },
    el('thead', {}, el('tr', {}, ...head.map((x, i) => el('th', { scope: 'col', class: i === 0 || i === head.length - 1 ? null : 'num' }, t(x))))),
    el('tbody', {}, ...subjectRows),
  );

  const review: string[] = [];
  if (computedOf(p) === 'REVIEW') {
    const items = p.decidingRows.flatMap((id) => {
      const r = c.rowsById.get(id);
      if (!r) return [];
      const reasons = r.uncertain.map((u) => m.uncertain[u]);
      if (p.overlapRows.includes(id)) reasons.push(m.overlapReason);
      return [el('li', { 'data-deciding-row': id }, `${el('span', { class: 'rowid' }, t(m.row(id)))} ${t(r.name)}: ${t(reasons.join('; '))}`)];
    });
    const ev = (e: ProgramResult['pessimistic']) =>
      course
        ? m.evalCourse({ counted: c.n(e.periodsCounted), min: c.n(p.minPeriods ?? 0), lessons: e.lessonsCovered, totalLessons: p.totalLessons })
        : m.evalPerSubject({ passed: e.subjects.filter((s) => s.required && s.pass).length, required: e.subjects.filter((s) => s.required).length });
    review.push(
      el(
        'div',
        { class: 'review-box' },
        el('p', {}, t(m.reviewIntro)),
        el('ul', {}, ...items),
        el(
          'p',
          { class: 'readings' },
          `${t(m.withoutUncertain)}: ${verdictBadge(lang, p.pessimistic.pass ? 'PASS' : 'FAIL')} — ${t(ev(p.pessimistic))}`,
          '<br>',
          `${t(m.withUncertain)}: ${verdictBadge(lang, p.optimistic.pass ? 'PASS' : 'FAIL')} — ${t(
            // the optimistic evaluation may carry no subject detail: fall back to the program's own numbers
            course || p.optimistic.subjects.length ? ev(p.optimistic) : m.evalPerSubject({ passed: 0, required: 0 }),
          )}`,
        ),
      ),
    );
  }

  return el(
    'section',
    { class: 'program', 'data-program': p.programId, 'data-verdict': p.verdict },
    el(
      'h2',
      {},
      `${t(h.programHeading(no, name))} ${verdictBadge(lang, p.verdict)}`,
      p.verdict !== computedOf(p) ? ` ${el('span', { class: 'plain small' }, `${t(h.colComputed)}: ${verdictBadge(lang, computedOf(p))}`)}` : '',
    ),
    ...review,
    el('figure', {}, no === 1 ? legend(c, true) : '', table),
    course ? lessonGrid(c, p) : '',
  );
}

/**
 * The lessons of a lesson-counted program, one line per subject (part): covered, uncertain (covered only when the
 * uncertain rows count) or not covered. Marks differ in shape too, so the grid reads in black and white.
 */
function lessonGrid(c: Ctx, p: ProgramResult): string {
  const def = findProgram(c.ruleSet, p.programId);
  const sure = new Set(p.pessimistic.subjects.flatMap((s) => s.lessonsCovered));
  const maybe = new Set(p.optimistic.subjects.flatMap((s) => s.lessonsCovered));
  const state = (id: string): LessonState => (sure.has(id) ? 'covered' : maybe.has(id) ? 'uncertain' : 'missing');
  const groups = (
    def
      ? def.subjects.map((s) => ({ id: s.id, lessons: s.lessons.map((l) => l.id) }))
      : p.pessimistic.subjects.map((s) => ({ id: s.subjectId, lessons: [...s.lessonsCovered, ...s.lessonsMissing] }))
  )
    .map((g) => ({ ...g, lessons: g.lessons.filter((id) => !isImplicitLesson(c.ruleSet, id)) }))
    .filter((g) => g.lessons.length > 0);
  const all = groups.flatMap((g) => g.lessons);
  if (all.length === 0) return '';
  const counts = { covered: 0, uncertain: 0, missing: 0 };
  for (const id of all) counts[state(id)] += 1;
  // a lesson's cell depends on the rule set, the language and its state only: made once, then reused
  const cells = lessonCells(c.ruleSet, c.lang);
  const cell = (id: string) => {
    const s = state(id);
    const key = `${s} ${id}`;
    let html = cells.get(key);
    if (html === undefined) {
      const title = lessonTitle(c.ruleSet, id, c.lang);
      html = el('li', { class: `lesson ${s}`, 'data-lesson': id, 'data-state': s, title: `${title} — ${c.h.lessonState[s]}` }, `${LESSON_MARK[s]}\u00a0${t(id)}`);
      cells.set(key, html);
    }
    return html;
  };
  const key = (LESSON_KEYS[c.lang] ??= LESSON_STATES.map((s) => el('span', { class: `lesson-key ${s}` }, `${LESSON_MARK[s]} ${t(c.h.lessonState[s])}`)).join(' '));
  return el(
    'div',
    { class: 'lessons' },
    el('p', { class: 'lessons-head' }, t(c.h.lessonsHeading({ covered: counts.covered, uncertain: counts.uncertain, total: all.length, min: p.minLessons ?? 0 })), ' ', key),
    el(
      'table',
      { class: 'lesson-grid' },
      el(
        'tbody',
        {},
        ...groups.map((g) =>
          el('tr', { 'data-subject': g.id }, el('th', { scope: 'row' }, t(subjectName(c.ruleSet, p.programId, g.id, c.lang))), el('td', {}, el('ul', {}, ...g.lessons.map(cell)))),
        ),
      ),
    ),
  );
}

/** Lesson cells by rule set and language, keyed by state and lesson id (bounded by the rule set's lessons). */
const LESSON_CELLS = new WeakMap<RuleSet, Partial<Record<Lang, Map<string, string>>>>();

function lessonCells(ruleSet: RuleSet, lang: Lang): Map<string, string> {
  let byLang = LESSON_CELLS.get(ruleSet);
  if (!byLang) LESSON_CELLS.set(ruleSet, (byLang = {}));
  return (byLang[lang] ??= new Map());
}

/** The lesson grid's key line per language. */
const LESSON_KEYS: Partial<Record<Lang, string>> = {};

type LessonState = 'covered' | 'uncertain' | 'missing';
const LESSON_STATES: readonly LessonState[] = ['covered', 'uncertain', 'missing'];
const LESSON_MARK: Record<LessonState, string> = { covered: '■', uncertain: '◩', missing: '□' };

// ── tables ───────────────────────────────────────────────────────────────────────────────────────────────

/** What is surely missing, one row per program: the subjects short of periods, the lessons not covered (by title). */
function shortfallSection(c: Ctx): string {
  const { h, lang, ruleSet } = c;
  const body = c.programs.map((p) => {
    const name = programName(ruleSet, p.programId, lang);
    const course = p.policy === 'course';
    const short = p.shortfall.subjects.filter((s) => s.periodsMissing > 0 || s.lessonsMissing.some((id) => !isImplicitLesson(ruleSet, id)));
    const nothing = computedOf(p) === 'PASS' || (p.shortfall.periodsMissing === 0 && p.shortfall.lessonsMissing === 0 && short.length === 0);
    const summary = nothing ? h.shortfallNone : h.shortfallProgram({ periods: c.n(p.shortfall.periodsMissing), lessons: p.shortfall.lessonsMissing, course });
    const details = nothing
      ? ''
      : course
        ? short
            .flatMap((s) => s.lessonsMissing.filter((id) => !isImplicitLesson(ruleSet, id)))
            .map((id) => el('span', { 'data-missing-lesson': id }, `${el('b', {}, t(id))} ${t(lessonTitle(ruleSet, id, lang))}`))
            .join('; ')
        : short
            .map((s) => el('span', { 'data-shortfall': s.subjectId }, `${t(subjectName(ruleSet, p.programId, s.subjectId, lang))} ${el('b', {}, t(c.n(s.periodsMissing)))}`))
            .join('; ');
    const head = el(
      'tr',
      { class: 'group', 'data-program': p.programId },
      el('th', { scope: 'rowgroup' }, `${t(name)} ${verdictBadge(lang, computedOf(p))} ${el('span', { class: 'plain' }, t(summary))}`),
    );
    return details ? head + el('tr', { class: 'detail' }, el('td', { class: 'small' }, details)) : head;
  });
  return el(
    'section',
    { class: 'shortfall' },
    el('h2', {}, t(h.shortfallHeading)),
    el(
      'table',
      { class: 'grid' },
      el('tbody', {}, ...body),
    ),
  );
}

function gradeText(r: RowOutcome, lang: Lang): string {
  const g = r.grade;
  const text = g.value !== null && (g.scale === '10' || g.scale === '4') ? num(lang, g.value) : g.text;
  return text ?? '—';
}

function rowsSection(c: Ctx): string {
  const { h, m, lang, ruleSet, result } = c;
  const where = (r: RowOutcome) =>
    r.source.sheet !== undefined
      ? m.where(c.multiFile ? r.source.file : '', r.source.line, undefined, r.source.sheet).replace(/^, /u, '')
      : r.source.line !== undefined
      ? c.multiFile
        ? `${r.source.file}:${r.source.line}`
        : h.line(r.source.line)
      : m.where(r.source.file, undefined, r.source.path);
  const course = (r: RowOutcome) =>
    `${el('span', { class: 'cname' }, t(r.name))} ${el('span', { class: 'src' }, t([r.code, where(r)].filter(Boolean).join(' · ')))}`;
  const rowId = (r: RowOutcome) => el('td', { class: 'rowid' }, t(m.row(r.rowId)));
  // a column per program the used rows feed, so each cell stays short
  const used = result.rows.filter((r) => r.state !== 'not-counted');
  const fed = c.programs.filter((p) => used.some((r) => r.contributions.some((k) => k.programId === p.programId && k.lessons.length > 0)));
  const feeds = (r: RowOutcome, programId: string) => {
    const k = r.contributions.find((x) => x.programId === programId);
    if (!k) return '';
    return k.lessons.map((l) => `${t(l.lessonId)}${l.periods === null ? '' : ` ${el('span', { class: 'per' }, t(c.n(l.periods)))}`}`).join(', ');
  };
  const usedTable = (rows: RowOutcome[], state: 'counted' | 'uncertain', heading: string) => {
    const head = [h.colRow, `${h.colCourse} / ${h.colRule}`, h.colPeriods, h.colGrade, ...fed.map((p) => h.colFeeds(programName(ruleSet, p.programId, lang)))];
    const trs = rows.map((r) => {
      const periods = r.periods.value === null ? m.periodsUnknown : c.n(r.periods.value);
      const cells = [
        rowId(r),
        el(
          'td',
          {},
          course(r),
          r.match ? el('span', { class: 'rule' }, `→ ${t(ruleLabel(ruleSet, r.match.ruleId, lang))} ${el('span', { class: 'src' }, `(${t(m.matchedBy[r.match.by])})`)}`) : '',
          state === 'uncertain' ? el('span', { class: 'why' }, t(r.uncertain.map((u) => m.uncertain[u]).join('; '))) : '',
        ),
        el('td', { class: 'num' }, t(periods), r.periods.value === null ? '' : el('span', { class: 'src block' }, t(m.origin(r.periods)))),
        el('td', { class: 'num' }, t(gradeText(r, lang)), r.grade.status === 'exempt' || r.grade.status === 'uncertain' || r.grade.status === 'missing' ? el('span', { class: 'src block' }, t(m.grade(null, r.grade.status))) : ''),
        ...fed.map((p) => el('td', { class: 'small feeds' }, feeds(r, p.programId))),
      ];
      return el('tr', { 'data-row': r.rowId, 'data-state': state }, ...cells);
    });
    return el(
      'table',
      { class: `grid rows ${state}` },
      el('caption', {}, t(heading)),
      el('thead', {}, el('tr', {}, ...head.map((x) => el('th', { scope: 'col' }, t(x))))),
      el('tbody', {}, ...trs),
    );
  };
  const counted = result.rows.filter((r) => r.state === 'counted');
  const uncertain = result.rows.filter((r) => r.state === 'uncertain');
  const notCounted = result.rows.filter((r) => r.state === 'not-counted');
  const parts: string[] = [el('h2', {}, t(h.rowsHeading))];
  if (result.rows.length === 0) parts.push(el('p', {}, t(m.noRows)));
  if (counted.length) parts.push(usedTable(counted, 'counted', m.rowsCounted(counted.length).replace(/:$/, '')));
  if (uncertain.length) parts.push(usedTable(uncertain, 'uncertain', m.rowsUncertain(uncertain.length).replace(/:$/, '')));
  if (notCounted.length) {
    // rows that match no rule are most of a transcript and need no argument: one line each would fill pages, so
    // they share one cell; failed, duplicate and not-relevant rows keep a line and their reason
    const unmatched = notCounted.filter((r) => r.notCounted === 'unmatched');
    const others = notCounted.filter((r) => r.notCounted !== 'unmatched');
    const trs = others.map((r) =>
      el(
        'tr',
        { 'data-row': r.rowId, 'data-state': 'not-counted', 'data-reason': r.notCounted ?? null },
        rowId(r),
        el('td', {}, course(r)),
        el('td', { class: 'num' }, t(gradeText(r, lang))),
        el('td', { class: 'small' }, t(notCountedMessage(lang, r, ruleSet))),
      ),
    );
    if (unmatched.length) {
      const list = unmatched
        .map((r) => el('span', { class: 'item', 'data-row': r.rowId, 'data-state': 'not-counted', 'data-reason': 'unmatched' }, `${t(m.row(r.rowId))}\u00a0${t(r.name)}`))
        .join('; ');
      trs.push(
        el(
          'tr',
          { class: 'unmatched' },
          el('td', { colspan: 4 }, el('b', {}, t(h.unmatchedGroup(unmatched.length))), ' ', el('span', { class: 'muted' }, t(h.unmatchedWhy)), '<br>', list),
        ),
      );
    }
    parts.push(
      el(
        'table',
        { class: 'grid rows not-counted' },
        el('caption', {}, t(m.rowsNotCounted(notCounted.length).replace(/:$/, ''))),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t(h.colRow)), el('th', { scope: 'col' }, t(h.colCourse)), el('th', { scope: 'col' }, t(h.colGrade)), el('th', { scope: 'col' }, t(h.colReason)))),
        el('tbody', {}, ...trs),
      ),
    );
  }
  return el('section', { class: 'rows-section' }, ...parts);
}

function decisionsSection(c: Ctx, decisions: HtmlDecisions): string {
  const { h } = c;
  const head = [h.colCourse, h.colDecision, h.colReason, h.colBy, h.colDate, h.colMinutes];
  return el(
    'section',
    { class: 'decisions' },
    el('h2', {}, t(h.decisionsHeading)),
    el(
      'table',
      { class: 'grid' },
      el('thead', {}, el('tr', {}, ...head.map((x) => el('th', { scope: 'col' }, t(x))))),
      el(
        'tbody',
        {},
        ...decisions.applied.map((d) =>
          el('tr', { 'data-decision': '' }, el('td', {}, t(d.target)), el('td', {}, t(d.decision)), el('td', {}, t(d.reason)), el('td', {}, t(d.by)), el('td', {}, t(c.d(d.date))), el('td', {}, t(d.minutes ?? ''))),
        ),
      ),
    ),
  );
}

const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => String(x)) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * Notices, each caveat once: the unverified-data and effective-period caveats are said once and list the programs
 * they concern; every other notice is its own item. Every notice stays an element carrying its code.
 */
function noticesSection(c: Ctx, warnings: string[]): string {
  const { h, lang, ruleSet, result } = c;
  const items: string[] = [];
  const unverified = result.notices.filter((x) => x.code === 'unverified-rules');
  const outside = result.notices.filter((x) => x.code === 'outside-effective-period');
  const scope = (x: Notice) => (str(x.args.programId) ? programName(ruleSet, str(x.args.programId)!, lang) : ruleSet.name[lang]);
  if (outside.length) {
    const asOf = str(outside[0]!.args.asOf) ?? result.asOf;
    const ended = outside.some((x) => str(x.args.to) !== undefined && asOf > str(x.args.to)!);
    items.push(
      el(
        'li',
        { class: 'caveat' },
        t(h.outsideCaveat(c.d(asOf), ended)),
        el(
          'ul',
          {},
          ...outside.map((x) => {
            const from = str(x.args.from);
            const to = str(x.args.to);
            return el('li', { 'data-notice': x.code, 'data-program': str(x.args.programId) ?? null }, `${t(scope(x))}: ${t(h.period(from ? c.d(from) : undefined, to ? c.d(to) : undefined))}.`);
          }),
        ),
      ),
    );
  }
  if (unverified.length) {
    // the mapping rules are shared by the programs: named once, after what each program itself rests on
    const rules = [...new Set(unverified.flatMap((x) => strs(x.args.rules)))].map((r) => ruleLabel(ruleSet, r, lang));
    items.push(
      el(
        'li',
        { class: 'caveat' },
        t(h.unverifiedCaveat),
        el(
          'ul',
          {},
          ...unverified.map((x) => {
            const a = x.args;
            const parts = h.unverifiedParts({
              program: a.program === true,
              policy: a.policy === true,
              subjects: strs(a.subjects).length,
              lessons: strs(a.lessons).length,
              rules: [],
            });
            const uses = strs(a.rules).length ? h.unverifiedUsesRules(strs(a.rules).length) : '';
            return el('li', { 'data-notice': x.code, 'data-program': str(a.programId) ?? null }, t(h.unverifiedFor(scope(x), [parts, uses].filter(Boolean).join('; '))));
          }),
          rules.length ? el('li', { class: 'rules' }, t(h.unverifiedParts({ program: false, policy: false, subjects: 0, lessons: 0, rules }))) : '',
        ),
      ),
    );
  }
  for (const x of result.notices) {
    if (x.code === 'unverified-rules' || x.code === 'outside-effective-period') continue;
    const rowId = x.args.rowId;
    items.push(el('li', { 'data-notice': x.code, 'data-row': typeof rowId === 'number' ? rowId : null }, t(noticeMessage(lang, x, ruleSet))));
  }
  for (const w of warnings) items.push(el('li', { 'data-warning': '' }, t(w)));
  if (items.length === 0) return '';
  return el('section', { class: 'notices' }, el('h2', {}, t(h.noticesHeading)), el('ol', {}, ...items));
}

function signoffSection(c: Ctx): string {
  const { h } = c;
  const block = (who: string) => el('div', { class: 'sign' }, el('p', { class: 'date' }, t(h.dateLine)), el('p', { class: 'who' }, t(who)), el('p', { class: 'hint' }, t(h.signHint)));
  return el('section', { class: 'signoff' }, el('h2', {}, t(h.signoffHeading)), el('div', { class: 'signs' }, block(h.checker), block(h.approver)));
}

// ── style ────────────────────────────────────────────────────────────────────────────────────────────────

/** Screen and A4 print in one sheet: serif body as official papers use, tables that break between rows only. */
export const STYLE = `
:root { --ink: #111; --muted: #555; --line: #8c8c8c; --pass: #1d6b33; --fail: #a4161a; --review: #8a5a00; --cnt: #1f4e8c; --pos: #a9c2e6; }
* { box-sizing: border-box; }
html { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 11pt; color: var(--ink); background: #fff; }
body { max-width: 190mm; margin: 1.5em auto; padding: 0 1em; line-height: 1.25; }
h1 { font-size: 14pt; text-align: center; margin: .5em 0 0; letter-spacing: .02em; }
h2 { font-size: 11.5pt; margin: .8em 0 .3em; border-bottom: 1px solid var(--line); padding-bottom: .1em; }
p { margin: .25em 0; }
.letterhead { display: flex; justify-content: space-between; font-size: 10pt; }
.placedate { font-style: italic; }
.subtitle { text-align: center; font-style: italic; margin: 0 0 .5em; }
table { border-collapse: collapse; width: 100%; }
table.facts { font-size: 10pt; }
table.facts th { text-align: left; font-weight: normal; color: var(--muted); width: 32mm; white-space: nowrap; padding: 0 .6em 0 0; vertical-align: top; }
table.facts td { padding: 0; }
table.grid { font-size: 9pt; margin: .25em 0; line-height: 1.15; }
table.grid th, table.grid td { border: 1px solid var(--line); padding: .05em .25em; vertical-align: top; text-align: left; }
table.grid thead th { background: #ececec; font-weight: bold; }
table.grid caption { text-align: left; font-weight: bold; padding: .35em 0 .1em; font-size: 10pt; }
.num { text-align: right !important; white-space: nowrap; }
.small { font-size: 8.5pt; }
.muted, .src { color: var(--muted); }
.src { font-size: 8pt; }
.block { display: block; }
.rule { display: block; font-size: 8pt; }
.why { display: block; font-size: 8pt; color: var(--review); }
.rowid { white-space: nowrap; }
.cname { font-weight: bold; }
.per { color: var(--muted); }
.warn { color: var(--fail); font-weight: bold; }
.ok { color: var(--pass); font-weight: bold; white-space: nowrap; }
.ko { color: var(--fail); font-weight: bold; white-space: nowrap; }
.verdict { display: inline-block; font-weight: bold; font-size: 8.5pt; line-height: 1.2; padding: 0 .4em; border: 1.5px solid; border-radius: 2px; white-space: nowrap; font-family: "Liberation Sans", "DejaVu Sans", sans-serif; vertical-align: 1px; }
.verdict.pass { color: var(--pass); }
.verdict.fail { color: var(--fail); }
.verdict.review { color: var(--review); border-style: dashed; }
.lead { font-weight: bold; }
td.v { white-space: nowrap; }
figure { margin: .2em 0; }
.legend { font-size: 8pt; color: var(--muted); margin: 0; }
.legend > span { margin-right: 1.1em; white-space: nowrap; }
svg .req { fill: #fff; stroke: #444; stroke-width: 1; }
svg .pos { fill: var(--pos); }
svg .cnt { fill: var(--cnt); }
svg .min { stroke: var(--fail); stroke-width: 2; }
svg.sw { vertical-align: -1px; }
table.subjects th[scope=row] { font-weight: normal; }
td.barcell { width: ${BAR_W + 8}px; vertical-align: middle; padding-top: 0; padding-bottom: 0; }
svg.bar { display: block; }
tr.total th, tr.total td { font-weight: bold !important; border-top: 1.5px solid #444; }
.review-box { border-left: 3px solid var(--review); padding: 0 .6em; margin: .25em 0; font-size: 9.5pt; }
.review-box ul { margin: 0 0 .1em 1.2em; padding: 0; }
.lessons-head { font-size: 9pt; margin: .3em 0 .1em; }
.lesson-key { white-space: nowrap; margin-left: .7em; color: var(--muted); }
table.lesson-grid { font-size: 8pt; }
table.lesson-grid th { text-align: left; font-weight: normal; width: 34%; padding: .05em .4em .05em 0; vertical-align: middle; }
table.lesson-grid ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 2px; }
.lesson { border: 1px solid var(--line); padding: 0 .3em; min-width: 12mm; white-space: nowrap; }
.lesson.covered { background: #dbe6f5; border-color: var(--cnt); font-weight: bold; }
.lesson.uncertain { background: #f6ebcf; border-color: var(--review); border-style: dashed; }
.lesson.missing { color: var(--fail); }
tr.group th { background: #f4f4f4; }
tr.group .plain { font-weight: normal; margin-left: .3em; }
.feeds { font-size: 8pt; }
tr.unmatched td { font-size: 8pt; }
tr.unmatched .item { white-space: nowrap; }
.notices ol { margin: .2em 0 .2em 1.4em; padding: 0; font-size: 9pt; }
.notices li { margin: .1em 0; }
.notices ul { margin: 0 0 0 1.1em; padding: 0; }
.signs { display: flex; justify-content: space-around; text-align: center; margin-top: .3em; }
.sign { width: 45%; min-height: 24mm; }
.sign .date { font-style: italic; font-size: 10pt; margin: 0; }
.sign .who { font-weight: bold; margin: .2em 0 0; }
.sign .hint { font-style: italic; font-size: 9pt; color: var(--muted); margin: 0; }
@media print {
  @page { size: A4 portrait; margin: 10mm 10mm 10mm 13mm; }
  html { font-size: 8.6pt; }
  table.grid { font-size: 7.3pt; }
  table.grid caption { font-size: 9pt; }
  body { max-width: none; margin: 0; padding: 0; }
  h2, caption, .legend, .lessons-head { break-after: avoid; }
  tr, .review-box, figure, .lessons, .signoff, .conclusion { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
