// Edge: reads a transcript from a file or stdin (`-`) and hands the bytes to the pure parser.

import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { fsReason } from '../fs-errors.js';
import { parseTranscript, type ReadOptions } from './parse.js';
import type { Transcript } from './types.js';

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** Read and parse one transcript; missing or unreadable files become an InputError naming the OS reason. */
export async function readTranscriptFile(path: string, opts: ReadOptions = {}): Promise<Transcript> {
  let bytes: Uint8Array;
  try {
    bytes = path === '-' ? await readStdin() : await readFile(path);
  } catch (e) {
    const { en, vi } = fsReason(e);
    throw new InputError(`cannot read the file: ${en}`, `không đọc được tệp: ${vi}`, path);
  }
  return parseTranscript(bytes, path, opts);
}
