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
import { applyDefaults, loadDefaults, type Defaults } from './config.js';
import type { Lang } from '../lang.js';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';

/** Run `llct` with `argv` (without the node and script paths). Never exits the process. */
export async function run(argv: string[], io: Io): Promise<number> {
  const debug = debugFromArgv(argv);
  let defaults: Defaults;
  try {
    defaults = await loadDefaults(io.cwd, io.env);
  } catch (e) {
    return reportError(e, io, { lang: langFromArgv(argv), debug });
  }
  // the language is needed before commander parses (help text, its own errors)
  const lang = langFromArgv(argv, (defaults.values.lang as Lang | undefined) ?? 'vi');
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
  for (const cmd of program.commands) applyDefaults(cmd, defaults);
  program.addHelpText('after', m.programFooter);

  const notCommand = misplacedPath(argv, program, io.cwd);
  if (notCommand) return reportError(notCommand, io, { lang, debug });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return runIo.exitCode ?? 0;
  } catch (e) {
    return reportError(e, io, { lang, debug });
  }
}

/**
 * `llct bang-diem.csv` (a path where the command should be): say which command reads it — `check` for a file,
 * `batch` for a folder — instead of commander's "unknown command".
 */
function misplacedPath(argv: readonly string[], program: Command, cwd: string): UsageError | null {
  const first = argv[0];
  if (first === undefined || first.startsWith('-') || program.commands.some((c) => c.name() === first || c.aliases().includes(first))) return null;
  if (first === 'help') return null;
  let folder = false;
  try {
    folder = statSync(resolve(cwd, first)).isDirectory();
  } catch {
    // not there: a path only if it looks like one
    if (!/[./\\]/u.test(first)) return null;
  }
  const rest = argv.slice(1).join(' ');
  const cmd = `llct ${folder ? 'batch' : 'check'} ${[first, rest].filter(Boolean).join(' ')}`;
  return folder
    ? new UsageError({ code: 'folder-not-command', args: { first, command: cmd } })
    : new UsageError({ code: 'not-a-command', args: { first, command: cmd } });
}
