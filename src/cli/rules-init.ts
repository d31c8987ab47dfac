// `llct rules init DIR`: write the starter rule set into a new or empty folder (never over anything).

import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { osFailure } from '../fs-errors.js';
import { LANGS, type Lang } from '../lang.js';
import { starterRuleSet } from '../rules/template.js';
import type { Io } from './io.js';
import { cliMessages } from './messages.js';
import { rulesCliMessages } from './rules-messages.js';

async function assertEmptyFolder(dir: string, shownAs: string): Promise<void> {
  let isDir: boolean;
  try {
    isDir = (await stat(dir)).isDirectory();
  } catch {
    return; // does not exist yet: created below
  }
  if (!isDir) {
    throw new UsageError({ code: 'init-is-file', args: {}, file: shownAs });
  }
  if ((await readdir(dir)).length > 0) {
    throw new UsageError({ code: 'init-not-empty', args: {}, file: shownAs });
  }
}

export function registerRulesInit(rules: Command, io: Io, lang: Lang): void {
  const m = rulesCliMessages(lang);
  rules
    .command('init')
    .description(m.init.description)
    .argument('<dir>', m.init.dir)
    .addOption(new Option('--lang <lang>', m.lang).choices(LANGS).default('vi'))
    .option('--debug', cliMessages(lang).check.debug)
    .addHelpText('after', m.init.examples)
    .action(async (dirArg: string, opts: { lang: Lang }) => {
      const dir = resolve(io.cwd, dirArg);
      await assertEmptyFolder(dir, dirArg);
      const files = starterRuleSet();
      try {
        for (const [rel, text] of files) {
          await mkdir(dirname(join(dir, rel)), { recursive: true });
          await writeFile(join(dir, rel), text, { flag: 'wx' });
        }
      } catch (e) {
        throw new UsageError({ code: 'init-write-failed', args: { os: osFailure(e) }, file: dirArg });
      }
      const list = [...files.keys()].map((f) => `  ${join(dirArg, f)}`).join('\n');
      io.stdout.write(
        opts.lang === 'en'
          ? `Created a starter rule set in ${dirArg}:\n${list}\n\nNext:\n  llct rules check --rules ${dirArg}\n  llct rules explain "Triết học Mác-Lênin" --rules ${dirArg}\n  llct check <transcript> --rules ${dirArg}\n`
          : `Đã tạo bộ quy tắc mẫu trong ${dirArg}:\n${list}\n\nTiếp theo:\n  llct rules check --rules ${dirArg}\n  llct rules explain "Triết học Mác-Lênin" --rules ${dirArg}\n  llct check <bảng điểm> --rules ${dirArg}\n`,
      );
      io.exitCode = 0;
    });
}
