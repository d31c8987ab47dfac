// Small helpers shared by the renderers: numbers, dates, display width, column layout, pieces kept for reuse.

import type { Lang } from '../lang.js';

/** A number for people: at most one decimal, decimal comma in Vietnamese. */
export function num(lang: Lang, n: number): string {
  // most numbers are whole periods and counts: no rounding, no decimal separator (small enough that n * 10 is exact)
  if (Number.isInteger(n) && n < 1e14 && n > -1e14) return String(n);
  const rounded = Math.round(n * 10) / 10;
  const s = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
  return lang === 'vi' ? s.replace('.', ',') : s;
}

/** An ISO date (YYYY-MM-DD) as officers write it: dd/mm/yyyy in Vietnamese, unchanged in English. */
export function date(lang: Lang, iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || lang !== 'vi') return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const MARK = /\p{M}/u;

/** Columns a string takes on a terminal: ANSI codes and combining marks take none (NFC text is one per letter). */
export function displayWidth(s: string): number {
  // most cells are numbers and plain words: one column per character
  if (PRINTABLE_ASCII.test(s)) return s.length;
  if (isLatinOrVietnamese(s)) return s.length;
  let w = 0;
  for (const ch of (s.includes('\u001b') ? s.replace(ANSI, '') : s).normalize('NFC')) {
    if (isMark(ch)) continue;
    w += 1;
  }
  return w;
}

/**
 * Whether every character is below U+0300 (ESC aside), Vietnamese (U+1E00–U+1EFF) or General Punctuation
 * (U+2000–U+206F): such text has no marks and NFC keeps its length (no two of these characters compose, none
 * decomposes into more), so it takes one column per character — Vietnamese names skip normalize and the loop.
 */
function isLatinOrVietnamese(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x300 ? c === 0x1b : c < 0x1e00 || (c > 0x1eff && c < 0x2000) || c > 0x206f) return false;
  }
  return true;
}

/**
 * Whether a character is a combining mark (\p{M}). Below U+0370 the marks are U+0300–U+036F, and Vietnamese
 * letters (Latin Extended Additional, U+1E00–U+1EFF) and General Punctuation (U+2000–U+206F) hold none: text of
 * those ranges never compiles the Unicode class (some milliseconds of start-up, issue 10). Exported for its test.
 */
export function isMark(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x300 || (c >= 0x1e00 && c <= 0x1eff) || (c >= 0x2000 && c <= 0x206f)) return false;
  return c <= 0x36f || MARK.test(ch);
}

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}

export interface Column {
  header: string;
  align?: 'left' | 'right';
}

/**
 * Lay out a table as lines: every column padded to its widest cell. The last column is not padded so a long
 * final cell (a subject name) never pushes trailing spaces. Cells may already carry colour.
 */
export function table(columns: readonly Column[], rows: readonly (readonly string[])[], indent = ''): string[] {
  const last = columns.length - 1;
  const headers = columns.map((c) => c.header);
  // every cell measured once (the last column's are not padded, so not measured): the widths size the columns,
  // then pad the cells
  const max: number[] = [];
  const measure = (cells: readonly string[]): number[] => {
    const widths: number[] = [];
    for (let i = 0; i < cells.length && i < last; i++) {
      const w = displayWidth(cells[i]!);
      widths.push(w);
      if (w > (max[i] ?? 0)) max[i] = w;
    }
    return widths;
  };
  const headerWidths = measure(headers);
  const rowWidths = rows.map(measure);
  const line = (cells: readonly string[], widths: readonly number[]): string => {
    let text = indent;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!;
      if (i > 0) text += '  ';
      if (i >= last) text += cell;
      else {
        const pad = spaces((max[i] ?? 0) - widths[i]!);
        text += columns[i]?.align === 'right' ? pad + cell : cell + pad;
      }
    }
    // trimmed at its end; a line that ends in no white space (\s is trimEnd's set) need not be copied to find out
    return text !== '' && TRAILING_SPACE.test(text[text.length - 1]!) ? text.trimEnd() : text;
  };
  const out = [line(headers, headerWidths)];
  for (let n = 0; n < rows.length; n++) out.push(line(rows[n]!, rowWidths[n]!));
  return out;
}

const TRAILING_SPACE = /\s/u;

/** `n` spaces (none for n <= 0): the short runs a table pads with, made once. */
function spaces(n: number): string {
  if (n <= 0) return '';
  if (n >= SPACES.length) return ' '.repeat(n);
  return (SPACES[n] ??= ' '.repeat(n));
}

const SPACES: (string | undefined)[] = new Array<string | undefined>(64).fill(undefined);

/**
 * `s` as one block of characters. V8 keeps a string made with `+` as a tree of its parts and copies the parts into
 * one block each time the string is written out: a piece kept for many reports is copied once, here, instead of
 * once per report. Reading a character makes V8 do it, in place (the string's value is unchanged).
 */
export function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}

/** Pieces a cache of `remember` keeps at most (then it starts afresh): the values a batch shows are few. */
const MAX_KEPT = 2000;

/** Keep `value` (flat) under `key` and return it, starting afresh when the cache is full. */
export function remember(cache: Map<string, string>, key: string, value: string): string {
  if (cache.size >= MAX_KEPT) cache.clear();
  const kept = flat(value);
  cache.set(key, kept);
  return kept;
}
