// Small builders shared by the transcript tests.

import { expect } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadJsonReader, parseTranscript, type ReadOptions } from '../../src/transcript/parse.js';
import type { Transcript } from '../../src/transcript/types.js';

// the JSON reader is loaded on first need by the CLI; these tests parse JSON synchronously
await loadJsonReader();

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

export function parseText(text: string, file = 't.csv', opts: ReadOptions = {}): Transcript {
  return parseTranscript(utf8(text), file, opts);
}

/** Run `fn`, expect an InputError, and return it for assertions on file and place. */
export function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError, but nothing was thrown');
}
