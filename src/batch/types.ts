// The values a batch passes around: one dossier's outcome, its summary row, and what statistics need from it.

import type { DossierWarning } from '../findings/dossier.js';
import type { Verdict } from '../coverage/types.js';
import type { Format } from '../report/formats.js';
import type { Metadata } from './metadata.js';
import type { PackedLines, SheetRows } from './lines.js';

/** Why a dossier could not be evaluated. */
export type DossierErrorCode =
  | 'no-transcript' // a dossier folder with no transcript file
  | 'unreadable' // a file or folder that cannot be read from disk
  | 'metadata-invalid' // metadata.json is not valid JSON or breaks the schema
  | 'transcript-invalid' // a transcript that does not parse (encoding, CSV/JSON syntax, missing columns…)
  | 'unsupported-file' // a file directly in the batch folder that is not a transcript (an Excel workbook, a scan)
  | 'person-mismatch' // metadata.json and the transcript (or two transcripts) name different people
  | 'decisions-invalid' // an officer decision that cannot be read or cannot apply (row changed, unknown rule, contradiction…)
  | 'too-large' // a file over --max-file-size, or a transcript over --max-rows
  | 'worker-died' // the worker thread checking it stopped (out of memory…): replaced, and the batch goes on
  | 'internal'; // an unexpected failure (a bug): reported, and the batch goes on

export interface DossierError {
  code: DossierErrorCode;
  /** one line, with the file and place where known */
  message: { vi: string; en: string };
}

/** One level (program) of a dossier's summary row. */
export interface LevelSummary {
  programId: string;
  /** the final verdict (the officer's where a decision settles it) */
  verdict: Verdict;
  /** the verdict computed from the transcripts alone */
  verdictComputed: Verdict;
  /** periods surely counted (pessimistic evaluation) */
  periods: number;
  /** periods counted when the uncertain rows count too */
  periodsOptimistic: number;
  /** course policy: the minimum periods; per-subject: the program's total periods */
  periodsRequired: number;
  lessons: number;
  /** course policy: the minimum lessons; per-subject: the program's total lessons */
  lessonsRequired: number;
  /** the program's number of lessons */
  lessonsTotal: number;
  /** per-subject policy: required subjects that pass / all required subjects (null under the course policy) */
  subjectsPassed: number | null;
  subjectsRequired: number | null;
  /** what is missing, in one short phrase (empty on PASS) */
  shortfall: string;
  /** REVIEW: the rows (ids in the merged transcript) that decide it */
  decidingRows: number[];
}

/** One row of summary.csv / summary.json: one per dossier, always, whether it could be evaluated or not. */
export interface SummaryRow {
  /** position in the sorted batch, from 1 */
  no: number;
  dossier: string;
  id: string | null;
  name: string | null;
  files: string[];
  asOf: string | null;
  highestPassed: string | null;
  levels: LevelSummary[];
  rows: number;
  unmatchedRows: number;
  /** officer decisions applied */
  decisions: number;
  /** in the summary files as `code` or `code: files` (warningText) */
  warnings: DossierWarning[];
  error: { code: DossierErrorCode; message: string } | null;
}

/** What the statistics table needs from one dossier. */
export interface StatsEntry {
  metadata: Metadata | null;
  evaluated: boolean;
  /** program id of the highest level passed, or null */
  highestPassed: string | null;
  /** some checked level above the highest one passed is REVIEW: the officer's decision may still raise it */
  review: boolean;
  /** an officer's decision made some final verdict differ from the computed one */
  decided?: boolean;
}

/** One distinct unmatched course name within a dossier. */
export interface UnmatchedName {
  key: string;
  /** the name as first written in the dossier */
  name: string;
}

/** One evaluated (or failed) dossier, where it was evaluated: its summary row, statistics entry and reports. */
export interface DossierOutcome {
  index: number;
  summary: SummaryRow;
  stats: StatsEntry;
  unmatched: UnmatchedName[];
  /** with --out: the dossier's JSON record (its reports.jsonl line); text and HTML are written where rendered */
  reports: DossierReports;
  /** the review worklist lines of this dossier (review.csv, with --out) */
  review?: (string | number | null)[][];
}

/** What every result carries: what the batch's tally counts, and what the batch says at its end. */
export interface ResultHead {
  index: number;
  /** the dossier could not be evaluated (its summary row has an error) */
  failed: boolean;
  /** it has transcript-like files in nested folders, which were not read (named again at the end of the batch) */
  nested: boolean;
  stats: StatsEntry;
  unmatched: UnmatchedName[];
}

/**
 * What the writing thread gets for one dossier, in batch order. For a summary on stdout, its summary row, which the
 * writer renders. With --out, only its lines of the streamed files and its workbook rows, rendered where it was
 * evaluated: from a worker this is all that crosses back, so the writing thread copies, keeps and collects as
 * little as it can (the summary row alone doubled the objects of a reply).
 */
export type BatchResult = ResultHead & ({ summary: SummaryRow } | { lines: PackedLines; sheetRows: SheetRows });

/** The per-dossier report files a batch can write into reports/ (`--reports`), besides the one reports.jsonl. */
export const DOSSIER_FILE_FORMATS = ['json', 'text', 'html'] as const satisfies readonly Format[];
export type DossierFileFormat = (typeof DOSSIER_FILE_FORMATS)[number];

/** A dossier's reports, keyed by format: `json` is its line of reports.jsonl (and reports/<dossier>.json). */
export type DossierReports = Partial<Record<DossierFileFormat, string>>;
