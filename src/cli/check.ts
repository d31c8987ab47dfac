// `llct check <files...>`: read the transcript(s), check them against the rule set, render, exit by the verdict.

import { isAbsolute, resolve } from 'node:path';
// commander is a type here only: `check` runs without it on the fast path of main.ts (start-up, issue 10)
import type { Command } from 'commander';
import { checkTranscript } from '../coverage/check.js';
import { isSpreadsheetName, loadSpreadsheetLibrary } from '../transcript/spreadsheet.js';
import { decisionError } from '../decisions/messages.js';
import { DecisionRefused, type Decision } from '../decisions/types.js';
import type { CheckOptions } from '../coverage/types.js';
import { UsageError } from '../errors.js';
import type { Lang } from '../lang.js';
import { baseKey } from '../text/normalize.js';
import { ruleCacheFromEnv } from '../rules/cache.js';
import { FORMATS, JSON_FORMS, type Format, type JsonForm } from '../report/formats.js';
import { RENDERERS } from '../report/renderers.js';
import { plainStyles } from '../report/styles.js';
import { loadRuleSet } from '../rules/load.js';
import type { RuleSet } from '../rules/types.js';
import { onePerson } from '../transcript/one-person.js';
import { readTranscriptFile } from '../transcript/read-file.js';
import type { Transcript } from '../transcript/types.js';
import { colorLevel, stylesFor } from './color.js';
import { exitCodeForResult } from './exit-code.js';
import type { Io } from './io.js';
import { cliMessages } from './messages.js';
import {
  addCheckingOptions,
  asOfFrom,
  checkOptionsFrom,
  chooseFormat,
  sameTarget,
  readOptionsFrom,
  type CheckingOptionValues,
} from './options.js';
import { writeOutputAtomic } from './output.js';
import { toolVersion } from './version.js';

export interface CheckCommandOptions extends CheckingOptionValues {
  format: Format;
  decisions?: string;
  reviewOut?: string;
  output?: string;
  excel?: boolean;
  samePerson?: boolean;
  jsonForm?: JsonForm;
  color: boolean;
  debug?: boolean;
}

export function registerCheck(program: Command, io: Io, lang: Lang): void {
  const m = cliMessages(lang).check;
  const cmd = program
    .command('check')
    .description(m.description)
    .argument('<files...>', m.files)
    .addOption(program.createOption('-f, --format <format>', m.format).choices(FORMATS).default('text'))
    .option('-o, --output <file>', m.output)
    // batch's spelling, accepted here too so one habit serves both commands
    .addOption(program.createOption('--out <file>').hideHelp())
    .option('--excel', m.excel)
    .addOption(program.createOption('--json-form <form>', m.jsonForm).choices(JSON_FORMS).default('full'))
    .option('--decisions <file>', m.decisions)
    .option('--review-out <file>', m.reviewOut)
    .option('--same-person', m.samePerson);
  addCheckingOptions(cmd, lang)
    .option('--no-color', m.noColor)
    .option('--debug', m.debug)
    .addHelpText('after', m.examples)
    .action(async (files: string[], opts: CheckCommandOptions & { out?: string }, cmd: Command) => {
      io.exitCode = await checkAction(files, opts, (name) => cmd.getOptionValueSource(name) === 'cli', io);
    });
}

/**
 * The action of `llct check` once its command line is parsed (by commander, or by the fast path of main.ts):
 * `given(name)` says whether an option came from the command line (not a default or the config file).
 */
export async function checkAction(
  files: string[],
  opts: CheckCommandOptions & { out?: string },
  given: (name: string) => boolean,
  io: Io,
): Promise<number> {
  const output = sameTarget(opts.output, opts.out, '--out');
  if (output !== undefined) opts.output = output;
  // `-o ket-qua.xlsx` says the format when --format does not; --excel alone means CSV
  opts.format = chooseFormat({ format: opts.format, formatGiven: given('format'), output: opts.output, excelGiven: given('excel') }, FORMATS);
  return runCheck(files, opts, io);
}

/** Resolve a path the user typed against the CLI's working folder, keeping it as typed when that is the process's. */
function userPath(io: Io, p: string): string {
  return isAbsolute(p) || io.cwd === process.cwd() ? p : resolve(io.cwd, p);
}

async function runCheck(files: string[], opts: CheckCommandOptions, io: Io): Promise<number> {
  const lang = opts.lang;
  const read = readOptionsFrom(opts);
  const checkOptions: CheckOptions = { asOf: asOfFrom(opts, io), ...checkOptionsFrom(opts) };
  if (files.filter((f) => f === '-').length > 1) {
    throw new UsageError({ code: 'stdin-twice', args: {} });
  }

  const ruleCache = ruleCacheFromEnv(io.env, toolVersion());
  const ruleSet = await loadRuleSet(opts.rules !== undefined ? resolve(io.cwd, opts.rules) : undefined, { cache: ruleCache });
  if (opts.level !== undefined) checkOptions.programs = parseLevels(opts.level, ruleSet);

  const transcripts: Transcript[] = [];
  for (const f of files) {
    transcripts.push(await readTranscriptFile(f === '-' ? f : userPath(io, f), read, () => io.stdin));
  }
  const { transcript, mergedOnOfficerWord } = onePerson(transcripts, opts.samePerson === true);
  // a filled-in review.xlsx needs the spreadsheet library (loaded only then)
  if (opts.decisions !== undefined && isSpreadsheetName(opts.decisions)) await loadSpreadsheetLibrary();
  const decisions = opts.decisions !== undefined ? await checkDecisions(userPath(io, opts.decisions), opts.decisions) : [];
  const checked = decidedCheck(() => checkTranscript(transcript, ruleSet, checkOptions, decisions));
  // the report says the files were merged on the officer's word, first among the notices
  const result = mergedOnOfficerWord
    ? { ...checked, notices: [{ code: 'merged-on-officer-word' as const, args: { files: mergedOnOfficerWord } }, ...checked.notices] }
    : checked;

  const toFile = opts.output !== undefined && opts.output !== '-';
  const renderer = RENDERERS[opts.format];
  if (renderer.binary && !toFile && io.stdoutIsTTY) {
    throw new UsageError({ code: 'workbook-to-terminal', args: {} });
  }
  const level = toFile ? 0 : colorLevel({ flag: opts.color, env: io.env, isTTY: io.stdoutIsTTY });
  const data = await renderer.render({
    result,
    ruleSet,
    lang,
    files,
    toolVersion: toolVersion(),
    ...(transcript.person ? { person: transcript.person } : {}),
    styles: opts.format === 'text' ? await stylesFor(level) : plainStyles,
    excel: opts.excel === true,
    jsonForm: opts.jsonForm ?? 'full',
  });
  // decisions are read, never written: neither output may land on them (or on a transcript)
  const inputs = [...files, ...(opts.decisions !== undefined ? [opts.decisions] : [])].map((f) => userPath(io, f));
  if (opts.reviewOut !== undefined) {
    const [{ WORKLIST_COLUMNS, worklistRecords }, { csvText }] = await Promise.all([import('../decisions/worklist.js'), import('../batch/lines.js')]);
    const person = typeof transcript.person?.name === 'string' ? transcript.person.name : null;
    const records = worklistRecords(result, ruleSet, { dossier: null, person, lang });
    await writeOutputAtomic(opts.reviewOut, csvText([[...WORKLIST_COLUMNS], ...records], true, true), { inputs, cwd: io.cwd });
  }
  if (toFile) await writeOutputAtomic(opts.output!, data, { inputs: [...inputs, ...(opts.reviewOut !== undefined ? [userPath(io, opts.reviewOut)] : [])], cwd: io.cwd });
  else io.stdout.write(typeof data === 'string' ? data : Buffer.from(data));
  return exitCodeForResult(result);
}

/** The decisions of `check --decisions FILE`: one dossier's (a batch's review.csv naming several is refused). */
async function checkDecisions(path: string, shownAs: string): Promise<Decision[]> {
  // the decisions reader (zod, jsonc-parser, csv) is loaded only for --decisions
  const { loadDecisionsFile } = await import('../decisions/load.js');
  const read = loadDecisionsFile(path, shownAs);
  const first = read.problems[0];
  if (first) throw decisionError(first);
  const dossiers = [...new Set(read.decisions.map((d) => d.dossier).filter((d): d is string => d !== null))];
  if (dossiers.length > 1) {
    throw new UsageError({ code: 'decisions-many-dossiers', args: { file: shownAs, dossiers } });
  }
  return read.decisions.map((d) => d.decision);
}

/** Run a check whose decisions may be refused: a refusal is the one-line error naming the decisions file and line. */
function decidedCheck<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof DecisionRefused) throw decisionError(e.refusal);
    throw e;
  }
}

/**
 * `--level so-cap,trung-cap` → program ids, each checked against the rule set. A level may also be written as
 * officers say it — "sơ cấp", "Trung cấp", "so cap" — matching an id or the start of a program's name (accents,
 * case and dashes aside), as long as that names exactly one program.
 */
export function parseLevels(value: string, ruleSet: RuleSet): string[] {
  const valid = ruleSet.programs.map((p) => p.id);
  const resolve = (given: string): string | undefined => {
    if (valid.includes(given)) return given;
    const key = baseKey(given);
    if (key === '') return undefined;
    const hits = ruleSet.programs.filter((p) => {
      const names = [p.id, p.name.vi, p.name.en].map(baseKey);
      return names.some((n) => n === key || n.startsWith(`${key} `));
    });
    return hits.length === 1 ? hits[0]!.id : undefined;
  };
  const given = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const ids = given.map(resolve);
  const unknown = given.filter((_, i) => ids[i] === undefined);
  if (given.length === 0 || unknown.length) {
    throw new UsageError({ code: 'unknown-level', args: { given: unknown.join(', ') || `"${value}"`, valid } });
  }
  return [...new Set(ids as string[])];
}
