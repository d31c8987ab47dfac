// `llct rules explain`: why a course name matches the rule it matches (one name in detail, several as a table).

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { InputError, UsageError } from '../errors.js';
import { osFailure } from '../fs-errors.js';
import { explainName } from '../coverage/explain.js';
import { EXPLAIN_CSV_COLUMNS, explainCsvRows, explainJson, renderExplainTable, renderExplanation } from '../report/explain.js';
import { toCsv } from '../report/csv.js';
import { LANGS, type Lang } from '../lang.js';
import { loadRuleSet } from '../rules/load.js';
import type { Io } from './io.js';
import { cliMessages } from './messages.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../report/formats.js';
import { rulesCliMessages } from './rules-messages.js';

interface ExplainOptions {
  rules?: string;
  code?: string;
  file?: string;
  format: OutputFormat;
  lang: Lang;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** One name per non-blank line (BOM and surrounding spaces removed). */
async function readNames(path: string, io: Io): Promise<string[]> {
  let bytes: Uint8Array;
  try {
    bytes = path === '-' ? await readAll(io.stdin) : await readFile(resolve(io.cwd, path));
  } catch (e) {
    throw new InputError({ code: 'names-unreadable', args: { os: osFailure(e) }, file: path });
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new InputError({ code: 'names-not-utf8', args: {}, file: path });
  }
  return text
    .replace(/^\uFEFF/u, '')
    .split(/\r\n?|\n/u)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

export function registerRulesExplain(rules: Command, io: Io, lang: Lang): void {
  const m = rulesCliMessages(lang);
  rules
    .command('explain')
    .description(m.explain.description)
    .argument('[names...]', m.explain.names)
    .option('--rules <dir>', m.rules)
    .option('--code <code>', m.explain.code)
    .option('--file <file>', m.explain.file)
    .addOption(new Option('-f, --format <format>', m.format).choices(OUTPUT_FORMATS).default('text'))
    .addOption(new Option('--lang <lang>', m.lang).choices(LANGS).default('vi'))
    .option('--debug', cliMessages(lang).check.debug)
    .addHelpText('after', m.explain.examples)
    .action(async (names: string[], opts: ExplainOptions) => {
      const list: string[] = [];
      for (const n of names) list.push(...(n === '-' ? await readNames('-', io) : [n]));
      if (opts.file !== undefined) list.push(...(await readNames(opts.file, io)));
      if (list.length === 0) {
        throw new UsageError({ code: 'explain-needs-names', args: {} });
      }
      if (opts.code !== undefined && list.length > 1) {
        throw new UsageError({ code: 'explain-code-one-name', args: {} });
      }
      const ruleSet = await loadRuleSet(opts.rules !== undefined ? resolve(io.cwd, opts.rules) : undefined);
      const explanations = list.map((n) => explainName(ruleSet, n, opts.code, opts.lang));
      let data: string;
      if (opts.format === 'json') data = `${JSON.stringify(explainJson(explanations, ruleSet), null, 2)}\n`;
      else if (opts.format === 'csv') data = toCsv([...EXPLAIN_CSV_COLUMNS], explainCsvRows(explanations));
      else if (explanations.length === 1 && !names.includes('-') && opts.file === undefined) {
        data = renderExplanation(explanations[0]!, ruleSet, opts.lang);
      } else data = renderExplainTable(explanations, opts.lang);
      io.stdout.write(data);
      io.exitCode = 0;
    });
}
