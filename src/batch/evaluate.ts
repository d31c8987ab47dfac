// One dossier, from its file contents to its outcome: metadata, merged transcript, check, summary row, reports.

import { checkTranscript } from '../coverage/check.js';
import type { CheckOptions, CheckResult } from '../coverage/types.js';
import { formatPlace, KnownError } from '../errors.js';
import { buildJsonReport } from '../report/json.js';
import type { Lang } from '../report/messages.js';
import { renderText } from '../report/text.js';
import type { RuleSet } from '../rules/types.js';
import { mergeTranscripts, parseTranscript, type ReadOptions } from '../transcript/parse.js';
import type { Person, Transcript } from '../transcript/types.js';
import type { Dossier } from './discover.js';
import { batchMessages } from './messages.js';
import { parseMetadata, type Metadata } from './metadata.js';
import { buildSummaryRow, statsEntry, unmatchedNames, type DossierFacts } from './summary.js';
import type { DossierError, DossierErrorCode, DossierOutcome } from './types.js';

/** A file of the dossier as read from disk: its bytes, or why it could not be read. */
export type FileRead = { file: string; bytes: Uint8Array } | { file: string; error: string };

export interface DossierFiles {
  dossier: Dossier;
  /** the dossier folder itself could not be listed */
  folderError?: string;
  metadata: FileRead | null;
  transcripts: FileRead[];
}

export interface EvaluateContext {
  ruleSet: RuleSet;
  /** check options shared by every dossier; `asOf` comes from each dossier's application date or `defaultAsOf` */
  check: Omit<CheckOptions, 'asOf'>;
  defaultAsOf: string;
  read: ReadOptions;
  lang: Lang;
  /** render the per-dossier report files (only with --out) */
  reports: boolean;
  toolVersion: string;
}

/** Version of the per-dossier JSON report wrapper (the check report inside carries its own). */
export const DOSSIER_REPORT_VERSION = 1;

class DossierFailure extends Error {
  constructor(readonly failure: DossierError) {
    super(failure.message.en);
  }
}

function fail(code: DossierErrorCode, vi: string, en: string): never {
  throw new DossierFailure({ code, message: { vi, en } });
}

function knownFailure(code: DossierErrorCode, e: KnownError): never {
  const where = formatPlace(e.file, e.place);
  const prefix = where ? `${where}: ` : '';
  fail(code, oneLine(prefix + e.vi), oneLine(prefix + e.message));
}

const oneLine = (s: string): string => s.replace(/\s*\n\s*/gu, ' ').trim();

const utf8 = new TextDecoder('utf-8', { fatal: true });

function readMetadata(read: FileRead): Metadata {
  if ('error' in read) {
    const b = { vi: batchMessages('vi'), en: batchMessages('en') };
    fail('unreadable', b.vi.unreadable(read.file, read.error), b.en.unreadable(read.file, read.error));
  }
  let text: string;
  try {
    text = utf8.decode(read.bytes);
  } catch {
    fail(
      'metadata-invalid',
      `${read.file}: tệp thông tin hồ sơ không phải UTF-8; lưu lại dưới dạng UTF-8`,
      `${read.file}: the metadata file is not UTF-8; save it as UTF-8`,
    );
  }
  try {
    return parseMetadata(text, read.file);
  } catch (e) {
    if (e instanceof KnownError) knownFailure('metadata-invalid', e);
    throw e;
  }
}

function readTranscripts(files: DossierFiles, read: ReadOptions): Transcript {
  if (files.transcripts.length === 0) {
    const name = files.dossier.name;
    fail('no-transcript', batchMessages('vi').noTranscript(name), batchMessages('en').noTranscript(name));
  }
  const list = files.transcripts.map((f) => {
    if ('error' in f) fail('unreadable', batchMessages('vi').unreadable(f.file, f.error), batchMessages('en').unreadable(f.file, f.error));
    try {
      return parseTranscript(f.bytes, f.file, read);
    } catch (e) {
      if (e instanceof KnownError) knownFailure('transcript-invalid', e);
      throw e;
    }
  });
  return list.length === 1 ? list[0]! : mergeTranscripts(list);
}

/** The person shown in reports: metadata wins over a transcript's own person block. */
function personOf(metadata: Metadata | null, transcript: Transcript | null): Person | undefined {
  const p: Person = { ...(transcript?.person ?? {}) };
  if (metadata?.id) p.id = metadata.id;
  if (metadata?.fullName) p.name = metadata.fullName;
  if (metadata?.birthDate) p.birthDate = metadata.birthDate;
  if (metadata?.unit) p.unit = metadata.unit;
  return Object.keys(p).length > 0 ? p : undefined;
}

/**
 * Evaluate one dossier. Never throws for bad input: every failure becomes the outcome's error, so a batch of N
 * dossiers always yields N summary rows. A bug inside the check is caught too and reported as `internal`.
 */
export function evaluateDossier(files: DossierFiles, ctx: EvaluateContext): DossierOutcome {
  const { dossier } = files;
  let metadata: Metadata | null = null;
  let transcript: Transcript | null = null;
  let result: CheckResult | null = null;
  let error: DossierError | null = null;
  let asOf: string | null = null;
  try {
    if (files.folderError !== undefined) {
      const b = { vi: batchMessages('vi'), en: batchMessages('en') };
      fail('unreadable', b.vi.unreadable(dossier.name, files.folderError), b.en.unreadable(dossier.name, files.folderError));
    }
    if (files.metadata) metadata = readMetadata(files.metadata);
    asOf = metadata?.applicationDate ?? ctx.defaultAsOf;
    transcript = readTranscripts(files, ctx.read);
    result = checkTranscript(transcript, ctx.ruleSet, { ...ctx.check, asOf });
  } catch (e) {
    if (e instanceof DossierFailure) error = e.failure;
    else {
      const detail = oneLine(e instanceof Error ? e.message : String(e));
      error = { code: 'internal', message: { vi: batchMessages('vi').internal(detail), en: batchMessages('en').internal(detail) } };
    }
    result = null;
  }

  const facts: DossierFacts = { dossier, metadata, transcript, result, error, asOf };
  const summary = buildSummaryRow(facts, ctx.lang);
  let reportJson: string | null = null;
  let reportText: string | null = null;
  if (ctx.reports) {
    const person = personOf(metadata, transcript);
    const report = result
      ? buildJsonReport(result, ctx.ruleSet, { files: dossier.transcripts, toolVersion: ctx.toolVersion, ...(person ? { person } : {}) })
      : null;
    // compact: thousands of these are written per batch; the .txt beside each is the one for reading
    reportJson = `${JSON.stringify({
      schemaVersion: DOSSIER_REPORT_VERSION,
      dossier: dossier.name,
      files: dossier.transcripts,
      metadata,
      error: error ? { code: error.code, message: error.message } : null,
      report,
    })}\n`;
    const head = `${ctx.lang === 'vi' ? 'Hồ sơ' : 'Dossier'}: ${dossier.name}\n`;
    reportText = result
      ? `${head}${renderText(result, ctx.ruleSet, { lang: ctx.lang, files: dossier.transcripts, ...(person ? { person } : {}) })}`
      : `${head}${batchMessages(ctx.lang).error} [${summary.error?.code}] ${summary.error?.message}\n`;
  }
  return { index: dossier.index, summary, stats: statsEntry(facts), unmatched: unmatchedNames(result), reportJson, reportText };
}
