// `llct rules check`: load and validate a rule set, print a one-line summary (errors are thrown, exit 2).

import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { LANGS, type Lang } from '../lang.js';
import { date } from '../report/format.js';
import { loadRuleSet } from '../rules/load.js';
import type { RuleSet } from '../rules/types.js';
import type { Io } from './io.js';
import { cliMessages } from './messages.js';
import { registerRulesDiff } from './rules-diff.js';
import { registerRulesExplain } from './rules-explain.js';
import { registerRulesInit } from './rules-init.js';
import { registerRulesShow } from './rules-show.js';
import { rulesCliMessages } from './rules-messages.js';

export function registerRules(program: Command, io: Io, lang: Lang): void {
  const m = cliMessages(lang);
  const rules = program.command('rules').description(m.rules.description).addHelpText('after', rulesCliMessages(lang).authoring);
  rules
    .command('check')
    .description(m.rules.checkDescription)
    .option('--rules <dir>', m.check.rules)
    .addOption(new Option('--lang <lang>', m.check.lang).choices(LANGS).default('vi'))
    .option('--debug', m.check.debug)
    .addHelpText('after', m.rules.examples)
    .action(async (opts: { rules?: string; lang: Lang }) => {
      const ruleSet = await loadRuleSet(opts.rules !== undefined ? resolve(io.cwd, opts.rules) : undefined);
      io.stdout.write(`${ruleSetSummary(ruleSet, opts.lang)}\n`);
      io.exitCode = 0;
    });
  registerRulesExplain(rules, io, lang);
  registerRulesShow(rules, io, lang);
  registerRulesDiff(rules, io, lang);
  registerRulesInit(rules, io, lang);
}

function ruleSetSummary(ruleSet: RuleSet, lang: Lang): string {
  const m = cliMessages(lang);
  const { from, to } = ruleSet.effective;
  const d = (s: string) => date(lang, s);
  const effective =
    lang === 'vi'
      ? from && to
        ? `từ ${d(from)} đến hết ${d(to)}`
        : from
          ? `từ ${d(from)}`
          : to
            ? `đến hết ${d(to)}`
            : 'không giới hạn'
      : from && to
        ? `${from} to ${to}`
        : from
          ? `from ${from}`
          : to
            ? `up to ${to}`
            : 'unbounded';
  return m.summary({
    name: ruleSet.name[lang],
    id: ruleSet.id,
    version: ruleSet.version,
    programs: ruleSet.programs.length,
    subjects: ruleSet.programs.reduce((n, p) => n + p.subjects.length, 0),
    lessons: ruleSet.programs.reduce((n, p) => n + p.lessons.filter((l) => !l.implicit).length, 0),
    rules: ruleSet.rules.length,
    effective,
  });
}
