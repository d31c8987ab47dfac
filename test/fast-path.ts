// A fast path (a reader that skips the schema for the common valid input) must give exactly what the schema gives:
// the same value with its keys in the same order, and, when anything is wrong, the schema's own error.
import { expect } from 'vitest';
import { KnownError } from '../src/errors.js';

/** The outcome of reading `text` as text: JSON keeps the key order, which the reports show. */
function outcome(read: (text: string) => unknown, text: string): string {
  try {
    return JSON.stringify({ value: read(text) });
  } catch (e) {
    if (!(e instanceof KnownError)) throw e;
    return JSON.stringify({ error: { en: e.message, vi: e.vi, file: e.file, place: e.place } });
  }
}

/** An assertion that `read` gives the same with its fast path on (`path.enabled`) and off; the path is left on. */
export function sameWithFastPath(path: { enabled: boolean }, read: (text: string) => unknown): (text: string) => void {
  return (text) => {
    let fast: string;
    let reference: string;
    try {
      path.enabled = true;
      fast = outcome(read, text);
      path.enabled = false;
      reference = outcome(read, text);
    } finally {
      path.enabled = true;
    }
    expect(fast, text.slice(0, 300)).toBe(reference);
  };
}
