// All CLI logic: build the commander program, run one command line, turn errors into lines, return the exit code.

import { Command } from 'commander';
import { registerBatch } from './batch.js';
import { registerCheck } from './check.js';
import { localizeCommander, reportError } from './errors.js';
import type { Io } from './io.js';
import { cliMessages } from './messages.js';
import { debugFromArgv, langFromArgv } from './options.js';
import { registerRules } from './rules.js';
import { toolVersion } from './version.js';

/** Run `llct` with `argv` (without the node and script paths). Never exits the process. */
export async function run(argv: string[], io: Io): Promise<number> {
  // the language is needed before commander parses (help text, its own errors)
  const lang = langFromArgv(argv);
  const debug = debugFromArgv(argv);
  const m = cliMessages(lang);
  const runIo: Io = { ...io, exitCode: 0 };

  const program = new Command('llct');
  program
    .description(m.programDescription)
    .version(toolVersion(), '-V, --version', m.versionOption)
    .helpOption('-h, --help', m.helpOption)
    .helpCommand('help [command]', m.helpCommand)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      outputError: (s, write) => write(`llct: ${localizeCommander(s, lang).replace(/\n(?=.)/g, '\n      ')}`),
    })
    .configureHelp({
      styleTitle: (s) => m.titles[s] ?? s,
      optionDescription: (option) => {
        const extra: string[] = [];
        if (option.argChoices) extra.push(`${m.choices}: ${option.argChoices.join(', ')}`);
        if (option.defaultValue !== undefined && !option.negate) {
          extra.push(`${m.default}: ${option.defaultValueDescription ?? String(option.defaultValue)}`);
        }
        return extra.length ? `${option.description} (${extra.join('; ')})` : option.description;
      },
      sortSubcommands: false,
    });

  // subcommands inherit output and error handling, so they too never exit the process
  const inherit = (cmd: Command) => {
    cmd.exitOverride().helpOption('-h, --help', m.helpOption);
    cmd.commands.forEach(inherit);
  };
  registerCheck(program, runIo, lang);
  registerRules(program, runIo, lang);
  registerBatch(program, runIo, lang);
  program.commands.forEach(inherit);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return runIo.exitCode ?? 0;
  } catch (e) {
    return reportError(e, io, { lang, debug });
  }
}
