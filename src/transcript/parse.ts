// Bytes → Transcript: decode, pick CSV or JSON, parse; and merging several transcripts of one person.

import { InputError } from '../errors.js';
import { baseKey } from '../match/normalize.js';
import { parseCsvTranscript, type Delimiter } from './csv.js';
import { decodeText, type Encoding } from './decode.js';
import { parseJsonTranscript } from './json.js';
import type { Transcript } from './types.js';

export const FORMATS = ['csv', 'json'] as const;
export type Format = (typeof FORMATS)[number];
export const SCALES = ['10', '4'] as const;

export interface ReadOptions {
  encoding?: Encoding;
  delimiter?: Delimiter;
  format?: Format;
  /** the grade scale of columns whose header does not name one */
  scale?: (typeof SCALES)[number];
}

/** `--format`, else a `.json` extension, else the first non-space character (`[` or `{` means JSON). */
export function detectFormat(text: string, file: string, opts: ReadOptions = {}): Format {
  if (opts.format) return opts.format;
  if (/\.json$/iu.test(file)) return 'json';
  const first = /\S/u.exec(text)?.[0];
  return first === '[' || first === '{' ? 'json' : 'csv';
}

/** Parse one transcript file's bytes; `file` is the name used in rows and errors (`-` for stdin). */
export function parseTranscript(bytes: Uint8Array, file: string, opts: ReadOptions = {}): Transcript {
  const emptyError = (): InputError =>
    new InputError('empty file: no transcript rows to read', 'tệp rỗng: không có dòng bảng điểm nào', file, { line: 1 });
  if (bytes.length === 0) throw emptyError();
  const text = decodeText(bytes, file, opts.encoding);
  if (text.trim() === '') throw emptyError();
  const scale = opts.scale ? { scale: opts.scale } : {};
  const transcript =
    detectFormat(text, file, opts) === 'json'
      ? parseJsonTranscript(text, file, scale)
      : parseCsvTranscript(text, file, { ...scale, ...(opts.delimiter ? { delimiter: opts.delimiter } : {}) });
  // a truncated export must not read as a person who studied nothing
  if (transcript.rows.length === 0) {
    throw new InputError(
      'no course rows: the file holds no courses (only a header, or an empty list); check that the export is complete',
      'không có dòng học phần nào: tệp không có học phần (chỉ có dòng tiêu đề hoặc danh sách rỗng); hãy kiểm tra tệp xuất có đầy đủ không',
      file,
    );
  }
  return transcript;
}

/**
 * Several files of one person → one transcript: rows concatenated, ids renumbered 1..n, first person block kept.
 * Files that name different people (another name or birth date; student ids differ between schools) are refused:
 * merging them could pass one person on another's modules.
 */
export function mergeTranscripts(list: readonly Transcript[]): Transcript {
  const named = list.filter((t) => t.person);
  for (const t of named.slice(1)) {
    const a = named[0]!;
    const clash = (field: 'name' | 'birthDate') => {
      const x = a.person![field];
      const y = t.person![field];
      return typeof x === 'string' && typeof y === 'string' && baseKey(x) !== baseKey(y);
    };
    if (clash('name') || clash('birthDate')) {
      const who = (p: Transcript) => [p.person!.name, p.person!.birthDate].filter((v) => typeof v === 'string').join(', ');
      throw new InputError(
        `the files are about different people: ${a.files.join(', ')} (${who(a)}) and ${t.files.join(', ')} (${who(t)}); check each person separately`,
        `các tệp là của những người khác nhau: ${a.files.join(', ')} (${who(a)}) và ${t.files.join(', ')} (${who(t)}); hãy kiểm tra riêng từng người`,
        t.files[0],
      );
    }
  }
  let id = 0;
  const rows = list.flatMap((t) => t.rows.map((r) => ({ ...r, id: ++id })));
  const files = list.flatMap((t) => t.files);
  const person = list.find((t) => t.person)?.person;
  return person ? { person, rows, files } : { rows, files };
}
