// `llct rules show [program]`: the rule set at a glance, as text, JSON or CSV.

import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { toCsv } from '../report/csv.js';
import { LANGS, type Lang } from '../lang.js';
import { renderShow, SHOW_CSV_COLUMNS, showCsvRows, showJson } from '../report/show.js';
import { loadRuleSet } from '../rules/load.js';
import { showRuleSet } from '../rules/show.js';
import type { Io } from './io.js';
import { cliMessages } from './messages.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../report/formats.js';
import { writeOutputAtomic } from './output.js';
import { rulesCliMessages } from './rules-messages.js';

export function registerRulesShow(rules: Command, io: Io, lang: Lang): void {
  const m = rulesCliMessages(lang);
  rules
    .command('show')
    .description(m.show.description)
    .argument('[program]', m.show.program)
    .option('--rules <dir>', m.rules)
    .addOption(new Option('-f, --format <format>', m.format).choices(OUTPUT_FORMATS).default('text'))
    .option('-o, --output <file>', m.output)
    .addOption(new Option('--lang <lang>', m.lang).choices(LANGS).default('vi'))
    .option('--debug', cliMessages(lang).check.debug)
    .addHelpText('after', m.show.examples)
    .action(async (programId: string | undefined, opts: { rules?: string; format: OutputFormat; output?: string; lang: Lang }) => {
      const ruleSet = await loadRuleSet(opts.rules !== undefined ? resolve(io.cwd, opts.rules) : undefined);
      const view = showRuleSet(ruleSet, programId);
      if (!view) {
        const valid = ruleSet.programs.map((p) => p.id).join(', ');
        throw new UsageError({ code: 'unknown-program', args: { program: String(programId), valid } });
      }
      const data =
        opts.format === 'json'
          ? `${JSON.stringify(showJson(view), null, 2)}\n`
          : opts.format === 'csv'
            ? toCsv([...SHOW_CSV_COLUMNS], showCsvRows(view, opts.lang))
            : renderShow(view, opts.lang);
      if (opts.output !== undefined && opts.output !== '-') await writeOutputAtomic(opts.output, data, { cwd: io.cwd });
      else io.stdout.write(data);
      io.exitCode = 0;
    });
}
