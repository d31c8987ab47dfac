// A plain `llct check …` command line, run without commander (start-up budget of issue 10: commander, the other
// commands and their help texts are not even loaded). It takes only what commander would read the same way —
// the options of `check` as `--name value`, `--name=value`, `-f value` or `-fvalue`, and operands — and answers
// null for anything else (help, version, an unknown or misspelt option, a choice not in the list, a value that
// starts with "-", `--`, no file): main.ts then hands the line to commander, with its usual handling and errors.
// A test keeps CHECK_OPTIONS equal to the options `registerCheck` declares.

import { checkAction, type CheckCommandOptions } from './check.js';
import { loadDefaults, type Defaults } from './config.js';
import { reportError } from './errors.js';
import type { Io } from './io.js';
import { debugFromArgv, langFromArgv, SCALE_CHOICES } from './options.js';
import { FORMATS, JSON_FORMS } from '../report/formats.js';
import { LANGS, type Lang } from '../lang.js';

export interface OptionSpec {
  /** the option's attribute in the parsed values (commander's attributeName) */
  attr: string;
  /** takes a value (`<value>`); otherwise a flag */
  value: boolean;
  short?: string;
  choices?: readonly string[];
  /** a `--no-x` flag: sets `attr` to false */
  negate?: true;
}

/** `check`'s options by long name, as `registerCheck` and `addCheckingOptions` declare them. */
export const CHECK_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  '--format': { attr: 'format', value: true, short: '-f', choices: FORMATS },
  '--output': { attr: 'output', value: true, short: '-o' },
  '--out': { attr: 'out', value: true },
  '--excel': { attr: 'excel', value: false },
  '--json-form': { attr: 'jsonForm', value: true, choices: JSON_FORMS },
  '--decisions': { attr: 'decisions', value: true },
  '--review-out': { attr: 'reviewOut', value: true },
  '--same-person': { attr: 'samePerson', value: false },
  '--level': { attr: 'level', value: true },
  '--lang': { attr: 'lang', value: true, choices: LANGS },
  '--rules': { attr: 'rules', value: true },
  '--as-of': { attr: 'asOf', value: true },
  '--encoding': { attr: 'encoding', value: true },
  '--delimiter': { attr: 'delimiter', value: true },
  '--scale': { attr: 'scale', value: true, choices: SCALE_CHOICES },
  '--pass-mark': { attr: 'passMark', value: true },
  '--periods-per-credit': { attr: 'periodsPerCredit', value: true },
  '--max-file-size': { attr: 'maxFileSize', value: true },
  '--max-rows': { attr: 'maxRows', value: true },
  '--no-color': { attr: 'color', value: false, negate: true },
  '--debug': { attr: 'debug', value: false },
};

/** The values commander starts `check` with (its option defaults). */
export const CHECK_DEFAULTS: Readonly<Record<string, string | boolean>> = { format: 'text', lang: 'vi', color: true, jsonForm: 'full' };

const SHORT: Readonly<Record<string, OptionSpec>> = Object.fromEntries(
  Object.values(CHECK_OPTIONS).flatMap((o) => (o.short ? [[o.short, o]] : [])),
);

export interface PlainCheck {
  files: string[];
  /** the values given on the command line, by attribute */
  values: Record<string, string | boolean>;
}

/** The files and option values of a plain `check` command line, or null when commander should read it. */
export function parsePlainCheck(argv: readonly string[]): PlainCheck | null {
  if (argv[0] !== 'check') return null;
  const files: string[] = [];
  const values: Record<string, string | boolean> = {};
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-' || !arg.startsWith('-')) {
      files.push(arg);
      continue;
    }
    let spec: OptionSpec | undefined;
    let value: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      spec = CHECK_OPTIONS[eq < 0 ? arg : arg.slice(0, eq)];
      if (spec === undefined || (eq >= 0 && !spec.value)) return null;
      if (eq >= 0) value = arg.slice(eq + 1);
    } else {
      spec = SHORT[arg.slice(0, 2)];
      if (spec === undefined) return null;
      if (arg.length > 2) value = arg.slice(2);
    }
    if (!spec.value) {
      values[spec.attr] = spec.negate !== true;
      continue;
    }
    value ??= argv[++i];
    if (value === undefined || value.startsWith('-')) return null;
    if (spec.choices && !spec.choices.includes(value)) return null;
    values[spec.attr] = value;
  }
  return files.length > 0 ? { files, values } : null;
}

/**
 * Run a plain `check` command line as `run` would (config defaults, the same action, the same error lines), or
 * return null without having written anything when it is not one (or needs what the lean bundle leaves out).
 */
export async function runPlainCheck(argv: readonly string[], io: Io): Promise<number | null> {
  const plain = parsePlainCheck(argv);
  if (plain === null) return null;
  const debug = debugFromArgv(argv);
  let defaults: Defaults;
  try {
    defaults = await loadDefaults(io.cwd, io.env);
  } catch (e) {
    if (needsFull(e)) return null;
    return reportError(e, io, { lang: langFromArgv(argv), debug });
  }
  const lang = langFromArgv(argv, (defaults.values.lang as Lang | undefined) ?? 'vi');
  // commander's order: option defaults, then the config file and environment (applyDefaults), then the command line
  const attrs = new Set(Object.values(CHECK_OPTIONS).map((o) => o.attr));
  const fromConfig = Object.fromEntries(Object.entries(defaults.values).filter(([k]) => attrs.has(k)));
  const opts = { ...CHECK_DEFAULTS, ...fromConfig, ...plain.values } as unknown as CheckCommandOptions & { out?: string };
  try {
    return await checkAction(plain.files, opts, (name) => name in plain.values, io);
  } catch (e) {
    if (needsFull(e)) return null;
    return reportError(e, io, { lang, debug });
  }
}

/**
 * The lean one-file bundle (dist/bundle/check.cjs, see scripts/bundle.mjs) lacks a module this line needs: nothing
 * has been written yet (modules are imported before any output), and main.ts runs the line on the full CLI.
 */
function needsFull(e: unknown): boolean {
  return e instanceof Error && (e as Error & { code?: unknown }).code === 'LLCT_NEEDS_FULL';
}
