// `llct check <files...>`: read the transcript(s), check them against the rule set, render, exit by the verdict.

import { isAbsolute, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { checkTranscript } from '../coverage/check.js';
import type { CheckOptions } from '../coverage/types.js';
import { UsageError } from '../errors.js';
import { checkCsvRows, toCsv } from '../report/csv.js';
import { renderCheckXlsx } from '../report/check-xlsx.js';
import { renderHtml } from '../report/html.js';
import { buildJsonReport } from '../report/json.js';
import type { Lang } from '../report/messages.js';
import { renderText } from '../report/text.js';
import { loadRuleSet } from '../rules/load.js';
import type { RuleSet } from '../rules/types.js';
import { mergeTranscripts } from '../transcript/parse.js';
import { readTranscriptFile } from '../transcript/read-file.js';
import type { Transcript } from '../transcript/types.js';
import { colorLevel, stylesFor } from './color.js';
import { exitCodeForResult } from './exit-code.js';
import type { Io } from './io.js';
import { cliMessages } from './messages.js';
import {
  addCheckingOptions,
  asOfFrom,
  CHECK_FORMATS,
  checkOptionsFrom,
  chooseFormat,
  readOptionsFrom,
  type CheckFormat,
  type CheckingOptionValues,
} from './options.js';
import { writeOutputAtomic } from './output.js';
import { toolVersion } from './version.js';

export interface CheckCommandOptions extends CheckingOptionValues {
  format: CheckFormat;
  output?: string;
  excel?: boolean;
  color: boolean;
  debug?: boolean;
}

export function registerCheck(program: Command, io: Io, lang: Lang): void {
  const m = cliMessages(lang).check;
  const cmd = program
    .command('check')
    .description(m.description)
    .argument('<files...>', m.files)
    .addOption(new Option('-f, --format <format>', m.format).choices(CHECK_FORMATS).default('text'))
    .option('-o, --output <file>', m.output)
    .option('--excel', m.excel);
  addCheckingOptions(cmd, lang)
    .option('--no-color', m.noColor)
    .option('--debug', m.debug)
    .addHelpText('after', m.examples)
    .action(async (files: string[], opts: CheckCommandOptions, cmd: Command) => {
      // `-o ket-qua.xlsx` says the format when --format does not; --excel alone means CSV
      const given = (name: string) => cmd.getOptionValueSource(name) === 'cli';
      opts.format = chooseFormat({ format: opts.format, formatGiven: given('format'), output: opts.output, excelGiven: given('excel') }, CHECK_FORMATS);
      io.exitCode = await runCheck(files, opts, io);
    });
}

/** Resolve a path the user typed against the CLI's working folder, keeping it as typed when that is the process's. */
function userPath(io: Io, p: string): string {
  return isAbsolute(p) || io.cwd === process.cwd() ? p : resolve(io.cwd, p);
}

export async function runCheck(files: string[], opts: CheckCommandOptions, io: Io): Promise<number> {
  const lang = opts.lang;
  const read = readOptionsFrom(opts);
  const checkOptions: CheckOptions = { asOf: asOfFrom(opts, io), ...checkOptionsFrom(opts) };
  if (files.filter((f) => f === '-').length > 1) {
    throw new UsageError('stdin ("-") can be read only once', 'chỉ đọc được đầu vào chuẩn ("-") một lần');
  }

  const ruleSet = await loadRuleSet(opts.rules !== undefined ? resolve(io.cwd, opts.rules) : undefined);
  if (opts.level !== undefined) checkOptions.programs = parseLevels(opts.level, ruleSet, lang);

  const transcripts: Transcript[] = [];
  for (const f of files) {
    transcripts.push(await readTranscriptFile(f === '-' ? f : userPath(io, f), read, io.stdin));
  }
  const transcript = transcripts.length === 1 ? transcripts[0]! : mergeTranscripts(transcripts);
  const result = checkTranscript(transcript, ruleSet, checkOptions);

  const toFile = opts.output !== undefined && opts.output !== '-';
  let data: string | Uint8Array;
  if (opts.format === 'xlsx') {
    if (!toFile && io.stdoutIsTTY) {
      throw new UsageError('a workbook is not for the terminal; add -o FILE.xlsx', 'bảng tính không in ra màn hình được; hãy thêm -o TỆP.xlsx');
    }
    data = await renderCheckXlsx(result, ruleSet, {
      lang,
      files,
      toolVersion: toolVersion(),
      ...(transcript.person ? { person: transcript.person } : {}),
    });
  } else if (opts.format === 'json') {
    const meta = { files, toolVersion: toolVersion(), ...(transcript.person ? { person: transcript.person } : {}) };
    data = `${JSON.stringify(buildJsonReport(result, ruleSet, meta), null, 2)}\n`;
  } else if (opts.format === 'html') {
    data = renderHtml(result, ruleSet, {
      lang,
      files,
      toolVersion: toolVersion(),
      ...(transcript.person ? { person: transcript.person } : {}),
    });
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
  else io.stdout.write(typeof data === 'string' ? data : Buffer.from(data));
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
