// `llct rules diff --old DIR [--new DIR] <corpus>`: every dossier of a batch folder checked under both rule sets;
// the dossiers whose verdict, periods or lessons change, with the rows and rules responsible. Exit 1 on a verdict change.

import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { discoverDossiers } from '../batch/discover.js';
import { dossierFacts } from '../batch/evaluate.js';
import { readDossierFiles } from '../batch/read-dossier.js';
import { buildSummaryRow } from '../batch/summary.js';
import { scanBatchFolder } from '../batch/scan.js';
import { UsageError } from '../errors.js';
import { toCsv } from '../report/csv.js';
import { DIFF_CSV_COLUMNS, diffCsvRows, diffJson, renderDiff, type DiffSides } from '../report/diff.js';
import { LANGS, type Lang } from '../lang.js';
import { diffCorpus } from '../rules/diff.js';
import type { RuleSet } from '../rules/types.js';
import { isSpreadsheetBytes, loadSpreadsheetLibrary } from '../transcript/spreadsheet.js';
import { defaultRulesDir, loadRuleSet } from '../rules/load.js';
import type { Io } from './io.js';
import { cliMessages } from './messages.js';
import { parseLevels } from './check.js';
import { asOfFrom, checkOptionsFrom, readOptionsFrom, SCALE_CHOICES, type CheckingOptionValues } from './options.js';
import { writeOutputAtomic } from './output.js';
import { rulesCliMessages } from './rules-messages.js';

const DIFF_FORMATS = ['text', 'json'] as const;

interface DiffOptions extends Omit<CheckingOptionValues, 'rules'> {
  old?: string;
  new?: string;
  out?: string;
  format: (typeof DIFF_FORMATS)[number];
}

export function registerRulesDiff(rules: Command, io: Io, lang: Lang): void {
  const m = rulesCliMessages(lang);
  rules
    .command('diff')
    .description(m.diff.description)
    .argument('<corpus>', m.diff.corpus)
    .option('--old <dir>', m.diff.old)
    .option('--new <dir>', m.diff.new)
    .option('--out <file>', m.diff.out)
    .option('--as-of <date>', `${m.diff.asOf} (YYYY-MM-DD)`)
    .addOption(new Option('-f, --format <format>', m.format).choices(DIFF_FORMATS).default('text'))
    .addOption(new Option('--lang <lang>', m.lang).choices(LANGS).default('vi'))
    // how dossiers are read and checked: the same options as batch (both rule sets see the same reading)
    .option('--level <ids>', cliMessages(lang).check.level)
    .option('--encoding <name>', cliMessages(lang).check.encoding)
    .option('--delimiter <char>', cliMessages(lang).check.delimiter)
    .addOption(new Option('--scale <scale>', cliMessages(lang).check.scale).choices(SCALE_CHOICES))
    .option('--pass-mark <n>', cliMessages(lang).check.passMark)
    .option('--periods-per-credit <n>', cliMessages(lang).check.periodsPerCredit)
    .option('--debug', cliMessages(lang).check.debug)
    .addHelpText('after', m.diff.examples)
    .action(async (corpus: string, opts: DiffOptions) => {
      if (opts.old === undefined) {
        throw new UsageError({ code: 'diff-needs-old', args: {} });
      }
      const oldDir = resolve(io.cwd, opts.old);
      const newDir = opts.new !== undefined ? resolve(io.cwd, opts.new) : defaultRulesDir();
      const [oldRules, newRules] = [await loadRuleSet(oldDir), await loadRuleSet(newDir)];
      const root = resolve(io.cwd, corpus);
      const dossiers = discoverDossiers(await scanBatchFolder(root, corpus));
      if (dossiers.length === 0) throw new UsageError({ code: 'no-dossiers', args: { folder: corpus } });
      const defaultAsOf = asOfFrom(opts, io);
      const read = readOptionsFrom(opts);
      const check = checkOptionsFrom(opts);
      // a program id must exist in both rule sets to be compared
      if (opts.level !== undefined) {
        parseLevels(opts.level, oldRules);
        check.programs = parseLevels(opts.level, newRules);
      }
      // the batch's own evaluation, once per rule set: a diff can never disagree with what batch would report
      const side = (files: ReturnType<typeof readDossierFiles>, ruleSet: RuleSet) => {
        const facts = dossierFacts(files, { ruleSet, check, defaultAsOf, read });
        return { summary: buildSummaryRow(facts, opts.lang), result: facts.result };
      };
      const pairs = [];
      for (const d of dossiers) {
        const files = readDossierFiles(root, d, read.maxBytes);
        if (files.transcripts.some((f) => 'bytes' in f && isSpreadsheetBytes(f.bytes))) await loadSpreadsheetLibrary();
        pairs.push({ old: side(files, oldRules), new: side(files, newRules) });
      }
      const diff = diffCorpus(pairs);
      const sides: DiffSides = {
        old: { id: oldRules.id, version: oldRules.version, dir: opts.old },
        new: { id: newRules.id, version: newRules.version, dir: opts.new ?? (opts.lang === 'vi' ? 'bộ quy tắc kèm theo' : 'shipped rules') },
        corpus,
      };
      if (opts.out !== undefined) await writeOutputAtomic(opts.out, toCsv([...DIFF_CSV_COLUMNS], diffCsvRows(diff)), { cwd: io.cwd });
      io.stdout.write(opts.format === 'json' ? `${JSON.stringify(diffJson(diff, sides), null, 2)}\n` : renderDiff(diff, sides, opts.lang));
      io.exitCode = diff.verdictChanges > 0 ? 1 : 0;
    });
}
