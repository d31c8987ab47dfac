// A small CSV tokenizer for the batch hot path: the records csv-parse gives with the options `readCsvRecords` uses
// (`trim`, `relax_quotes`, `relax_column_count`, `skip_empty_lines`, record delimiter "\n"), with each record's
// line computed as `readCsvRecords` computes it from csv-parse's `info` and `raw` — without building either.
// It handles every input that csv-parse accepts; on anything csv-parse would reject (a quote never closed, text
// after a closing quote) it returns null, and the caller asks csv-parse itself, so errors keep their words.
// test/transcript/csv-tokenize.test.ts compares the two on every fixture, the fuzz grammar and random text.

import type { TableRecord } from './table.js';

const NL = 10;
const QUOTE = 34;

/** Characters csv-parse's `trim` drops before a field and after a closing quote (its `timchars`). */
function trimable(c: number): boolean {
  return c === 32 || c === 9 || c === 12 || c === NL || c === 13;
}

/**
 * The records of `text` (no "\r" in it) split on `delimiter` — every record csv-parse emits, including those whose
 * cells are all empty — each with the line `readCsvRecords` assigns it; null when csv-parse would throw.
 */
export function tokenizeCsv(text: string, delimiter: string): TableRecord[] | null {
  if (text.includes('\r')) return null;
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  const records: TableRecord[] = [];
  let i = 0;
  let line = 1;
  // where csv-parse's `raw` of the next record starts: after the previous record, skipped empty lines included
  let rawStart = 0;
  let rawLine = 1;
  let cells: string[] = [];
  let field = '';
  let wasQuoting = false;

  const endField = () => {
    cells.push(wasQuoting ? field : field.trimEnd());
    field = '';
    wasQuoting = false;
  };
  const endRecord = (end: number) => {
    records.push({ line: rawLine + leadingBlankLines(text, rawStart, end), cells });
    cells = [];
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE && field.length === 0) {
      // a second quoted part after an empty one (`"" "x"`): csv-parse has rules of its own for it; let it decide
      if (wasQuoting) return null;
      // a quoted field: up to its closing quote
      i++;
      for (;;) {
        const j = text.indexOf('"', i);
        if (j < 0) return null; // never closed
        line += countNewlines(text, i, j);
        field += text.slice(i, j);
        if (j + 1 < n && text.charCodeAt(j + 1) === QUOTE) {
          field += '"';
          i = j + 2;
          continue;
        }
        const next = j + 1 < n ? text.charCodeAt(j + 1) : -1;
        if (next === -1 || next === delim || trimable(next)) {
          i = j + 1;
          wasQuoting = true;
          break;
        }
        return null; // text after a closing quote
      }
      continue;
    }
    if (c === NL) {
      if (!wasQuoting && cells.length === 0 && field.length === 0) {
        // an empty line: skipped, and still part of the next record's `raw`
      } else {
        endField();
        endRecord(i);
        rawStart = i + 1;
        rawLine = line + 1;
      }
      line++;
      i++;
      continue;
    }
    if (c === delim) {
      endField();
      i++;
      continue;
    }
    if (wasQuoting) {
      if (!trimable(c)) return null; // text after a closing quote
      i++;
      continue;
    }
    if (field.length === 0 && trimable(c)) {
      i++;
      continue;
    }
    // an unquoted run: up to the next delimiter or line end (quotes inside it are plain characters)
    let j = i + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d === delim || d === NL) break;
      j++;
    }
    field += text.slice(i, j);
    i = j;
  }
  if (wasQuoting || cells.length > 0 || field.length > 0) {
    endField();
    endRecord(n);
  }
  return records;
}

function countNewlines(s: string, from: number, to: number): number {
  let k = 0;
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === NL) k++;
  return k;
}

/** Lines of only spaces and tabs at the start of text[from, to) — `/^(?:[ \t]*\n)*​/` of the record's raw text. */
function leadingBlankLines(text: string, from: number, to: number): number {
  let lines = 0;
  let i = from;
  for (;;) {
    let k = i;
    while (k < to && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
    if (k < to && text.charCodeAt(k) === NL) {
      lines++;
      i = k + 1;
    } else return lines;
  }
}
