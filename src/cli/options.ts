// Parsing and validating option values into the types the core takes; bad values are UsageErrors naming the option.

import { UsageError } from '../errors.js';
import { LANGS, type Lang } from '../report/messages.js';
import { ENCODINGS, type Encoding } from '../transcript/decode.js';
import type { Delimiter } from '../transcript/csv.js';

export const OUTPUT_FORMATS = ['text', 'json', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const DELIMITER_CHOICES = [',', ';', 'tab'] as const;
export const SCALE_CHOICES = ['10', '4'] as const;

/** ISO date YYYY-MM-DD that exists on the calendar. */
export function parseIsoDate(s: string, option: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.toISOString().slice(0, 10) !== s) {
    throw new UsageError(
      `${option} expects a date YYYY-MM-DD, got "${s}"`,
      `${option} cần một ngày dạng YYYY-MM-DD (ví dụ 2021-07-08), nhận được "${s}"`,
    );
  }
  return s;
}

/** Today's local date as YYYY-MM-DD (the clock is read by the CLI only). */
export function localIsoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function parseNumber(s: string, option: string, check: (n: number) => boolean, range: { en: string; vi: string }): number {
  const n = Number(s.trim().replace(',', '.'));
  if (s.trim() === '' || !Number.isFinite(n) || !check(n)) {
    throw new UsageError(`${option} expects ${range.en}, got "${s}"`, `${option} cần ${range.vi}, nhận được "${s}"`);
  }
  return n;
}

export function parseDelimiter(s: string): Delimiter {
  if (s === ',' || s === ';') return s;
  if (s === 'tab' || s === '\t' || s === '\\t') return '\t';
  throw new UsageError(
    `--delimiter expects one of , ; tab — got "${s}"`,
    `--delimiter cần một trong , ; tab — nhận được "${s}"`,
  );
}

const ENCODING_ALIASES: Record<string, Encoding> = {
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  utf16: 'utf-16',
  'utf-16': 'utf-16',
  utf16le: 'utf-16le',
  'utf-16le': 'utf-16le',
  utf16be: 'utf-16be',
  'utf-16be': 'utf-16be',
  'windows-1258': 'windows-1258',
  cp1258: 'windows-1258',
  'win-1258': 'windows-1258',
};

export function parseEncoding(s: string): Encoding {
  const e = ENCODING_ALIASES[s.toLowerCase()];
  if (!e) {
    throw new UsageError(
      `--encoding expects one of ${ENCODINGS.join(', ')} — got "${s}"`,
      `--encoding cần một trong ${ENCODINGS.join(', ')} — nhận được "${s}"`,
    );
  }
  return e;
}

/** The report language asked for anywhere on the command line (errors need it before parsing finishes). */
export function langFromArgv(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (v !== undefined && (LANGS as readonly string[]).includes(v)) return v as Lang;
  }
  return 'vi';
}

export function debugFromArgv(argv: readonly string[]): boolean {
  return argv.includes('--debug');
}
