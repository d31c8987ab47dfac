// The operating system's file errors as findings (their words, what happened and what to do, are in findings/os.ts).
// Every read, write and listing goes through here, so ENOSPC & co never reach the user as Node's text.

import { KnownError } from './errors.js';
import type { FsAction, OsFailure } from './findings/os.js';

export { NOT_REGULAR, WORKER_DIED } from './findings/os.js';

/** The code of an OS error (`ENOSPC`), one of ours (`not-regular`), or undefined. */
function errorCode(e: unknown): string | undefined {
  if (typeof e === 'string') return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** An OS error as data for a finding. */
export function osFailure(e: unknown): OsFailure {
  const code = errorCode(e);
  return { ...(code !== undefined ? { code } : {}), message: e instanceof Error ? e.message : String(e) };
}

export type { FsAction } from './findings/os.js';

/** A file operation that failed: one line naming the path, the reason and the fix; exit code 2. */
export class SystemError extends KnownError {
  readonly kind = 'system' as const;
  override name = 'SystemError';
  constructor(
    e: unknown,
    action: FsAction,
    file: string,
    /** the errno-style code (`ENOSPC`), kept for callers and tests */
    readonly code: string | undefined = errorCode(e),
  ) {
    super({ code: 'os-error', args: { action, os: osFailure(e) }, file });
  }
}
