// One dossier, from its file contents to its outcome: metadata, merged transcript, check, summary row, reports.

import { checkTranscript } from '../coverage/check.js';
import { decisionsFromBytes } from '../decisions/load.js';
import { decisionError } from '../decisions/messages.js';
import type { ReadProblem } from '../decisions/read.js';
import { DecisionRefused, type Decision } from '../decisions/types.js';
import { worklistRecords } from '../decisions/worklist.js';
import type { CheckOptions, CheckResult } from '../coverage/types.js';
import { formatPlace, InputError, KnownError } from '../errors.js';
import { fileWarningLine, warningText } from '../findings/dossier.js';
import { wordFinding, type Finding } from '../findings/words.js';
import { buildJsonReport } from '../report/json.js';
import { buildLeanReport } from '../report/json-lean.js';
import type { Lang } from '../lang.js';
import type { DossierFields, RuleSet } from '../rules/types.js';
import { HEADER_SEARCH_ROWS } from '../transcript/csv.js';
import { TooLargeError } from '../file-io.js';
import { osFailure } from '../fs-errors.js';
import { decodeText } from '../transcript/decode.js';
import { classifyHeader } from '../transcript/headers.js';
import { parseJsonTranscript } from '../transcript/json.js';
import { assertSamePerson, mergeTranscripts, parseTranscript, TooManyRowsError, useJsonReader, type ReadOptions } from '../transcript/parse.js';
import type { Person, Transcript } from '../transcript/types.js';
import { compareNames, inDossier, type Dossier } from './discover.js';
import { batchMessages, spreadsheetExtension } from './messages.js';
import { parseMetadata, type Metadata } from './metadata.js';
import { buildSummaryRow, fileWarnings, statsEntry, unmatchedNames, type DossierFacts } from './summary.js';
import type { DossierError, DossierErrorCode, DossierFileFormat, DossierOutcome, DossierReports } from './types.js';

// dossiers are parsed synchronously: the JSON reader (which a plain check loads only on need) is bound up front
useJsonReader(parseJsonTranscript);

/** A file of the dossier as read from disk: its bytes, or why it could not be read. */
export type FileRead = { file: string; bytes: Uint8Array } | { file: string; error: string; limitBytes?: number };

export interface DossierFiles {
  dossier: Dossier;
  /** the dossier folder itself could not be listed */
  folderError?: string;
  metadata: FileRead | null;
  transcripts: FileRead[];
  /** the dossier's own decisions files (decisions.csv / decisions.json), if any */
  decisions?: FileRead[];
}

/** One dossier's share of a batch-wide decisions file (`--decisions`): its decisions, or the first problem. */
export interface DossierDecisions {
  decisions: Decision[];
  problem: ReadProblem | null;
}

export interface EvaluateContext {
  ruleSet: RuleSet;
  /** check options shared by every dossier; `asOf` comes from each dossier's application date or `defaultAsOf` */
  check: Omit<CheckOptions, 'asOf'>;
  defaultAsOf: string;
  read: ReadOptions;
  lang: Lang;
  /** build each dossier's JSON record, its line of reports.jsonl (only with --out) */
  reports: boolean;
  /** the record holds the full check report (schemaVersion 2, every name and message written out) instead of the lean one */
  fullJson?: boolean;
  /** the per-dossier report files to render besides the record (`--reports`; a rules diff has no use for them) */
  files?: readonly DossierFileFormat[];
  toolVersion: string;
  /** the batch-wide decisions (`--decisions FILE`), by dossier name */
  decisions?: Record<string, DossierDecisions>;
  /** build each dossier's review worklist lines (with --out) */
  worklist?: boolean;
}

// The renderers of the per-dossier text and HTML files (`--reports`) load only when those files are asked for:
// a batch without them never pays for the modules (evaluation is synchronous, so they are loaded beforehand).
let textRenderer: typeof import('../report/text.js') | undefined;
let htmlRenderer: typeof import('../report/html.js') | undefined;

/** Load the renderers of the per-dossier files in `files`; `evaluateDossier` needs them loaded first. */
export async function loadFileRenderers(files: readonly DossierFileFormat[] | undefined): Promise<void> {
  if (files?.includes('text')) textRenderer ??= await import('../report/text.js');
  if (files?.includes('html')) htmlRenderer ??= await import('../report/html.js');
}

function loaded<T>(renderer: T | undefined, format: string): T {
  if (!renderer) throw new Error(`internal: the ${format} renderer was not loaded (loadFileRenderers)`);
  return renderer;
}

/**
 * Version of the per-dossier JSON record (the check report inside carries its own). 2: one line of reports.jsonl,
 * the report inside lean (schemaVersion 3) unless the full form is asked for.
 */
const DOSSIER_REPORT_VERSION = 2;

class DossierFailure extends Error {
  constructor(readonly failure: DossierError) {
    super(failure.message.en);
  }
}

/** A dossier error from a finding: one line in each language, with the finding's file and place in front. */
function dossierError(code: DossierErrorCode, f: Finding): DossierError {
  const where = formatPlace(f.file, f.place);
  const prefix = where ? `${where}: ` : '';
  return { code, message: { vi: oneLine(prefix + wordFinding(f, 'vi')), en: oneLine(prefix + wordFinding(f, 'en')) } };
}

function fail(code: DossierErrorCode, f: Finding): never {
  throw new DossierFailure(dossierError(code, f));
}

function knownFailure(code: DossierErrorCode, e: KnownError): never {
  fail(code, e.finding);
}

const oneLine = (s: string): string => s.replace(/\s*\n\s*/gu, ' ').trim();

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A file (or the dossier folder) that could not be read: `too-large` with its limit, else the OS reason. */
function failRead(file: string, error: string, limitBytes?: number): never {
  if (error === 'too-large') knownFailure('too-large', new TooLargeError(file, limitBytes ?? 0));
  fail('unreadable', { code: 'dossier-unreadable', args: { file, os: osFailure(error) } });
}

function readMetadata(read: FileRead, fields: DossierFields | undefined): Metadata {
  if ('error' in read) failRead(read.file, read.error, read.limitBytes);
  let text: string;
  try {
    text = utf8.decode(read.bytes);
  } catch {
    fail('metadata-invalid', { code: 'metadata-not-utf8', args: { file: read.file } });
  }
  try {
    // a loaded rule set always has a vocabulary (its own or the shipped one)
    if (!fields) throw new Error('the rule set has no dossier metadata vocabulary');
    return parseMetadata(text, read.file, fields);
  } catch (e) {
    if (e instanceof KnownError) knownFailure('metadata-invalid', e);
    throw e;
  }
}

const isTxt = (file: string): boolean => /\.txt$/iu.test(file);

/**
 * Whether a text file that did not parse still looks like a transcript: one of its first lines holds a
 * course-name column header ("Tên học phần", "Course"…). A notes file (`ghi-chu.txt`) does not.
 */
function looksLikeTranscript(bytes: Uint8Array, file: string, read: ReadOptions): boolean {
  let text: string;
  try {
    text = decodeText(bytes, file, read.encoding);
  } catch {
    return false;
  }
  const lines = text.split(/\r\n?|\n/u).filter((l) => l.trim() !== '').slice(0, HEADER_SEARCH_ROWS);
  return lines.some((line) => line.split(/[\t;,]/u).some((cell) => classifyHeader(cell.trim().replace(/^"|"$/gu, ''))?.field === 'name'));
}

interface ReadTranscripts {
  transcript: Transcript;
  /** the files read, relative to the batch folder */
  files: string[];
  /** `.txt` files that are not transcripts and were left out (the dossier had another transcript) */
  ignoredTxt: string[];
}

/**
 * Parse and merge the dossier's transcripts. A `.txt` file counts only when it parses as a transcript or at least
 * has a course-name header (Excel's "Unicode text" export is a tab-separated .txt); any other `.txt` (notes) is
 * left out with a warning when the dossier has another transcript, and fails the dossier when it is the only one.
 */
function readTranscripts(files: DossierFiles, read: ReadOptions): ReadTranscripts {
  const { dossier } = files;
  if (files.transcripts.length === 0) {
    const contents = { others: dossier.ignored.map((f) => inDossier(dossier, f)), nested: dossier.nested.map((f) => inDossier(dossier, f)) };
    fail('no-transcript', { code: 'no-transcript', args: { folder: dossier.name, ...contents } });
  }
  const list: Transcript[] = [];
  const used: string[] = [];
  const notes: { file: string; error: KnownError }[] = [];
  for (const f of files.transcripts) {
    if ('error' in f) failRead(f.file, f.error, f.limitBytes);
    try {
      list.push(parseTranscript(f.bytes, f.file, read));
      used.push(f.file);
    } catch (e) {
      if (!(e instanceof KnownError)) throw e;
      if (e instanceof TooManyRowsError) knownFailure('too-large', e);
      if (isTxt(f.file) && !looksLikeTranscript(f.bytes, f.file, read)) notes.push({ file: f.file, error: e });
      else knownFailure('transcript-invalid', e);
    }
  }
  if (list.length === 0) {
    // only notes: when the folder also holds a workbook or nested transcripts, that is the real story to tell
    if (dossier.nested.length > 0 || dossier.ignored.some((f) => spreadsheetExtension(f))) {
      const others = [...dossier.ignored, ...notes.map((n) => n.file)].sort(compareNames).map((f) => inDossier(dossier, f));
      const contents = { others, nested: dossier.nested.map((f) => inDossier(dossier, f)) };
      fail('no-transcript', { code: 'no-transcript', args: { folder: dossier.name, ...contents } });
    }
    knownFailure('transcript-invalid', notes[0]!.error);
  }
  return {
    transcript: list.length === 1 ? list[0]! : mergeTranscripts(list),
    files: used,
    ignoredTxt: notes.map((n) => n.file),
  };
}

/** The decisions about this dossier: the batch-wide file's, then its own files'; a problem in any fails the dossier. */
function dossierDecisions(files: DossierFiles, ctx: Pick<EvaluateContext, 'decisions'>): Decision[] {
  const name = files.dossier.name;
  const shared = ctx.decisions?.[name];
  if (shared?.problem) knownFailure('decisions-invalid', decisionError(shared.problem));
  const out = [...(shared?.decisions ?? [])];
  for (const f of files.decisions ?? []) {
    if ('error' in f) failRead(f.file, f.error, f.limitBytes);
    let read;
    try {
      read = decisionsFromBytes(f.bytes, f.file, { dossier: name });
    } catch (e) {
      if (e instanceof KnownError) knownFailure('decisions-invalid', e);
      throw e;
    }
    if (read.problems[0]) knownFailure('decisions-invalid', decisionError(read.problems[0]));
    out.push(...read.decisions.map((d) => d.decision));
  }
  return out;
}

/** The person shown in reports: metadata wins over a transcript's own person block. */
function personOf(metadata: Metadata | null, transcript: Transcript | null): Person | undefined {
  // Object.assign, not a spread: V8 (Node 20) is slow to add keys to an object made by a spread
  const p: Person = Object.assign({}, transcript?.person);
  if (metadata?.id) p.id = metadata.id;
  if (metadata?.fullName) p.name = metadata.fullName;
  if (metadata?.birthDate) p.birthDate = metadata.birthDate;
  if (metadata?.unit) p.unit = metadata.unit;
  return Object.keys(p).length > 0 ? p : undefined;
}

/** A line per file warning of a dossier (files not read), in words. */
function fileWarningLines(f: Pick<DossierFacts, 'dossier' | 'ignoredTxt'>, lang: Lang): string[] {
  return fileWarnings(f).map((w) => fileWarningLine(w, lang));
}

/** The first lines of a dossier's text report: its name, then a line per file warning (files not read). */
function reportHead(f: Pick<DossierFacts, 'dossier' | 'ignoredTxt'>, lang: Lang): string {
  const lines = [`${lang === 'vi' ? 'Hồ sơ' : 'Dossier'}: ${f.dossier.name}`, ...fileWarningLines(f, lang)];
  return `${lines.join('\n')}\n`;
}

/**
 * What one dossier is under one rule set: metadata, merged transcript and check result, or the error that stopped
 * it. Never throws for bad input (a bug inside the check becomes an `internal` error). `rules diff` calls it once per
 * rule set, so a diff always shows what batch would report.
 */
export function dossierFacts(files: DossierFiles, ctx: Pick<EvaluateContext, 'ruleSet' | 'check' | 'defaultAsOf' | 'read' | 'decisions'>): DossierFacts {
  const { dossier } = files;
  let metadata: Metadata | null = null;
  let transcript: Transcript | null = null;
  let result: CheckResult | null = null;
  let error: DossierError | null = null;
  let asOf: string | null = null;
  let used: string[] = [...dossier.transcripts];
  let ignoredTxt: string[] = [];
  try {
    if (dossier.kind === 'unsupported') {
      fail('unsupported-file', { code: 'unsupported-file', args: { name: dossier.name } });
    }
    if (files.folderError !== undefined) failRead(dossier.name, files.folderError);
    if (files.metadata) metadata = readMetadata(files.metadata, ctx.ruleSet.dossierFields);
    asOf = metadata?.applicationDate ?? ctx.defaultAsOf;
    const read = readTranscripts(files, ctx.read);
    transcript = read.transcript;
    used = read.files;
    ignoredTxt = read.ignoredTxt;
    // the person in metadata.json must be the person on the transcripts: never certify one on another's modules
    if (metadata && files.metadata) {
      const claimed = { ...(metadata.fullName ? { name: metadata.fullName } : {}), ...(metadata.birthDate ? { birthDate: metadata.birthDate } : {}) };
      try {
        assertSamePerson([{ person: claimed, files: [files.metadata.file] }, transcript]);
      } catch (e) {
        if (e instanceof InputError) knownFailure('person-mismatch', e);
        throw e;
      }
    }
    const decisions = dossierDecisions(files, ctx);
    try {
      // Object.assign, not a spread: V8 copies a spread followed by more keys slowly (once per dossier)
      result = checkTranscript(transcript, ctx.ruleSet, Object.assign({}, ctx.check, { asOf }), decisions);
    } catch (e) {
      if (e instanceof DecisionRefused) knownFailure('decisions-invalid', decisionError(e.refusal));
      throw e;
    }
  } catch (e) {
    error = e instanceof DossierFailure ? e.failure : internalError(e);
    result = null;
  }

  return { dossier, files: used, ignoredTxt, metadata, transcript, result, error, asOf };
}

/**
 * Evaluate one dossier. Never throws for bad input: every failure becomes the outcome's error, so a batch of N
 * dossiers always yields N summary rows. A bug inside the check is caught too and reported as `internal`.
 */
export function evaluateDossier(files: DossierFiles, ctx: EvaluateContext): DossierOutcome {
  return outcomeOf(dossierFacts(files, ctx), ctx);
}

/** A dossier that could not be evaluated at all (a bug, a worker that died): its one row and report files. */
export function failedOutcome(dossier: Dossier, error: DossierError, ctx: Omit<EvaluateContext, 'ruleSet'> & { ruleSet?: RuleSet }): DossierOutcome {
  const facts = { dossier, files: [...dossier.transcripts], ignoredTxt: [], metadata: null, transcript: null, result: null, error, asOf: null };
  return outcomeOf(facts, ctx);
}

/** The `internal` error of an unexpected failure, one line. */
export function internalError(e: unknown): DossierError {
  return dossierError('internal', { code: 'internal', args: { detail: oneLine(e instanceof Error ? e.message : String(e)) } });
}

/** The one envelope of a dossier's outcome, evaluated or failed: summary row, statistics entry, report files. */
function outcomeOf(facts: DossierFacts, ctx: Omit<EvaluateContext, 'ruleSet'> & { ruleSet?: RuleSet }): DossierOutcome {
  const { dossier, files: used, metadata, transcript, result, error } = facts;
  const summary = buildSummaryRow(facts, ctx.lang);
  const reports: DossierReports = {};
  if (ctx.reports) {
    const person = personOf(metadata, transcript);
    const meta = { files: used, toolVersion: ctx.toolVersion, ...(person ? { person } : {}) };
    const report = result && ctx.ruleSet ? (ctx.fullJson ? buildJsonReport(result, ctx.ruleSet, meta) : buildLeanReport(result, meta)) : null;
    // compact, one line: thousands of these go into reports.jsonl; the text and HTML reports are the ones for reading
    reports.json = `${JSON.stringify({
      schemaVersion: DOSSIER_REPORT_VERSION,
      dossier: dossier.name,
      files: used,
      metadata,
      warnings: summary.warnings.map(warningText),
      error: error ? { code: error.code, message: error.message } : null,
      report,
    })}\n`;
    if (ctx.files?.includes('text')) {
      const head = reportHead(facts, ctx.lang);
      reports.text =
        result && ctx.ruleSet
          ? `${head}${loaded(textRenderer, 'text').renderText(result, ctx.ruleSet, { lang: ctx.lang, files: used, ...(person ? { person } : {}) })}`
          : `${head}${batchMessages(ctx.lang).error} [${summary.error?.code}] ${summary.error?.message}\n`;
    }
    if (ctx.files?.includes('html')) {
      const warnings = fileWarningLines(facts, ctx.lang);
      const { renderHtml, renderHtmlError } = loaded(htmlRenderer, 'html');
      reports.html =
        result && ctx.ruleSet
          ? renderHtml(result, ctx.ruleSet, { lang: ctx.lang, files: used, dossier: dossier.name, toolVersion: ctx.toolVersion, warnings, ...(person ? { person } : {}) })
          : renderHtmlError(ctx.lang, dossier.name, summary.error ?? { code: 'internal', message: '' }, warnings, ctx.toolVersion);
    }
  }
  const review =
    ctx.worklist && result && ctx.ruleSet
      ? worklistRecords(result, ctx.ruleSet, {
          dossier: dossier.name,
          person: summary.name,
          lang: ctx.lang,
          fileShown: (f) => inDossier(dossier, f),
        })
      : undefined;
  return { index: dossier.index, summary, stats: statsEntry(facts), unmatched: unmatchedNames(result), reports, ...(review ? { review } : {}) };
}
