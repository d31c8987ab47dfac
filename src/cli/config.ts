// Defaults for options from a config file (`.llctrc.json`, found upward from the working folder) and from
// `LLCT_*` environment variables. Precedence, as in npm, prettier or eslint: command line > environment > file >
// built-in default. Only the options an office sets once (language, Excel CSV, encoding, rules…) can be set.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';

const CONFIG_FILE = '.llctrc.json';

/** Settable keys: option attribute name → environment variable and value kind. */
const CONFIG_KEYS = {
  lang: { env: 'LLCT_LANG', kind: 'string' },
  excel: { env: 'LLCT_EXCEL', kind: 'boolean' },
  encoding: { env: 'LLCT_ENCODING', kind: 'string' },
  delimiter: { env: 'LLCT_DELIMITER', kind: 'string' },
  rules: { env: 'LLCT_RULES', kind: 'path' },
  level: { env: 'LLCT_LEVEL', kind: 'string' },
  scale: { env: 'LLCT_SCALE', kind: 'string' },
  passMark: { env: 'LLCT_PASS_MARK', kind: 'string' },
  periodsPerCredit: { env: 'LLCT_PERIODS_PER_CREDIT', kind: 'string' },
  jobs: { env: 'LLCT_JOBS', kind: 'string' },
  color: { env: 'LLCT_COLOR', kind: 'boolean' },
} as const;
export type ConfigKey = keyof typeof CONFIG_KEYS;

export interface Defaults {
  /** the config file read, if any */
  file: string | null;
  values: Partial<Record<ConfigKey, string | boolean>>;
  source: Partial<Record<ConfigKey, 'config' | 'env'>>;
}

const TRUE = new Set(['1', 'true', 'yes', 'on', 'co', 'có']);
const FALSE = new Set(['0', 'false', 'no', 'off', 'khong', 'không']);

function bool(raw: string, where: string): boolean {
  const v = raw.trim().toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  throw new UsageError({ code: 'env-not-boolean', args: { variable: where, raw } });
}

/** The nearest `.llctrc.json` from `cwd` upward, or the file LLCT_CONFIG names ("" or "none": no file). */
function findConfigFile(cwd: string, env: Record<string, string | undefined>): string | null {
  const named = env['LLCT_CONFIG'];
  if (named !== undefined) return named === '' || named === 'none' ? null : resolve(cwd, named);
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const candidate = join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

async function readConfigFile(file: string): Promise<Partial<Record<ConfigKey, string | boolean>>> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError({ code: 'config-unreadable', args: { file }, file });
  }
  // JSON.parse first: a valid file of flat values (all a config file holds) needs nothing more. Anything else goes
  // through the positioned syntax check (jsonc-parser, loaded only then): where the syntax error is, nesting too deep.
  let doc: unknown;
  let parsedOk = true;
  try {
    doc = JSON.parse(text);
  } catch {
    parsedOk = false;
  }
  const flat = parsedOk && typeof doc === 'object' && doc !== null && !Array.isArray(doc) && Object.values(doc).every((v) => v === null || typeof v !== 'object');
  if (!flat) {
    const { parseJsonTree } = await import('../json-syntax.js');
    const parsed = parseJsonTree(text);
    if ('error' in parsed) {
      const { line, column, problem } = parsed.error;
      throw new UsageError({ code: 'json-malformed', args: { line, column, problem }, file, place: { line, column } });
    }
    if (!parsedOk) doc = JSON.parse(text);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new UsageError({ code: 'config-not-object', args: {}, file });
  }
  const out: Partial<Record<ConfigKey, string | boolean>> = {};
  for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
    if (key === '$schema') continue;
    const spec = (CONFIG_KEYS as Record<string, { kind: string }>)[key];
    if (!spec) {
      throw new UsageError({ code: 'config-unknown-key', args: { key, keys: Object.keys(CONFIG_KEYS) }, file, place: { path: `$.${key}` } });
    }
    if (spec.kind === 'boolean') {
      if (typeof value !== 'boolean') throw new UsageError({ code: 'config-not-boolean', args: { key }, file, place: { path: `$.${key}` } });
      out[key as ConfigKey] = value;
    } else {
      if (typeof value !== 'string' && typeof value !== 'number') {
        throw new UsageError({ code: 'config-not-string', args: { key }, file, place: { path: `$.${key}` } });
      }
      // a rule folder in the file is relative to the file, wherever the command runs
      out[key as ConfigKey] = spec.kind === 'path' && !isAbsolute(String(value)) ? resolve(dirname(file), String(value)) : String(value);
    }
  }
  return out;
}

/** The defaults in force for a run: the config file's, then the environment's over them. */
export async function loadDefaults(cwd: string, env: Record<string, string | undefined>): Promise<Defaults> {
  const file = findConfigFile(cwd, env);
  const d: Defaults = { file, values: {}, source: {} };
  if (file !== null) {
    for (const [k, v] of Object.entries(await readConfigFile(file))) {
      d.values[k as ConfigKey] = v;
      d.source[k as ConfigKey] = 'config';
    }
  }
  for (const [key, spec] of Object.entries(CONFIG_KEYS) as [ConfigKey, (typeof CONFIG_KEYS)[ConfigKey]][]) {
    const raw = env[spec.env];
    if (raw === undefined || raw === '') continue;
    d.values[key] = spec.kind === 'boolean' ? bool(raw, spec.env) : spec.kind === 'path' ? resolve(cwd, raw) : raw;
    d.source[key] = 'env';
  }
  const choices: Partial<Record<ConfigKey, readonly string[]>> = { lang: ['vi', 'en'], scale: ['10', '4'] };
  for (const [key, allowed] of Object.entries(choices) as [ConfigKey, readonly string[]][]) {
    const v = d.values[key];
    if (v !== undefined && !allowed.includes(String(v))) {
      const where = d.source[key] === 'env' ? CONFIG_KEYS[key].env : `${file}: ${key}`;
      throw new UsageError({ code: 'config-choice', args: { where, allowed, got: String(v) } });
    }
  }
  return d;
}

/** Set a command's option values from the defaults (the command line, parsed afterwards, overrides them). */
export function applyDefaults(cmd: Command, d: Defaults): void {
  for (const [key, value] of Object.entries(d.values) as [ConfigKey, string | boolean][]) {
    if (!cmd.options.some((o) => o.attributeName() === key)) continue;
    cmd.setOptionValueWithSource(key, value, d.source[key]!);
  }
}
