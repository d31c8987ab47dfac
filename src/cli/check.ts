// `llct check <files...>`: read the transcript(s), check them against the rule set, render, exit by the verdict.

import { isAbsolute, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { checkTranscript } from '../coverage/check.js';
import type { CheckOptions } from '../coverage/types.js';
import { UsageError } from '../errors.js';
import { checkCsvRows, toCsv } from '../report/csv.js';
import { buildJsonReport } from '../report/json.js';
import { LANGS, type Lang } from '../report/messages.js';
import { renderText } from '../report/text.js';
import { loadRuleSet } from '../rules/load.js';
import type { RuleSet } from '../rules/types.js';
import { mergeTranscripts, parseTranscript, type ReadOptions } from '../transcript/parse.js';
import { readTranscriptFile } from '../transcript/read-file.js';
import type { Transcript } from '../transcript/types.js';
import { colorLevel, stylesFor } from './color.js';
import { exitCodeForResult } from './exit-code.js';
import { readAll, type Io } from './io.js';
import { cliMessages } from './messages.js';
import {
  localIsoDate,
  OUTPUT_FORMATS,
  parseDelimiter,
  parseEncoding,
  parseIsoDate,
  parseNumber,
  SCALE_CHOICES,
  type OutputFormat,
} from './options.js';
import { writeOutputAtomic } from './output.js';
import { toolVersion } from './version.js';

export interface CheckCommandOptions {
  level?: string;
  format: OutputFormat;
  lang: Lang;
  output?: string;
  excel?: boolean;
  rules?: string;
  asOf?: string;
  encoding?: string;
  delimiter?: string;
  scale?: (typeof SCALE_CHOICES)[number];
  passMark?: string;
  periodsPerCredit?: string;
  color: boolean;
  debug?: boolean;
}

export function registerCheck(program: Command, io: Io, lang: Lang): void {
  const m = cliMessages(lang).check;
  program
    .command('check')
    .description(m.description)
    .argument('<files...>', m.files)
    .option('--level <ids>', m.level)
    .addOption(new Option('-f, --format <format>', m.format).choices(OUTPUT_FORMATS).default('text'))
    .addOption(new Option('--lang <lang>', m.lang).choices(LANGS).default('vi'))
    .option('-o, --output <file>', m.output)
    .option('--excel', m.excel)
    .option('--rules <dir>', m.rules)
    .option('--as-of <date>', `${m.asOf} (YYYY-MM-DD)`)
    .option('--encoding <name>', m.encoding)
    .option('--delimiter <char>', m.delimiter)
    .addOption(new Option('--scale <scale>', m.scale).choices(SCALE_CHOICES))
    .option('--pass-mark <n>', m.passMark)
    .option('--periods-per-credit <n>', m.periodsPerCredit)
    .option('--no-color', m.noColor)
    .option('--debug', m.debug)
    .addHelpText('after', m.examples)
    .action(async (files: string[], opts: CheckCommandOptions, cmd: Command) => {
      // --excel alone implies CSV; with another explicit format it is a mistake worth saying
      if (opts.excel && opts.format !== 'csv') {
        if (cmd.getOptionValueSource('format') === 'default') opts.format = 'csv';
        else throw new UsageError('--excel applies to --format csv only', '--excel chỉ dùng với --format csv');
      }
      io.exitCode = await runCheck(files, opts, io);
    });
}

/** Resolve a path the user typed against the CLI's working folder, keeping it as typed when that is the process's. */
function userPath(io: Io, p: string): string {
  return isAbsolute(p) || io.cwd === process.cwd() ? p : resolve(io.cwd, p);
}

export async function runCheck(files: string[], opts: CheckCommandOptions, io: Io): Promise<number> {
  const lang = opts.lang;
  const asOf = opts.asOf !== undefined ? parseIsoDate(opts.asOf, '--as-of') : localIsoDate((io.now ?? (() => new Date()))());
  const read: ReadOptions = {};
  if (opts.encoding !== undefined) read.encoding = parseEncoding(opts.encoding);
  if (opts.delimiter !== undefined) read.delimiter = parseDelimiter(opts.delimiter);
  if (opts.scale !== undefined) read.scale = opts.scale;
  const checkOptions: CheckOptions = { asOf };
  if (opts.scale !== undefined) checkOptions.scale = opts.scale;
  if (opts.passMark !== undefined) {
    checkOptions.passMark = parseNumber(opts.passMark, '--pass-mark', (n) => n > 0 && n <= 10, {
      en: 'a number in (0, 10] on the 10-point scale',
      vi: 'một số trong khoảng (0; 10] theo thang điểm 10',
    });
  }
  if (opts.periodsPerCredit !== undefined) {
    checkOptions.periodsPerCredit = parseNumber(opts.periodsPerCredit, '--periods-per-credit', (n) => n > 0 && n <= 100, {
      en: 'a positive number of periods (e.g. 15)',
      vi: 'một số tiết dương (ví dụ 15)',
    });
  }
  if (files.filter((f) => f === '-').length > 1) {
    throw new UsageError('stdin ("-") can be read only once', 'chỉ đọc được đầu vào chuẩn ("-") một lần');
  }

  const ruleSet = await loadRuleSet(opts.rules !== undefined ? resolve(io.cwd, opts.rules) : undefined);
  if (opts.level !== undefined) checkOptions.programs = parseLevels(opts.level, ruleSet, lang);

  const transcripts: Transcript[] = [];
  for (const f of files) {
    transcripts.push(f === '-' ? parseTranscript(await readAll(io.stdin), '-', read) : await readTranscriptFile(userPath(io, f), read));
  }
  const transcript = transcripts.length === 1 ? transcripts[0]! : mergeTranscripts(transcripts);
  const result = checkTranscript(transcript, ruleSet, checkOptions);

  const toFile = opts.output !== undefined && opts.output !== '-';
  let data: string;
  if (opts.format === 'json') {
    const meta = { files, toolVersion: toolVersion(), ...(transcript.person ? { person: transcript.person } : {}) };
    data = `${JSON.stringify(buildJsonReport(result, ruleSet, meta), null, 2)}\n`;
  } else if (opts.format === 'csv') {
    const { header, rows } = checkCsvRows(result, ruleSet, lang);
    data = toCsv(header, rows, { excel: opts.excel === true });
  } else {
    const level = toFile ? 0 : colorLevel({ flag: opts.color, env: io.env, isTTY: io.stdoutIsTTY });
    data = renderText(result, ruleSet, {
      lang,
      color: stylesFor(level),
      files,
      ...(transcript.person ? { person: transcript.person } : {}),
    });
  }
  if (toFile) await writeOutputAtomic(opts.output!, data, { inputs: files.map((f) => userPath(io, f)), cwd: io.cwd });
  else io.stdout.write(data);
  return exitCodeForResult(result);
}

/** `--level so-cap,trung-cap` → program ids, each checked against the rule set. */
export function parseLevels(value: string, ruleSet: RuleSet, lang: Lang): string[] {
  const valid = ruleSet.programs.map((p) => p.id);
  const ids = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = ids.filter((id) => !valid.includes(id));
  if (ids.length === 0 || unknown.length) {
    const [en, vi] = cliMessages(lang).unknownLevel(unknown.join(', ') || `"${value}"`, valid.join(', '));
    throw new UsageError(en, vi);
  }
  return [...new Set(ids)];
}
