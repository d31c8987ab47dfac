// Edge: writing a report file atomically (temp file in the same folder, then rename), never onto an input.

import { randomBytes } from 'node:crypto';
import { realpath, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';

/** The real path a file has, or would have once created (its folder resolved, the name kept). */
async function realTarget(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    try {
      return join(await realpath(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
}

export interface WriteOptions {
  /** input files (paths as given; `-` is ignored) that must never be overwritten */
  inputs?: readonly string[];
  /** folder relative paths are resolved against */
  cwd?: string;
}

export async function writeOutputAtomic(path: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const cwd = options.cwd ?? process.cwd();
  const target = resolve(cwd, path);
  const real = await realTarget(target);
  for (const input of options.inputs ?? []) {
    if (input === '-') continue;
    if ((await realTarget(resolve(cwd, input))) === real) {
      throw new UsageError(
        `refusing to overwrite the input file ${input}; choose another -o file`,
        `không ghi đè lên tệp đầu vào ${input}; hãy chọn tệp -o khác`,
        path,
      );
    }
  }
  const temp = join(dirname(real), `.${basename(real)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data);
    await rename(temp, real);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new UsageError(`cannot write the output file: ${code}`, `không ghi được tệp kết quả: ${code}`, path);
  }
}
