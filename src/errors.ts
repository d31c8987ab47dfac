// Known error classes: each becomes one clean line on stderr (file, place, fix) and exit code 2.

/** Where in a file something went wrong: a line (and column) for text, a JSON path for JSON. */
export interface Place {
  /** the worksheet of a spreadsheet; `line` is then its row number */
  sheet?: string;
  line?: number;
  column?: number;
  /** JSON path such as `$.courses[3].credits` */
  path?: string;
}

export abstract class KnownError extends Error {
  abstract readonly kind: 'usage' | 'input' | 'rules' | 'system';
  constructor(
    /** English message (used for --lang en and as Error.message). */
    message: string,
    /** Vietnamese message (the default user-facing language). */
    readonly vi: string,
    readonly file?: string,
    readonly place?: Place,
  ) {
    super(message);
  }
}

/** Bad command-line usage: unknown option value, missing argument, output onto an input… */
export class UsageError extends KnownError {
  readonly kind = 'usage' as const;
  override name = 'UsageError';
}

/** A transcript or metadata file that cannot be read: encoding, CSV/JSON syntax, missing columns… */
export class InputError extends KnownError {
  readonly kind = 'input' as const;
  override name = 'InputError';
}

/** One problem found while loading a rule set. */
export interface RuleIssue {
  file: string;
  path: string;
  line?: number;
  column?: number;
  /** English message (--lang en). */
  message: string;
  /** Vietnamese message (the default user-facing language). */
  vi: string;
}

/** A rule set that does not load; carries every problem found, not just the first. */
export class RuleFileError extends KnownError {
  readonly kind = 'rules' as const;
  override name = 'RuleFileError';
  constructor(readonly issues: RuleIssue[]) {
    const first = issues[0];
    super(
      issues.map((i) => formatRuleIssue(i, 'en')).join('\n'),
      issues.map((i) => formatRuleIssue(i, 'vi')).join('\n'),
      first?.file,
      first ? { path: first.path, line: first.line, column: first.column } : undefined,
    );
  }
}

/** `file:line:col: $.json.path: message`, the message in `lang` (Vietnamese unless 'en'). */
export function formatRuleIssue(i: RuleIssue, lang: 'vi' | 'en' = 'vi'): string {
  const pos = i.line !== undefined ? `:${i.line}${i.column !== undefined ? `:${i.column}` : ''}` : '';
  return `${i.file}${pos}: ${i.path}: ${lang === 'en' ? i.message : i.vi}`;
}

/** `file:line:column` or `file: $.path` for a one-line error prefix. */
export function formatPlace(file: string | undefined, place: Place | undefined): string {
  if (!file) return '';
  if (!place) return file;
  if (place.sheet !== undefined) file = `${file}[${place.sheet}]`;
  if (place.line !== undefined) {
    return `${file}:${place.line}${place.column !== undefined ? `:${place.column}` : ''}`;
  }
  if (place.path) return `${file}: ${place.path}`;
  return file;
}
