// Edge: reads a transcript from a file or stdin (`-`) and hands the bytes to the pure parser.

import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { fsReason } from '../fs-errors.js';
import { parseTranscript, type ReadOptions } from './parse.js';
import type { Transcript } from './types.js';

/** Everything the stream gives, as bytes. */
async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/**
 * Read and parse one transcript (`-` = the given standard input); missing or unreadable files become an
 * InputError naming the OS reason.
 */
export async function readTranscriptFile(path: string, opts: ReadOptions = {}, stdin: NodeJS.ReadableStream = process.stdin): Promise<Transcript> {
  let bytes: Uint8Array;
  try {
    bytes = path === '-' ? await readAll(stdin) : await readFile(path);
  } catch (e) {
    const { en, vi } = fsReason(e);
    throw new InputError(`cannot read the file: ${en}`, `không đọc được tệp: ${vi}`, path);
  }
  return parseTranscript(bytes, path, opts);
}
