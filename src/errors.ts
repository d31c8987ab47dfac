// Known error classes: each becomes one clean line on stderr (file, place, fix) and exit code 2.
// An error carries a finding ({ code, args, file?, place? }); its words come from the message tables.

import type { Lang } from './lang.js';
import type { RuleIssue } from './findings/rule-issues.js';
import type { Place } from './findings/types.js';
import { wordFinding, type Finding } from './findings/words.js';

export type { Place } from './findings/types.js';
export type { RuleIssue } from './findings/rule-issues.js';
export { formatRuleIssue } from './findings/words.js';

export abstract class KnownError extends Error {
  abstract readonly kind: 'usage' | 'input' | 'rules' | 'system';
  readonly finding: Finding;
  constructor(finding: Finding) {
    // Error.message is English (stacks, --debug); users read wordFinding in their language
    super(wordFinding(finding, 'en'));
    this.finding = finding;
  }

  get file(): string | undefined {
    return this.finding.file;
  }

  get place(): Place | undefined {
    return this.finding.place;
  }

  /** The message in `lang` (without file and place). */
  words(lang: Lang): string {
    return wordFinding(this.finding, lang);
  }

  /** The Vietnamese message. */
  get vi(): string {
    return this.words('vi');
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

/** A rule set that does not load; carries every problem found, not just the first. */
export class RuleFileError extends KnownError {
  readonly kind = 'rules' as const;
  override name = 'RuleFileError';
  constructor(readonly issues: RuleIssue[]) {
    const first = issues[0];
    super({ code: 'rule-file', args: { issues }, ...(first ? { file: first.file, place: first.place } : {}) });
  }
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
