// Errors become one clean stderr line each (known errors) or one line plus a hint (unknown); exit code 2.

import { formatPlace, formatRuleIssue, KnownError, RuleFileError } from '../errors.js';
import type { Lang } from '../lang.js';
import type { Io } from './io.js';
import { cliMessages } from './messages.js';
import { EXIT } from './exit-code.js';

const oneLine = (s: string) => s.replace(/\s*\r?\n\s*/g, ' ').trim();

/** Commander's own parse errors, in Vietnamese when the report language is Vietnamese. */
const COMMANDER_VI: [RegExp, string][] = [
  [/^error: unknown option '(.*)'/, "lỗi: không có tùy chọn '$1'"],
  [/^error: unknown command '(.*)'/, "lỗi: không có lệnh '$1'"],
  [/^error: missing required argument '(.*)'/, "lỗi: thiếu tham số bắt buộc '$1'"],
  [/^error: option '(.*)' argument missing/, "lỗi: tùy chọn '$1' cần một giá trị"],
  [/^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\./, "lỗi: giá trị '$2' của tùy chọn '$1' không hợp lệ; chọn một trong: $3."],
  [/^error: too many arguments.*/, 'lỗi: thừa tham số'],
  [/^\(Did you mean (.*)\?\)/, '(Có phải ý bạn là $1?)'],
];

export function localizeCommander(message: string, lang: Lang): string {
  if (lang !== 'vi') return message;
  return message
    .split('\n')
    .map((line) => {
      for (const [re, vi] of COMMANDER_VI) if (re.test(line)) return line.replace(re, vi);
      return line;
    })
    .join('\n');
}

/** Write the error and return the exit code for it. */
/**
 * Commander's own errors (it has already printed their message), told apart by their `commander.*` code so that
 * a check run without commander (main.ts's fast path) does not load it just to compare classes.
 */
function commanderCode(e: unknown): string | undefined {
  if (!(e instanceof Error)) return undefined;
  const { code, exitCode } = e as Error & { code?: unknown; exitCode?: unknown };
  return typeof code === 'string' && code.startsWith('commander.') && typeof exitCode === 'number' ? code : undefined;
}

export function reportError(e: unknown, io: Io, opts: { lang: Lang; debug: boolean }): number {
  const commander = commanderCode(e);
  if (commander !== undefined) {
    // help and --version are not errors; commander has already printed its message
    return commander === 'commander.helpDisplayed' || commander === 'commander.version' ? 0 : EXIT.error;
  }
  if (e instanceof RuleFileError) {
    for (const issue of e.issues) io.stderr.write(`llct: ${oneLine(formatRuleIssue(issue, opts.lang))}\n`);
    return EXIT.error;
  }
  if (e instanceof KnownError) {
    const where = formatPlace(e.file, e.place);
    const message = oneLine(e.words(opts.lang));
    io.stderr.write(`llct: ${where ? `${where}: ` : ''}${message}\n`);
    return EXIT.error;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  if (opts.debug) io.stderr.write(`llct: ${err.stack ?? err.message}\n`);
  else io.stderr.write(`llct: ${oneLine(err.message)} ${cliMessages(opts.lang).debugHint}\n`);
  return EXIT.error;
}
