// Bytes → Transcript: the reader is looked up in two tables (by the first bytes: spreadsheets; else decode and by
// format: CSV, JSON), then the row limits; and merging several transcripts of one person.

import { InputError } from '../errors.js';
import { baseKey } from '../text/normalize.js';
import { parseCsvTranscript, type Delimiter } from './csv.js';
import { decodeTextAs, type Encoding } from './decode.js';
import type { parseJsonTranscript } from './json.js';
import { isSpreadsheetBytes, loadSpreadsheetLibrary, parseSpreadsheetTranscript } from './spreadsheet.js';
import type { Person, Transcript } from './types.js';

// The JSON reader validates with zod and places errors with jsonc-parser: it is loaded (dynamic import) on first
// need, so a CSV check never pays for them. `loadJsonReader()` must have resolved before a JSON transcript is
// parsed; `parseTranscriptLoading` does that by itself.
let jsonReader: typeof parseJsonTranscript | undefined;

/** Load the JSON transcript reader once (later calls reuse it). */
export async function loadJsonReader(): Promise<void> {
  jsonReader ??= (await import('./json.js')).parseJsonTranscript;
}

/** Bind the JSON reader by hand: for modules that parse synchronously and import json.ts anyway (batch). */
export function useJsonReader(reader: typeof parseJsonTranscript): void {
  jsonReader = reader;
}

/** Thrown by `parseTranscript` for JSON before `loadJsonReader()` (caught by `parseTranscriptLoading`). */
class JsonReaderNotLoaded extends Error {
  constructor() {
    super('internal: the JSON transcript reader was not loaded before reading a JSON transcript');
  }
}

/** `parseTranscript`, loading the spreadsheet library or the JSON reader first when the bytes need one. */
export async function parseTranscriptLoading(bytes: Uint8Array, file: string, opts: ReadOptions = {}): Promise<Transcript> {
  await byteReaderOf(bytes)?.load();
  try {
    return parseTranscript(bytes, file, opts);
  } catch (e) {
    if (!(e instanceof JsonReaderNotLoaded)) throw e;
  }
  await loadJsonReader();
  return parseTranscript(bytes, file, opts);
}

function readJson(): typeof parseJsonTranscript {
  if (!jsonReader) throw new JsonReaderNotLoaded();
  return jsonReader;
}

const FORMATS = ['csv', 'json'] as const;
export type Format = (typeof FORMATS)[number];
const SCALES = ['10', '4'] as const;

export interface ReadOptions {
  encoding?: Encoding;
  delimiter?: Delimiter;
  format?: Format;
  /** the grade scale of columns whose header does not name one */
  scale?: (typeof SCALES)[number];
  /** the largest file read, in bytes (the edges enforce it: a bigger file is never loaded) */
  maxBytes?: number;
  /** the most course rows one transcript may hold (--max-rows): bounds the memory of everything after parsing */
  maxRows?: number;
}

/** Default row limit of one transcript: real ones hold a few hundred rows at most. */
export const DEFAULT_MAX_ROWS = 10_000;

/** A transcript with more rows than the limit: one line naming the limit and the option. */
export class TooManyRowsError extends InputError {
  constructor(file: string, readonly limit: number) {
    super({ code: 'too-many-rows', args: { limit }, file });
  }
}

/** `--format`, else a `.json` extension, else the first non-space character (`[` or `{` means JSON). */
function detectFormat(text: string, file: string, opts: ReadOptions = {}): Format {
  if (opts.format) return opts.format;
  if (/\.json$/iu.test(file)) return 'json';
  const first = /\S/u.exec(text)?.[0];
  return first === '[' || first === '{' ? 'json' : 'csv';
}

const scaleOf = (opts: ReadOptions) => (opts.scale ? { scale: opts.scale } : {});

/** A reader that knows its files by their first bytes, before any decoding. */
interface ByteReader {
  claims(bytes: Uint8Array): boolean;
  /** loads what the reader needs (a library) before `read` */
  load(): Promise<unknown>;
  read(bytes: Uint8Array, file: string, opts: ReadOptions): Transcript;
}

/** Readers by signature, tried in order; a file none claims is decoded as text. */
const BYTE_READERS: readonly ByteReader[] = [
  // xlsx, xls, ods: the workbook's first sheet goes through the shared table step
  { claims: isSpreadsheetBytes, load: loadSpreadsheetLibrary, read: (bytes, file, opts) => parseSpreadsheetTranscript(bytes, file, scaleOf(opts)) },
];

/** Readers of decoded text, by format (chosen by `detectFormat`: --format, the extension, the first character). */
const TEXT_READERS: Record<Format, (text: string, file: string, opts: ReadOptions) => Transcript> = {
  // the table step of table.ts, like spreadsheets
  csv: (text, file, opts) => parseCsvTranscript(text, file, opts.delimiter ? { ...scaleOf(opts), delimiter: opts.delimiter } : scaleOf(opts)),
  // rows are objects keyed by field (json.ts says why they need no header search); the row step is shared
  json: (text, file, opts) => readJson()(text, file, scaleOf(opts)),
};

const byteReaderOf = (bytes: Uint8Array): ByteReader | undefined => BYTE_READERS.find((r) => r.claims(bytes));

const emptyError = (file: string): InputError =>
  new InputError({ code: 'empty-file', args: {}, file, place: { line: 1 } });

/** Decode, then the text reader of the detected format; a guessed encoding becomes a notice. */
function readText(bytes: Uint8Array, file: string, opts: ReadOptions): Transcript {
  const { text, encoding, guessed } = decodeTextAs(bytes, file, opts.encoding);
  if (text.trim() === '') throw emptyError(file);
  const transcript = TEXT_READERS[detectFormat(text, file, opts)](text, file, opts);
  if (guessed) transcript.notices = [{ code: 'encoding-guessed', args: { file, encoding } }];
  return transcript;
}

/** Parse one transcript file's bytes; `file` is the name used in rows and errors (`-` for stdin). */
export function parseTranscript(bytes: Uint8Array, file: string, opts: ReadOptions = {}): Transcript {
  if (bytes.length === 0) throw emptyError(file);
  const transcript = byteReaderOf(bytes)?.read(bytes, file, opts) ?? readText(bytes, file, opts);
  if (transcript.rows.length > (opts.maxRows ?? DEFAULT_MAX_ROWS)) throw new TooManyRowsError(file, opts.maxRows ?? DEFAULT_MAX_ROWS);
  // a truncated export must not read as a person who studied nothing
  if (transcript.rows.length === 0) {
    throw new InputError({ code: 'no-course-rows', args: {}, file });
  }
  return transcript;
}

/** A birth date written 2/1/1980, 02/01/1980 or 1980-01-02 compares as the same day. */
function sameKey(field: 'name' | 'birthDate', value: string): string {
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value.trim());
  if (field === 'birthDate' && dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  if (field === 'birthDate' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return value.trim();
  return baseKey(value);
}

/**
 * Refuse sources that name different people: the first name and the first birth date seen, wherever they come
 * from, are what every other source must match (student ids differ between schools and are not compared).
 */
export function assertSamePerson(sources: readonly { person?: Person; files: readonly string[] }[]): void {
  const seen: Partial<Record<'name' | 'birthDate', { value: string; files: readonly string[] }>> = {};
  for (const t of sources) {
    for (const field of ['name', 'birthDate'] as const) {
      const value = t.person?.[field];
      if (typeof value !== 'string' || value.trim() === '') continue;
      const first = seen[field];
      if (!first) seen[field] = { value, files: t.files };
      else if (sameKey(field, first.value) !== sameKey(field, value)) {
        throw new InputError({
          code: 'different-people',
          args: { first: { files: [...first.files], value: first.value }, other: { files: [...t.files], value } },
          ...(t.files[0] !== undefined ? { file: t.files[0] } : {}),
        });
      }
    }
  }
}

/**
 * Several files of one person → one transcript: rows concatenated, ids renumbered 1..n, first person block kept.
 * Files that name different people (another name or birth date; student ids differ between schools) are refused:
 * merging them could pass one person on another's modules.
 */
export function mergeTranscripts(list: readonly Transcript[]): Transcript {
  assertSamePerson(list);
  let id = 0;
  const rows = list.flatMap((t) =>
    t.rows.map((r) => {
      // a copy, then its id: V8 copies a spread followed by more keys slowly, and this runs per row
      const copy = { ...r };
      copy.id = ++id;
      return copy;
    }),
  );
  const files = list.flatMap((t) => t.files);
  const person = list.find((t) => t.person)?.person;
  const columns = list.flatMap((t) => t.columns ?? []);
  const notices = list.flatMap((t) => t.notices ?? []);
  return { ...(person ? { person } : {}), rows, files, ...(columns.length > 0 ? { columns } : {}), ...(notices.length > 0 ? { notices } : {}) };
}
