// The typed transcript: what the reading layer hands to the core, and nothing format-specific.

/** Where a row came from: a CSV line, a spreadsheet's sheet and row, or a JSON path, in a named file (`-` for stdin). */
export interface RowSource {
  file: string;
  /** the worksheet of a spreadsheet (.xlsx, .xls, .ods) the row is on */
  sheet?: string | undefined;
  /** 1-based physical line of the record in a CSV/TSV file, or the row number in a spreadsheet's sheet */
  line?: number | undefined;
  /** JSON path of the row object, e.g. `$.courses[2]` */
  path?: string | undefined;
}

export type CreditUnit = 'credit' | 'dvht';

/** Which scale a grade cell was declared in by its column header (or `--scale`). */
export type GradeScaleHint = '10' | '4' | 'letter';

export interface RawGrade {
  /** the cell text, NFC, trimmed, decimal comma preserved as written */
  text: string;
  /** set when the column header (or an option) names the scale */
  scale?: GradeScaleHint | undefined;
}

export interface TranscriptRow {
  /** 1-based position in the (merged) transcript; stable id used in reports */
  id: number;
  source: RowSource;
  /** course name as written (NFC, trimmed, inner whitespace collapsed) */
  name: string;
  code?: string | undefined;
  credits?: number | undefined;
  creditUnit?: CreditUnit | undefined;
  /** periods given directly, or the sum of lecture + discussion/practice columns */
  periods?: number | undefined;
  /** how `periods` was obtained when present */
  periodsOrigin?: 'given' | 'parts' | undefined;
  grade?: RawGrade | undefined;
  term?: string | undefined;
  institution?: string | undefined;
}

export interface Person {
  id?: string;
  name?: string;
  birthDate?: string;
  unit?: string;
  [key: string]: unknown;
}

/** Columns of a file the reader saw but does not count: the report names them (§4). */
export interface ColumnNote {
  file: string;
  /** self-study columns (tự học, tự nghiên cứu): never periods */
  selfStudy: string[];
  /** numeric columns whose header is not understood */
  unknownNumeric: string[];
}

/** Something the reader decided that the report must say (the core adds these to its notices, first). */
export interface ReadNotice {
  code: 'encoding-guessed';
  args: { file: string; encoding: string };
}

export interface Transcript {
  person?: Person;
  notices?: ReadNotice[];
  rows: TranscriptRow[];
  /** files the rows came from, in order */
  files: string[];
  /** columns read but not counted, per file (absent when none) */
  columns?: ColumnNote[];
}
