// Small pure helpers shared by the renderers: numbers, dates, display width, column layout.

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
export function table(columns: Column[], rows: string[][], indent = ''): string[] {
  const last = columns.length - 1;
  const lines = [columns.map((c) => c.header), ...rows];
  // every cell measured once (the last column's are not padded, so not measured): the widths size the columns,
  // then pad the cells
  const measured = lines.map((cells) => cells.map((cell, i) => (i < last ? displayWidth(cell) : 0)));
  const widths = columns.map((_, i) => (i < last ? Math.max(...measured.map((m) => m[i] ?? 0)) : 0));
  return lines.map((cells, n) => {
    const cellWidths = measured[n]!;
    return (
      indent +
      cells
        .map((cell, i) => {
          if (i === last) return cell;
          const pad = ' '.repeat(Math.max(0, (widths[i] ?? 0) - (cellWidths[i] ?? 0)));
          return columns[i]?.align === 'right' ? pad + cell : cell + pad;
        })
        .join('  ')
        .trimEnd()
    );
  });
}
