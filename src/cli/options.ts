// Parsing and validating option values into the types the core takes; bad values are UsageErrors naming the option.

// commander is a type here only (options are made with cmd.createOption): a plain check never loads it
import type { Command } from 'commander';
import type { CheckOptions } from '../coverage/types.js';
import { UsageError } from '../errors.js';
import type { NumberExpectation } from '../findings/usage.js';
import { LANGS, type Lang } from '../lang.js';
import { ENCODINGS, type Encoding } from '../transcript/decode.js';
import type { Delimiter } from '../transcript/csv.js';
import { DEFAULT_MAX_ROWS, type ReadOptions } from '../transcript/parse.js';
import { DEFAULT_MAX_FILE_MB, MB } from '../file-io.js';
import { FORMAT_EXTENSIONS, type Format } from '../report/formats.js';
import type { Io } from './io.js';
import { cliMessages } from './messages.js';


/** The format an output file's extension names (`-o ket-qua.html`), or null for any other name. */
function formatFromPath(path: string): Format | null {
  const ext = /\.([a-z0-9]+)$/iu.exec(path)?.[1]?.toLowerCase();
  return ext !== undefined ? (FORMAT_EXTENSIONS[ext] ?? null) : null;
}

export interface FormatChoice<F extends string> {
  /** the --format value, and whether the user gave it (or it is the default) */
  format: F;
  formatGiven: boolean;
  output?: string | undefined;
  /** --excel, and whether it was given on the command line (a config default never picks the format) */
  excelGiven: boolean;
}

/**
 * The report format: `--format`, else the `-o` file's extension, else `--excel`'s CSV, else the default. An
 * explicit `--format` that disagrees with the extension, an extension that names no format, and `--excel` with
 * anything but CSV are usage errors naming the choices — never a text report silently written under another name.
 */
export function chooseFormat<F extends string>(c: FormatChoice<F>, choices: readonly F[]): F {
  const toFile = c.output !== undefined && c.output !== '-';
  const exts = Object.entries(FORMAT_EXTENSIONS)
    .filter(([, f]) => (choices as readonly string[]).includes(f))
    .map(([e]) => `.${e}`)
    .join(', ');
  const fromPath = toFile ? formatFromPath(c.output!) : null;
  if (toFile && fromPath !== null && !(choices as readonly string[]).includes(fromPath)) {
    throw new UsageError({ code: 'output-format-not-written', args: { output: c.output!, format: fromPath, extensions: exts } });
  }
  if (toFile && fromPath === null && !c.formatGiven && !c.excelGiven) {
    throw new UsageError({ code: 'output-format-unknown', args: { output: c.output!, extensions: exts, choices: [...choices] } });
  }
  if (c.formatGiven && fromPath !== null && fromPath !== c.format) {
    throw new UsageError({ code: 'format-disagrees', args: { format: c.format, output: c.output!, fromPath } });
  }
  const format = c.formatGiven ? c.format : ((fromPath as F | null) ?? (c.excelGiven ? ('csv' as F) : c.format));
  if (c.excelGiven && format !== 'csv') {
    throw new UsageError({ code: 'excel-not-csv', args: { format } });
  }
  return format;
}

/** `-o/--output` and its alias `--out` given together must agree; the one given wins. */
export function sameTarget(output: string | undefined, out: string | undefined, alias: string): string | undefined {
  if (output !== undefined && out !== undefined && output !== out) {
    throw new UsageError({ code: 'output-alias-disagree', args: { output, out, alias } });
  }
  return output ?? out;
}

export const SCALE_CHOICES = ['10', '4'] as const;

/** A date that exists on the calendar, typed YYYY-MM-DD or DD/MM/YYYY, as ISO YYYY-MM-DD. */
export function parseIsoDate(input: string, option: string): string {
  // officers type dates the Vietnamese way (30/06/2020); both forms mean the same day
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(input.trim());
  const s = dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : input.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.toISOString().slice(0, 10) !== s) {
    throw new UsageError({ code: 'bad-date', args: { option, input } });
  }
  return s;
}

/** Today's local date as YYYY-MM-DD (the clock is read by the CLI only). */
export function localIsoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function parseNumber(s: string, option: string, check: (n: number) => boolean, expects: NumberExpectation): number {
  // plain decimals only (7,5 or 7.5): Number() would also take "0x10" or "1e3"
  const n = /^[+-]?\d+(?:[.,]\d+)?$/.test(s.trim()) ? Number(s.trim().replace(',', '.')) : Number.NaN;
  if (!Number.isFinite(n) || !check(n)) {
    throw new UsageError({ code: 'bad-number', args: { option, input: s, expects } });
  }
  return n;
}

export function parseDelimiter(s: string): Delimiter {
  if (s === ',' || s === ';') return s;
  if (s === 'tab' || s === '\t' || s === '\\t') return '\t';
  throw new UsageError({ code: 'bad-delimiter', args: { input: s } });
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
    throw new UsageError({ code: 'bad-encoding', args: { input: s, choices: [...ENCODINGS] } });
  }
  return e;
}

/** The report language asked for anywhere on the command line (errors need it before parsing finishes). */
export function langFromArgv(argv: readonly string[], fallback: Lang = 'vi'): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (v !== undefined && (LANGS as readonly string[]).includes(v)) return v as Lang;
  }
  return fallback;
}

export function debugFromArgv(argv: readonly string[]): boolean {
  return argv.includes('--debug');
}

/** The option values `check` and `batch` share: which rules, which date, how to read and how to check. */
export interface CheckingOptionValues {
  level?: string;
  lang: Lang;
  rules?: string;
  asOf?: string;
  encoding?: string;
  delimiter?: string;
  scale?: (typeof SCALE_CHOICES)[number];
  passMark?: string;
  periodsPerCredit?: string;
  maxFileSize?: string;
  maxRows?: string;
}

/** Declare the shared checking options on a command (one wording for both commands). */
export function addCheckingOptions(cmd: Command, lang: Lang, asOfNote = ''): Command {
  const m = cliMessages(lang).check;
  return cmd
    .option('--level <ids>', m.level)
    .addOption(cmd.createOption('--lang <lang>', m.lang).choices(LANGS).default('vi'))
    .option('--rules <dir>', m.rules)
    .option('--as-of <date>', `${m.asOf} (DD/MM/YYYY ${lang === 'vi' ? 'hoặc' : 'or'} YYYY-MM-DD)${asOfNote}`)
    .option('--encoding <name>', m.encoding)
    .option('--delimiter <char>', m.delimiter)
    .addOption(cmd.createOption('--scale <scale>', m.scale).choices(SCALE_CHOICES))
    .option('--pass-mark <n>', m.passMark)
    .option('--periods-per-credit <n>', m.periodsPerCredit)
    .option('--max-file-size <mb>', `${m.maxFileSize} (${cliMessages(lang).default}: ${DEFAULT_MAX_FILE_MB})`)
    .option('--max-rows <n>', `${m.maxRows} (${cliMessages(lang).default}: ${DEFAULT_MAX_ROWS})`);
}

/** How to read transcripts, from the shared option values. */
export function readOptionsFrom(opts: CheckingOptionValues): ReadOptions {
  const read: ReadOptions = {};
  if (opts.encoding !== undefined) read.encoding = parseEncoding(opts.encoding);
  if (opts.delimiter !== undefined) read.delimiter = parseDelimiter(opts.delimiter);
  if (opts.scale !== undefined) read.scale = opts.scale;
  read.maxBytes = Math.round(
    (opts.maxFileSize === undefined
      ? DEFAULT_MAX_FILE_MB
      : parseNumber(opts.maxFileSize, '--max-file-size', (n) => n > 0 && n <= 4096, 'megabytes')) * MB,
  );
  read.maxRows =
    opts.maxRows === undefined
      ? DEFAULT_MAX_ROWS
      : parseNumber(opts.maxRows, '--max-rows', (n) => Number.isInteger(n) && n >= 1, 'rows');
  return read;
}

/** How to check (all but the reference date and the levels, which need the clock and the rule set). */
export function checkOptionsFrom(opts: CheckingOptionValues): Omit<CheckOptions, 'asOf'> {
  const check: Omit<CheckOptions, 'asOf'> = {};
  if (opts.scale !== undefined) check.scale = opts.scale;
  if (opts.passMark !== undefined) {
    check.passMark = parseNumber(opts.passMark, '--pass-mark', (n) => n > 0 && n <= 10, 'pass-mark');
  }
  if (opts.periodsPerCredit !== undefined) {
    check.periodsPerCredit = parseNumber(opts.periodsPerCredit, '--periods-per-credit', (n) => n > 0 && n <= 100, 'periods');
  }
  return check;
}

/** `--as-of`, else today's local date (the only place the clock is read). */
export function asOfFrom(opts: CheckingOptionValues, io: Io): string {
  return opts.asOf !== undefined ? parseIsoDate(opts.asOf, '--as-of') : localIsoDate((io.now ?? (() => new Date()))());
}
