// Edge: reads a transcript from a file or stdin (`-`) and hands the bytes to the pure parser.

import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { parseTranscript, type ReadOptions } from './parse.js';
import type { Transcript } from './types.js';

const REASONS_VI: Record<string, string> = {
  ENOENT: 'không có tệp hoặc thư mục này',
  EACCES: 'không có quyền đọc',
  EPERM: 'không được phép',
  EISDIR: 'đây là thư mục, không phải tệp',
  ENOTDIR: 'một phần của đường dẫn không phải thư mục',
  EMFILE: 'mở quá nhiều tệp',
};

const REASONS_EN: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a part of the path is not a directory',
  EMFILE: 'too many open files',
};

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
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    const en = REASONS_EN[code] ?? (e as Error).message;
    const vi = REASONS_VI[code] ?? (e as Error).message;
    throw new InputError(`cannot read file: ${code}: ${en}`, `không đọc được tệp: ${code}: ${vi}`, path);
  }
  return parseTranscript(bytes, path, opts);
}
