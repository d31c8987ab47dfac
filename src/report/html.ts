// The printable report of one check: a self-contained HTML document (inline CSS and SVG, no script, no network).

import type { CheckResult, Notice, ProgramResult, RowOutcome, SubjectEvaluation, Verdict } from '../coverage/types.js';
import { requiredPassed } from '../coverage/required.js';
import type { RuleSet } from '../rules/types.js';
import type { Person } from '../transcript/types.js';
import { date, flat, num, remember } from './format.js';
import { htmlMessages, type HtmlMessages } from './html-messages.js';
import { decisionAction } from './decisions.js';
import { findProgram, isImplicitLesson, lessonTitle, programName, ruleLabel, subjectName } from './lookup.js';
import { messages, notCountedMessage, type Messages } from './messages.js';
import { noticeKey, noticeText, wordedCache } from './notice-text.js';
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
//
// Written as one string, section by section, with `+` (V8 links the parts and copies them once, when the page is
// written): no element helper, attribute objects or arrays of cells on the paths every dossier takes. What depends
// on the language only (headings, table heads, the legend, the sign-off block, the page's shell) is made once per
// language; what depends on the rule set too (program, subject and lesson names, lesson cells) once per rule set.

const VERDICT_CLASS: Record<Verdict, string> = { PASS: 'pass', FAIL: 'fail', REVIEW: 'review' };

export function verdictBadge(lang: Lang, v: Verdict): string {
  return (BADGES[lang] ??= {})[v] ??= flat(el('span', { class: `verdict ${VERDICT_CLASS[v]}` }, t(messages(lang).verdict[v])));
}

/** Badges by language and verdict: a report shows several, always the same few. */
const BADGES: Partial<Record<Lang, Partial<Record<Verdict, string>>>> = {};

/** The fixed pieces of a report in one language, escaped. */
interface Fixed {
  headStart: string;
  conclusionStart: string;
  conclusionHead: string;
  conclusionHeadDecided: string;
  notDecided: string;
  legend: string;
  subjectsHeadCourse: string;
  subjectsHeadPerSubject: string;
  optional: string;
  subjectPass: string;
  subjectFail: string;
  lessonKey: string;
  shortfallStart: string;
  rowsStart: string;
  noRows: string;
  usedHeadStart: string;
  notCountedHead: string;
  unmatchedWhy: string;
  noticesStart: string;
  signoff: string;
  /** the page's shell: up to the title's text, up to the running header, up to the footer, the rest */
  pageStart: string;
  pageAfterTitle: string;
  pageAfterRunning: string;
  pageAfterFooter: string;
}

const FIXED: Partial<Record<Lang, Fixed>> = {};

const th = (x: string) => `<th scope="col">${t(x)}</th>`;

function fixed(lang: Lang): Fixed {
  const cached = FIXED[lang];
  if (cached !== undefined) return cached;
  const m = messages(lang);
  const h = htmlMessages(lang);
  const subjectsHead = (course: boolean) => {
    const head = [m.col.subject, m.col.periods, ...(course ? [] : [m.col.minimum]), m.col.counted, h.colPossible, m.col.missing, course ? m.col.lessons : m.col.result, ''];
    return `<thead><tr>${head.map((x, i) => (i === 0 || i === head.length - 1 ? th(x) : `<th scope="col" class="num">${t(x)}</th>`)).join('')}</tr></thead>`;
  };
  const sw = (cls: string) => `<svg class="sw" width="18" height="10" viewBox="0 0 18 10" aria-hidden="true"><rect class="${cls}" x="1" y="1" width="16" height="8"/></svg>`;
  const tick = '<svg class="sw" width="8" height="10" viewBox="0 0 8 10" aria-hidden="true"><line class="min" x1="4" y1="0" x2="4" y2="10"/></svg>';
  const legendItems = [`${sw('req')} ${t(h.legend.required)}`, `${sw('cnt')} ${t(h.legend.counted)}`, `${sw('pos')} ${t(h.legend.possible)}`, `${tick} ${t(h.legend.minimum)}`];
  const block = (who: string) => `<div class="sign"><p class="date">${t(h.dateLine)}</p><p class="who">${t(who)}</p><p class="hint">${t(h.signHint)}</p></div>`;
  // the page's shell around its three variable parts (title, running header, footer): see pageStart
  const MARK_TITLE = '\u0000title\u0000';
  const MARK_RUNNING = '\u0000running\u0000';
  const MARK_FOOTER = '\u0000footer\u0000';
  const shell = pageStartWith(lang, MARK_TITLE, MARK_RUNNING, MARK_FOOTER);
  const f: Fixed = {
    headStart:
      `<header class="doc-head"><div class="letterhead"><span>${t(h.unit)}</span><span class="placedate">${t(h.placeDate)}</span></div>` +
      `<h1>${t(h.docTitle)}</h1><p class="subtitle">${t(m.title.toLocaleLowerCase(lang).replace(/^./u, (x) => x.toLocaleUpperCase(lang)))}</p><table class="facts"><tbody>`,
    conclusionStart: `<section class="conclusion"><h2>${t(h.conclusionHeading)}</h2><p class="lead">`,
    conclusionHead: `<table class="grid"><thead><tr>${[h.colProgram, h.colComputed, h.colBasis].map(th).join('')}</tr></thead><tbody>`,
    conclusionHeadDecided: `<table class="grid"><thead><tr>${[h.colProgram, h.colComputed, h.colDecided, h.colBasis].map(th).join('')}</tr></thead><tbody>`,
    notDecided: `<span class="muted">${t(h.notDecided)}</span>`,
    legend: `<p class="legend">${legendItems.map((i) => `<span>${i}</span>`).join('')}</p>`,
    subjectsHeadCourse: subjectsHead(true),
    subjectsHeadPerSubject: subjectsHead(false),
    optional: `<span class="muted"> (${t(m.optional)})</span>`,
    subjectPass: `<span class="ok">${t(m.subjectPass)}</span>`,
    subjectFail: `<span class="ko">${t(m.subjectFail)}</span>`,
    lessonKey: LESSON_STATES.map((s) => `<span class="lesson-key ${s}">${LESSON_MARK[s]} ${t(h.lessonState[s])}</span>`).join(' '),
    shortfallStart: `<section class="shortfall"><h2>${t(h.shortfallHeading)}</h2><table class="grid"><tbody>`,
    rowsStart: `<section class="rows-section"><h2>${t(h.rowsHeading)}</h2>`,
    noRows: `<p>${t(m.noRows)}</p>`,
    usedHeadStart: `<thead><tr>${[h.colRow, `${h.colCourse} / ${h.colRule}`, h.colPeriods, h.colGrade].map(th).join('')}`,
    notCountedHead: `<thead><tr>${[h.colRow, h.colCourse, h.colGrade, h.colReason].map(th).join('')}</tr></thead>`,
    unmatchedWhy: `<span class="muted">${t(h.unmatchedWhy)}</span>`,
    noticesStart: `<section class="notices"><h2>${t(h.noticesHeading)}</h2><ol>`,
    signoff: `<section class="signoff"><h2>${t(h.signoffHeading)}</h2><div class="signs">${block(h.checker)}${block(h.approver)}</div></section>`,
    pageStart: `${shell.slice(0, shell.indexOf(MARK_TITLE))}${t(`${h.docTitle} — `)}`,
    pageAfterTitle: shell.slice(shell.indexOf(MARK_TITLE) + MARK_TITLE.length, shell.indexOf(MARK_RUNNING)),
    pageAfterRunning: shell.slice(shell.indexOf(MARK_RUNNING) + MARK_RUNNING.length, shell.indexOf(MARK_FOOTER)),
    pageAfterFooter: shell.slice(shell.indexOf(MARK_FOOTER) + MARK_FOOTER.length),
  };
  // kept flat, as is every piece made once (see flat)
  for (const k in f) f[k as keyof Fixed] = flat(f[k as keyof Fixed]);
  return (FIXED[lang] = f);
}

/** What a report shows of a rule set in one language, escaped: made once per rule set and language. */
interface Names {
  programs: Map<string, ProgramNames>;
  /** the facts line naming the rule set (with the result's rule set id and version, which are the rule set's own) */
  ruleSetLine: Map<string, string>;
  /** lesson cells by state, keyed by lesson id */
  cells: Record<LessonState, Map<string, string>>;
  /** conclusion sentences, keyed by the programs they name */
  conclusions: Map<string, string>;
}

interface ProgramNames {
  name: string;
  subjects: Map<string, string>;
  /** the lesson grid's lines: each subject (part) with the lessons worth listing; null until first needed */
  grid: { id: string; name: string; lessons: string[] }[] | null;
  /** rows of the subject table, keyed by the values they show (see subjectRow) */
  rows: Map<string, string>;
}

const NAMES = new WeakMap<RuleSet, Partial<Record<Lang, Names>>>();

function names(ruleSet: RuleSet, lang: Lang): Names {
  let byLang = NAMES.get(ruleSet);
  if (!byLang) NAMES.set(ruleSet, (byLang = {}));
  return (byLang[lang] ??= { programs: new Map(), ruleSetLine: new Map(), cells: { covered: new Map(), uncertain: new Map(), missing: new Map() }, conclusions: new Map() });
}

function programNames(c: Ctx, programId: string): ProgramNames {
  let p = c.names.programs.get(programId);
  if (p === undefined) {
    p = { name: flat(t(programName(c.ruleSet, programId, c.lang))), subjects: new Map(), grid: null, rows: new Map() };
    c.names.programs.set(programId, p);
  }
  return p;
}

function subjectNameHtml(c: Ctx, pn: ProgramNames, programId: string, subjectId: string): string {
  let s = pn.subjects.get(subjectId);
  if (s === undefined) {
    s = flat(t(subjectName(c.ruleSet, programId, subjectId, c.lang)));
    pn.subjects.set(subjectId, s);
  }
  return s;
}

interface Ctx {
  lang: Lang;
  m: Messages;
  h: HtmlMessages;
  f: Fixed;
  names: Names;
  ruleSet: RuleSet;
  result: CheckResult;
  programs: ProgramResult[];
  multiFile: boolean;
}

export function renderHtml(result: CheckResult, ruleSet: RuleSet, options: HtmlOptions): string {
  const lang = options.lang;
  const programs = [...result.programs].sort((a, b) => a.rank - b.rank);
  const files = options.files ?? [...new Set(result.rows.map((r) => r.source.file))];
  const c: Ctx = {
    lang,
    m: messages(lang),
    h: htmlMessages(lang),
    f: fixed(lang),
    names: names(ruleSet, lang),
    ruleSet,
    result,
    programs,
    multiFile: multiFile(result.rows),
  };
  const decisions = options.decisions ?? decisionsOf(result, ruleSet, lang);
  const dossier = options.dossier ?? options.person?.id ?? files.map((f) => (f === '-' ? c.m.stdin : f)).join(', ');
  let body = `${documentHead(c, options, files, dossier)}\n${conclusionSection(c, decisions)}\n`;
  for (let i = 0; i < programs.length; i++) body += `${programSection(c, programs[i]!, i + 1)}\n`;
  body += `${shortfallSection(c)}\n${rowsSection(c)}\n${decisions && decisions.applied.length ? decisionsSection(c, decisions) : ''}\n${noticesSection(c, options.warnings ?? [])}\n${c.f.signoff}`;
  const f = c.f;
  const footer = cssString(options.toolVersion ? c.h.footerTool(options.toolVersion) : 'llct');
  return `${f.pageStart}${t(dossier)}${f.pageAfterTitle}${cssString(dossier)}${f.pageAfterRunning}${footer}${f.pageAfterFooter}${body}\n${PAGE_END}`;
}

/** Whether the rows come from more than one file. */
function multiFile(rows: readonly RowOutcome[]): boolean {
  for (let i = 1; i < rows.length; i++) if (rows[i]!.source.file !== rows[0]!.source.file) return true;
  return false;
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
  return pageStartWith(lang, t(title), cssString(running), cssString(toolVersion ? h.footerTool(toolVersion) : 'llct'), extraStyle, runningLeft);
}

/** pageStart with its title, running header and footer given as they are written (escaped). */
function pageStartWith(lang: Lang, title: string, running: string, footer: string, extraStyle = '', runningLeft?: string): string {
  const h = htmlMessages(lang);
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
${STYLE}${extraStyle}
@page {
  @top-left { content: ${cssString(runningLeft ?? h.docTitle)}; }
  @top-right { content: ${running}; }
  @bottom-left { content: ${footer}; }
  @bottom-right { content: ${cssString(h.page)} " " counter(page) " ${h.of} " counter(pages); }
}
</style>
</head>
<body>
`;
}

/** A row of the facts table; `value` is HTML. */
const fact = (key: string, value: string) => `<tr><th scope="row">${t(key)}</th><td>${value}</td></tr>`;

function documentHead(c: Ctx, options: HtmlOptions, files: string[], dossier: string): string {
  const { h, m, result, ruleSet } = c;
  const person = options.person;
  let out = c.f.headStart;
  let personBits = '';
  if (typeof person?.name === 'string' && person.name) personBits = `<strong>${t(person.name)}</strong>`;
  if (typeof person?.birthDate === 'string' && person.birthDate) personBits += `${personBits ? ' · ' : ''}${t(h.birthDate)}: ${t(date(c.lang, person.birthDate))}`;
  if (typeof person?.id === 'string' && person.id && person.id !== dossier) personBits += `${personBits ? ' · ' : ''}${t(h.personId)}: ${t(person.id)}`;
  if (personBits) out += fact(m.person, personBits);
  if (typeof person?.unit === 'string' && person.unit) out += fact(h.personUnit, t(person.unit));
  out += fact(h.dossier, `<strong>${t(dossier)}</strong>`);
  let fileList = '';
  for (let i = 0; i < files.length; i++) fileList += `${i ? ', ' : ''}<span class="file">${t(files[i] === '-' ? m.stdin : files[i]!)}</span>`;
  out += fact(m.files, fileList);
  const ruleSetKey = `${result.ruleSet.id}\u0000${result.ruleSet.version}`;
  let ruleSetLine = c.names.ruleSetLine.get(ruleSetKey);
  if (ruleSetLine === undefined) {
    ruleSetLine = flat(fact(m.ruleSet, `${t(ruleSet.name[c.lang])} — <code>${t(result.ruleSet.id)}</code>, ${t(m.version)} ${t(result.ruleSet.version)}`));
    c.names.ruleSetLine.set(ruleSetKey, ruleSetLine);
  }
  out += ruleSetLine;
  out += fact(m.asOf, `<strong>${t(date(c.lang, result.asOf))}</strong>`);
  let outside = false;
  for (const x of result.notices) if (x.code === 'outside-effective-period') outside = true;
  const period = t(h.period(ruleSet.effective.from ? date(c.lang, ruleSet.effective.from) : undefined, ruleSet.effective.to ? date(c.lang, ruleSet.effective.to) : undefined));
  out += fact(h.effective, outside ? `<span class="warn" data-effective="outside">${h.effectiveOut(period)}</span>` : `<span data-effective="inside">${h.effectiveIn(period)}</span>`);
  return `${out}</tbody></table></header>`;
}

function conclusionSentence(c: Ctx): string {
  const { m, programs, ruleSet, lang } = c;
  let highest: ProgramResult | undefined;
  let lastPassed: ProgramResult | undefined;
  for (const p of programs) {
    if (highest === undefined && p.programId === c.result.highestPassed) highest = p;
    if (p.verdict === 'PASS') lastPassed = p;
  }
  highest ??= lastPassed;
  // the sentence names programs only (a locale-aware upper case among them): made once per set of names
  let key = highest ? highest.programId : '';
  for (const p of programs) if (p.verdict === 'REVIEW' && (!highest || p.rank > highest.rank)) key += `\u0000${p.programId}`;
  let sentence = c.names.conclusions.get(key);
  if (sentence !== undefined) return sentence;
  const names = (ps: ProgramResult[]) => ps.map((p) => programName(ruleSet, p.programId, lang)).join(', ');
  if (highest) {
    const reviewAbove = programs.filter((p) => p.verdict === 'REVIEW' && p.rank > highest.rank);
    const line = m.conclusionPassed(programName(ruleSet, highest.programId, lang));
    sentence = reviewAbove.length ? `${line} ${m.conclusionReviewAbove(names(reviewAbove))}` : line;
  } else {
    const review = programs.filter((p) => p.verdict === 'REVIEW');
    sentence = review.length ? m.conclusionReview(names(review)) : m.conclusionNone;
  }
  sentence = flat(t(sentence));
  c.names.conclusions.set(key, sentence);
  return sentence;
}

/** The numbers a program's verdict rests on, in one short line (the pessimistic reading). */
function basis(c: Ctx, p: ProgramResult): string {
  const e = p.pessimistic;
  const lang = c.lang;
  if (p.policy === 'course') {
    return c.h.basisCourse({ counted: num(lang, e.periodsCounted), min: num(lang, p.minPeriods ?? 0), total: num(lang, p.totalPeriods), lessons: e.lessonsCovered, totalLessons: p.totalLessons, minLessons: p.minLessons ?? 0 });
  }
  const { passed, required } = requiredPassed(e);
  return c.h.basisPerSubject({ passed, required, counted: num(lang, e.periodsCounted), total: num(lang, p.totalPeriods) });
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
  const { f, lang } = c;
  let out = `${f.conclusionStart}${conclusionSentence(c)}</p>${decisions ? f.conclusionHeadDecided : f.conclusionHead}`;
  for (const p of c.programs) {
    const computed = computedOf(p);
    const decided = decisions?.verdicts[p.programId];
    out += `<tr data-program="${t(p.programId)}" data-verdict="${computed}"${decided ? ` data-decided="${t(decided)}"` : ''}><th scope="row">${programNames(c, p.programId).name}</th><td class="v">${verdictBadge(lang, computed)}</td>`;
    if (decisions) out += `<td class="v">${decided ? verdictBadge(lang, decided) : f.notDecided}</td>`;
    out += `<td>${t(basis(c, p))}</td></tr>`;
  }
  return `${out}</tbody></table></section>`;
}

// ── pictures ─────────────────────────────────────────────────────────────────────────────────────────────

const BAR_W = 130;
const BAR_H = 12;

/** Where a value falls on a bar of `scale` (pixels, one decimal). */
const barX = (v: number, scale: number): number => Math.round((Math.max(0, v) / scale) * (BAR_W - 2) * 10) / 10 + 1;
const barW = (v: number, scale: number): number => Math.max(0, barX(v, scale) - 1);

/**
 * One bar: the program's periods as an outline, possible periods as a tint, counted as solid, the minimum as a tick.
 * `which` is its data-subject or data-total attribute; the label is escaped once for both places.
 */
function bar(which: string, label: string, required: number, counted: number, possible: number, minimum: number | null, scale: number): string {
  return (
    `<svg class="bar" role="img" aria-label="${label}" width="${BAR_W}" height="${BAR_H}" viewBox="0 0 ${BAR_W} ${BAR_H}"${which}` +
    ` data-required="${required}" data-counted="${counted}" data-possible="${possible}"${minimum !== null ? ` data-minimum="${minimum}"` : ''}>` +
    `<title>${label}</title>` +
    `<rect class="req" x="1" y="2" width="${barW(required, scale)}" height="${BAR_H - 4}"/>` +
    (possible > counted ? `<rect class="pos" x="1" y="2" width="${barW(possible, scale)}" height="${BAR_H - 4}"/>` : '') +
    (counted > 0 ? `<rect class="cnt" x="1" y="2" width="${barW(counted, scale)}" height="${BAR_H - 4}"/>` : '') +
    (minimum !== null ? `<line class="min" x1="${barX(minimum, scale)}" y1="0" x2="${barX(minimum, scale)}" y2="${BAR_H}"/>` : '') +
    '</svg>'
  );
}

/** A number's cell, written out: a report has some per subject, and a formatted number needs no escaping. */
const numCell = (lang: Lang, v: number): string => `<td class="num">${num(lang, v)}</td>`;
/** A shortfall's cell: marked when something is missing. */
const missingCell = (lang: Lang, v: number): string => (v > 0 ? `<td class="num ko">${num(lang, v)}</td>` : `<td class="num">${num(lang, v)}</td>`);

/** The periods a subject may count with the uncertain rows (the optimistic reading), as the pessimistic one lacks it. */
function possibleOf(p: ProgramResult, s: SubjectEvaluation, i: number): number {
  const subjects = p.optimistic.subjects;
  const same = subjects[i];
  if (same !== undefined && same.subjectId === s.subjectId) return same.periodsCounted;
  for (let j = subjects.length - 1; j >= 0; j--) if (subjects[j]!.subjectId === s.subjectId) return subjects[j]!.periodsCounted;
  return s.periodsCounted;
}

/**
 * A row of a program's subject table: its name, numbers, result and bar. It depends on the values below alone (with
 * the program, rule set and language of `pn`), and most dossiers of a batch show the same few: written once per
 * set of values, then reused.
 */
function subjectRow(c: Ctx, pn: ProgramNames, programId: string, s: SubjectEvaluation, possible: number, scale: number, course: boolean): string {
  // String(n) tells apart every number a row shows differently (it reads 0 and -0 alike, as the row does); the id
  // comes last, after a fixed number of fields, so no id can make two keys meet
  const key =
    `${course ? `c${s.lessonsCovered.length}/${s.lessonsMissing.length}` : `s${s.pass}`}|${s.required}|${s.periodsRequired}|${s.periodsMinimum}|` +
    `${s.periodsCounted}|${possible}|${s.periodsMissing}|${scale}\u0000${s.subjectId}`;
  return pn.rows.get(key) ?? remember(pn.rows, key, writeSubjectRow(c, pn, programId, s, possible, scale, course));
}

function writeSubjectRow(c: Ctx, pn: ProgramNames, programId: string, s: SubjectEvaluation, possible: number, scale: number, course: boolean): string {
  const { h, f, lang } = c;
  const label = t(
    h.barTitle({
      subject: subjectName(c.ruleSet, programId, s.subjectId, lang),
      counted: num(lang, s.periodsCounted),
      possible: num(lang, possible),
      required: num(lang, s.periodsRequired),
      minimum: s.periodsMinimum === null ? null : num(lang, s.periodsMinimum),
    }),
  );
  const id = t(s.subjectId);
  return (
    `<tr data-subject="${id}"><th scope="row">${subjectNameHtml(c, pn, programId, s.subjectId)}${s.required ? '' : f.optional}</th>` +
    numCell(lang, s.periodsRequired) +
    (course ? '' : s.periodsMinimum === null ? '<td class="num"></td>' : numCell(lang, s.periodsMinimum)) +
    numCell(lang, s.periodsCounted) +
    numCell(lang, possible) +
    missingCell(lang, s.periodsMissing) +
    (course ? `<td class="num">${s.lessonsCovered.length}/${s.lessonsCovered.length + s.lessonsMissing.length}</td>` : `<td>${s.pass ? f.subjectPass : f.subjectFail}</td>`) +
    `<td class="barcell">${bar(` data-subject="${id}"`, label, s.periodsRequired, s.periodsCounted, possible, s.periodsMinimum, scale)}</td></tr>`
  );
}

function programSection(c: Ctx, p: ProgramResult, no: number): string {
  const { h, f, lang } = c;
  const pn = programNames(c, p.programId);
  const subjects = p.pessimistic.subjects;
  let scale = 1;
  for (let i = 0; i < subjects.length; i++) {
    const s = subjects[i]!;
    scale = Math.max(scale, Math.max(s.periodsRequired, s.periodsCounted, possibleOf(p, s, i)));
  }
  const course = p.policy === 'course';

  let rows = '';
  for (let i = 0; i < subjects.length; i++) rows += subjectRow(c, pn, p.programId, subjects[i]!, possibleOf(p, subjects[i]!, i), scale, course);
  if (course) {
    // the program as a whole against its minimum periods: the measure the verdict uses
    const counted = p.pessimistic.periodsCounted;
    const possible = p.optimistic.periodsCounted;
    const min = p.minPeriods ?? 0;
    const total = Math.max(1, p.totalPeriods, counted, possible);
    const label = t(h.barTitle({ subject: h.total, counted: num(lang, counted), possible: num(lang, possible), required: num(lang, p.totalPeriods), minimum: num(lang, min) }));
    rows +=
      `<tr class="total"><th scope="row">${t(h.total)}</th>` +
      numCell(lang, p.totalPeriods) +
      numCell(lang, counted) +
      numCell(lang, possible) +
      missingCell(lang, p.shortfall.periodsMissing) +
      `<td class="num">${p.pessimistic.lessonsCovered}/${p.totalLessons}</td>` +
      `<td class="barcell">${bar(` data-total="${t(p.programId)}"`, label, p.totalPeriods, counted, possible, min, total)}</td></tr>`;
  }
  const table = `<table class="grid subjects">${course ? f.subjectsHeadCourse : f.subjectsHeadPerSubject}<tbody>${rows}</tbody></table>`;

  const computed = computedOf(p);
  let out =
    `<section class="program" data-program="${t(p.programId)}" data-verdict="${p.verdict}"><h2>${t(h.programHeading(no, programName(c.ruleSet, p.programId, lang)))} ${verdictBadge(lang, p.verdict)}` +
    (p.verdict !== computed ? ` <span class="plain small">${t(h.colComputed)}: ${verdictBadge(lang, computed)}</span>` : '') +
    '</h2>';
  if (computed === 'REVIEW') out += reviewBox(c, p, course);
  out += `<figure>${no === 1 ? f.legend : ''}${table}</figure>`;
  if (course) out += lessonGrid(c, p, pn);
  return `${out}</section>`;
}

/** Why a program needs review: the rows that decide it, and its verdict without and with the uncertain rows. */
function reviewBox(c: Ctx, p: ProgramResult, course: boolean): string {
  const { m, lang } = c;
  let items = '';
  for (const id of p.decidingRows) {
    const r = c.result.rows.find((x) => x.rowId === id);
    if (!r) continue;
    const reasons = r.uncertain.map((u) => m.uncertain[u]);
    if (p.overlapRows.includes(id)) reasons.push(m.overlapReason);
    items += `<li data-deciding-row="${id}"><span class="rowid">${t(m.row(id))}</span> ${t(r.name)}: ${t(reasons.join('; '))}</li>`;
  }
  const ev = (e: ProgramResult['pessimistic']) =>
    course
      ? m.evalCourse({ counted: num(lang, e.periodsCounted), min: num(lang, p.minPeriods ?? 0), lessons: e.lessonsCovered, totalLessons: p.totalLessons })
      : m.evalPerSubject({ passed: e.subjects.filter((s) => s.required && s.pass).length, required: e.subjects.filter((s) => s.required).length });
  return (
    `<div class="review-box"><p>${t(m.reviewIntro)}</p><ul>${items}</ul><p class="readings">` +
    `${t(m.withoutUncertain)}: ${verdictBadge(lang, p.pessimistic.pass ? 'PASS' : 'FAIL')} — ${t(ev(p.pessimistic))}<br>` +
    `${t(m.withUncertain)}: ${verdictBadge(lang, p.optimistic.pass ? 'PASS' : 'FAIL')} — ${t(
      // the optimistic evaluation may carry no subject detail: fall back to the program's own numbers
      course || p.optimistic.subjects.length ? ev(p.optimistic) : m.evalPerSubject({ passed: 0, required: 0 }),
    )}</p></div>`
  );
}

/**
 * The lessons of a lesson-counted program, one line per subject (part): covered, uncertain (covered only when the
 * uncertain rows count) or not covered. Marks differ in shape too, so the grid reads in black and white.
 */
function lessonGrid(c: Ctx, p: ProgramResult, pn: ProgramNames): string {
  const def = findProgram(c.ruleSet, p.programId);
  // the lines depend on the rule set alone when the program is in it: made once
  let groups = def ? pn.grid : null;
  if (groups === null) {
    groups = (
      def
        ? def.subjects.map((s) => ({ id: s.id, lessons: s.lessons.map((l) => l.id) }))
        : p.pessimistic.subjects.map((s) => ({ id: s.subjectId, lessons: [...s.lessonsCovered, ...s.lessonsMissing] }))
    )
      .map((g) => ({ id: g.id, name: flat(`<tr data-subject="${t(g.id)}"><th scope="row">${subjectNameHtml(c, pn, p.programId, g.id)}</th><td><ul>`), lessons: g.lessons.filter((id) => !isImplicitLesson(c.ruleSet, id)) }))
      .filter((g) => g.lessons.length > 0);
    if (def) pn.grid = groups;
  }
  if (groups.length === 0) return '';
  const sure = new Set<string>();
  for (const s of p.pessimistic.subjects) for (const id of s.lessonsCovered) sure.add(id);
  const maybe = new Set<string>();
  for (const s of p.optimistic.subjects) for (const id of s.lessonsCovered) maybe.add(id);
  let covered = 0;
  let uncertain = 0;
  let total = 0;
  let lines = '';
  for (const g of groups) {
    lines += g.name;
    for (const id of g.lessons) {
      const s: LessonState = sure.has(id) ? 'covered' : maybe.has(id) ? 'uncertain' : 'missing';
      if (s === 'covered') covered++;
      else if (s === 'uncertain') uncertain++;
      total++;
      lines += lessonCell(c, s, id);
    }
    lines += '</ul></td></tr>';
  }
  return (
    `<div class="lessons"><p class="lessons-head">${t(c.h.lessonsHeading({ covered, uncertain, total, min: p.minLessons ?? 0 }))} ${c.f.lessonKey}</p>` +
    `<table class="lesson-grid"><tbody>${lines}</tbody></table></div>`
  );
}

/** A lesson's cell: it depends on the rule set, the language and its state only, so it is made once, then reused. */
function lessonCell(c: Ctx, s: LessonState, id: string): string {
  const cells = c.names.cells[s];
  let html = cells.get(id);
  if (html === undefined) {
    const title = lessonTitle(c.ruleSet, id, c.lang);
    html = flat(`<li class="lesson ${s}" data-lesson="${t(id)}" data-state="${s}" title="${t(`${title} — ${c.h.lessonState[s]}`)}">${LESSON_MARK[s]}\u00a0${t(id)}</li>`);
    cells.set(id, html);
  }
  return html;
}

type LessonState = 'covered' | 'uncertain' | 'missing';
const LESSON_STATES: readonly LessonState[] = ['covered', 'uncertain', 'missing'];
const LESSON_MARK: Record<LessonState, string> = { covered: '■', uncertain: '◩', missing: '□' };

// ── tables ───────────────────────────────────────────────────────────────────────────────────────────────

/** What is surely missing, one row per program: the subjects short of periods, the lessons not covered (by title). */
function shortfallSection(c: Ctx): string {
  const { h, lang, ruleSet } = c;
  let out = c.f.shortfallStart;
  for (const p of c.programs) {
    const course = p.policy === 'course';
    const pn = programNames(c, p.programId);
    const short = p.shortfall.subjects.filter((s) => s.periodsMissing > 0 || s.lessonsMissing.some((id) => !isImplicitLesson(ruleSet, id)));
    const computed = computedOf(p);
    const nothing = computed === 'PASS' || (p.shortfall.periodsMissing === 0 && p.shortfall.lessonsMissing === 0 && short.length === 0);
    const summary = nothing ? h.shortfallNone : h.shortfallProgram({ periods: num(lang, p.shortfall.periodsMissing), lessons: p.shortfall.lessonsMissing, course });
    out += `<tr class="group" data-program="${t(p.programId)}"><th scope="rowgroup">${pn.name} ${verdictBadge(lang, computed)} <span class="plain">${t(summary)}</span></th></tr>`;
    if (nothing) continue;
    let details = '';
    for (const s of short) {
      if (course) {
        for (const id of s.lessonsMissing) {
          if (isImplicitLesson(ruleSet, id)) continue;
          details += `${details ? '; ' : ''}<span data-missing-lesson="${t(id)}"><b>${t(id)}</b> ${t(lessonTitle(ruleSet, id, lang))}</span>`;
        }
      } else {
        details += `${details ? '; ' : ''}<span data-shortfall="${t(s.subjectId)}">${subjectNameHtml(c, pn, p.programId, s.subjectId)} <b>${num(lang, s.periodsMissing)}</b></span>`;
      }
    }
    if (details) out += `<tr class="detail"><td class="small">${details}</td></tr>`;
  }
  return `${out}</tbody></table></section>`;
}

function gradeText(r: RowOutcome, lang: Lang): string {
  const g = r.grade;
  const text = g.value !== null && (g.scale === '10' || g.scale === '4') ? num(lang, g.value) : g.text;
  return text ?? '—';
}

/** Where a row comes from, as the rows tables show it. */
function rowWhere(c: Ctx, r: RowOutcome): string {
  const s = r.source;
  if (s.sheet !== undefined) return c.m.where(c.multiFile ? s.file : '', s.line, undefined, s.sheet).replace(/^, /u, '');
  if (s.line !== undefined) return c.multiFile ? `${s.file}:${s.line}` : c.h.line(s.line);
  return c.m.where(s.file, undefined, s.path);
}

/** A row's course: its name, then its code and where it comes from. */
function rowCourse(c: Ctx, r: RowOutcome): string {
  const where = rowWhere(c, r);
  const src = r.code ? (where ? `${r.code} · ${where}` : r.code) : where;
  return `<span class="cname">${t(r.name)}</span> <span class="src">${t(src)}</span>`;
}

const rowIdCell = (c: Ctx, r: RowOutcome): string => `<td class="rowid">${t(c.m.row(r.rowId))}</td>`;

/** The lessons a row feeds in one program, with their periods. */
function feeds(c: Ctx, r: RowOutcome, programId: string): string {
  const k = r.contributions.find((x) => x.programId === programId);
  if (!k) return '';
  let out = '';
  for (let i = 0; i < k.lessons.length; i++) {
    const l = k.lessons[i]!;
    out += `${i ? ', ' : ''}${t(l.lessonId)}${l.periods === null ? '' : ` <span class="per">${t(num(c.lang, l.periods))}</span>`}`;
  }
  return out;
}

/** The table of the counted or the uncertain rows, with a column per program the used rows feed. */
function usedTable(c: Ctx, rows: RowOutcome[], state: 'counted' | 'uncertain', heading: string, fed: ProgramResult[]): string {
  const { m, lang, ruleSet } = c;
  let out = `<table class="grid rows ${state}"><caption>${t(heading)}</caption>${c.f.usedHeadStart}`;
  for (const p of fed) out += th(c.h.colFeeds(programName(ruleSet, p.programId, lang)));
  out += '</tr></thead><tbody>';
  for (const r of rows) {
    const status = r.grade.status;
    out +=
      `<tr data-row="${r.rowId}" data-state="${state}">${rowIdCell(c, r)}<td>${rowCourse(c, r)}` +
      (r.match ? `<span class="rule">→ ${t(ruleLabel(ruleSet, r.match.ruleId, lang))} <span class="src">(${t(m.matchedBy[r.match.by])})</span></span>` : '') +
      (state === 'uncertain' ? `<span class="why">${t(r.uncertain.map((u) => m.uncertain[u]).join('; '))}</span>` : '') +
      '</td>' +
      (r.periods.value === null
        ? `<td class="num">${t(m.periodsUnknown)}</td>`
        : `<td class="num">${t(num(lang, r.periods.value))}<span class="src block">${t(m.origin(r.periods))}</span></td>`) +
      `<td class="num">${t(gradeText(r, lang))}${status === 'exempt' || status === 'uncertain' || status === 'missing' ? `<span class="src block">${t(m.grade(null, status))}</span>` : ''}</td>`;
    for (const p of fed) out += `<td class="small feeds">${feeds(c, r, p.programId)}</td>`;
    out += '</tr>';
  }
  return `${out}</tbody></table>`;
}

function rowsSection(c: Ctx): string {
  const { h, m, lang, ruleSet, result } = c;
  const counted: RowOutcome[] = [];
  const uncertain: RowOutcome[] = [];
  const notCounted: RowOutcome[] = [];
  for (const r of result.rows) (r.state === 'counted' ? counted : r.state === 'uncertain' ? uncertain : notCounted).push(r);
  let out = c.f.rowsStart;
  if (result.rows.length === 0) out += c.f.noRows;
  if (counted.length || uncertain.length) {
    // a column per program the used rows feed, so each cell stays short
    const fed = c.programs.filter((p) => result.rows.some((r) => r.state !== 'not-counted' && r.contributions.some((k) => k.programId === p.programId && k.lessons.length > 0)));
    if (counted.length) out += usedTable(c, counted, 'counted', m.rowsCounted(counted.length).replace(/:$/, ''), fed);
    if (uncertain.length) out += usedTable(c, uncertain, 'uncertain', m.rowsUncertain(uncertain.length).replace(/:$/, ''), fed);
  }
  if (notCounted.length) {
    // rows that match no rule are most of a transcript and need no argument: one line each would fill pages, so
    // they share one cell; failed, duplicate and not-relevant rows keep a line and their reason
    let others = '';
    let list = '';
    let unmatched = 0;
    for (const r of notCounted) {
      if (r.notCounted === 'unmatched') {
        list += `${unmatched ? '; ' : ''}<span class="item" data-row="${r.rowId}" data-state="not-counted" data-reason="unmatched">${t(m.row(r.rowId))}\u00a0${t(r.name)}</span>`;
        unmatched++;
        continue;
      }
      others +=
        `<tr data-row="${r.rowId}" data-state="not-counted"${r.notCounted !== null && r.notCounted !== undefined ? ` data-reason="${t(r.notCounted)}"` : ''}>` +
        `${rowIdCell(c, r)}<td>${rowCourse(c, r)}</td><td class="num">${t(gradeText(r, lang))}</td><td class="small">${t(notCountedMessage(lang, r, ruleSet))}</td></tr>`;
    }
    if (unmatched) others += `<tr class="unmatched"><td colspan="4"><b>${t(h.unmatchedGroup(unmatched))}</b> ${c.f.unmatchedWhy}<br>${list}</td></tr>`;
    out += `<table class="grid rows not-counted"><caption>${t(m.rowsNotCounted(notCounted.length).replace(/:$/, ''))}</caption>${c.f.notCountedHead}<tbody>${others}</tbody></table>`;
  }
  return `${out}</section>`;
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
          el('tr', { 'data-decision': '' }, el('td', {}, t(d.target)), el('td', {}, t(d.decision)), el('td', {}, t(d.reason)), el('td', {}, t(d.by)), el('td', {}, t(date(c.lang, d.date))), el('td', {}, t(d.minutes ?? ''))),
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
  let items = '';
  const unverified = result.notices.filter((x) => x.code === 'unverified-rules');
  const outside = result.notices.filter((x) => x.code === 'outside-effective-period');
  const scope = (x: Notice) => (str(x.args.programId) ? programName(ruleSet, str(x.args.programId)!, lang) : ruleSet.name[lang]);
  const programAttr = (x: Notice) => {
    const id = str(x.args.programId);
    return id === undefined ? '' : ` data-program="${t(id)}"`;
  };
  const d = (iso: string | undefined) => (iso ? date(lang, iso) : undefined);
  if (outside.length) {
    const asOf = str(outside[0]!.args.asOf) ?? result.asOf;
    const ended = outside.some((x) => str(x.args.to) !== undefined && asOf > str(x.args.to)!);
    items += `<li class="caveat">${t(h.outsideCaveat(date(lang, asOf), ended))}<ul>`;
    for (const x of outside) items += `<li data-notice="${t(x.code)}"${programAttr(x)}>${t(scope(x))}: ${t(h.period(d(str(x.args.from)), d(str(x.args.to))))}.</li>`;
    items += '</ul></li>';
  }
  if (unverified.length) {
    // the same few programs, parts and rules in most dossiers of a batch: made once per set of notices
    let key: string | null = 'html-unverified';
    for (const x of unverified) {
      const k = noticeKey(x);
      key = k === null || key === null ? null : `${key}\u0001${k}`;
    }
    if (key === null) items += unverifiedCaveat(c, unverified);
    else {
      const cache = wordedCache(ruleSet, lang);
      items += cache.get(key) ?? remember(cache, key, unverifiedCaveat(c, unverified));
    }
  }
  for (const x of result.notices) {
    if (x.code === 'unverified-rules' || x.code === 'outside-effective-period') continue;
    const rowId = x.args.rowId;
    items += `<li data-notice="${t(x.code)}"${typeof rowId === 'number' ? ` data-row="${rowId}"` : ''}>${t(noticeText(lang, x, ruleSet))}</li>`;
  }
  for (const w of warnings) items += `<li data-warning="">${t(w)}</li>`;
  if (items === '') return '';
  return `${c.f.noticesStart}${items}</ol></section>`;
}

/** The caveat on unverified data: what each program rests on, then the mapping rules they share, named once. */
function unverifiedCaveat(c: Ctx, unverified: Notice[]): string {
  const { h, lang, ruleSet } = c;
  const rules = [...new Set(unverified.flatMap((x) => strs(x.args.rules)))].map((r) => ruleLabel(ruleSet, r, lang));
  let out = `<li class="caveat">${t(h.unverifiedCaveat)}<ul>`;
  for (const x of unverified) {
    const a = x.args;
    const parts = h.unverifiedParts({
      program: a.program === true,
      policy: a.policy === true,
      subjects: strs(a.subjects).length,
      lessons: strs(a.lessons).length,
      rules: [],
    });
    const uses = strs(a.rules).length ? h.unverifiedUsesRules(strs(a.rules).length) : '';
    const id = str(a.programId);
    out += `<li data-notice="${t(x.code)}"${id === undefined ? '' : ` data-program="${t(id)}"`}>${t(h.unverifiedFor(noticeScope(c, x), parts && uses ? `${parts}; ${uses}` : parts || uses))}</li>`;
  }
  if (rules.length) out += `<li class="rules">${t(h.unverifiedParts({ program: false, policy: false, subjects: 0, lessons: 0, rules }))}</li>`;
  return `${out}</ul></li>`;
}

/** The program a notice concerns, or the rule set. */
const noticeScope = (c: Ctx, x: Notice): string => (str(x.args.programId) ? programName(c.ruleSet, str(x.args.programId)!, c.lang) : c.ruleSet.name[c.lang]);

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
