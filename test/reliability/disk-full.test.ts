// A full disk without mounting anything: every write into the batch's staging folder fails with ENOSPC (the
// real-tmpfs version is in faults.test.ts, where the test may mount one). In-process, from the sources.

import * as fs from 'node:fs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runIn } from '../cli/helpers.js';
import { snapshot } from './helpers.js';

const fault = { on: false, fds: new Set<number>() };
const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28 });
const staged = (p: unknown) => fault.on && typeof p === 'string' && p.includes('.llct-staging-');

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  return {
    ...real,
    openSync: (path: fs.PathLike, ...rest: unknown[]) => {
      const fd = (real.openSync as (...a: unknown[]) => number)(path, ...rest);
      if (staged(path)) fault.fds.add(fd);
      return fd;
    },
    writeSync: (fd: number, ...rest: unknown[]) => {
      if (fault.on && fault.fds.has(fd)) throw enospc();
      return (real.writeSync as (...a: unknown[]) => number)(fd, ...rest);
    },
    writeFileSync: (path: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
      if (staged(path)) throw enospc();
      return (real.writeFileSync as (...a: unknown[]) => void)(path, ...rest);
    },
  };
});

const tmp = mkdtempSync(join(tmpdir(), 'llct-enospc-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }), 60_000);

describe('a full disk (simulated ENOSPC)', () => {
  it('stops with one line naming the file and the fix; the earlier outputs stay exactly as they were', async () => {
    const out = join(tmp, 'out');
    expect((await runIn(['batch', 'fixtures/dossiers/sample', '--out', out, '--quiet'])).code).toBe(2);
    writeFileSync(join(out, 'ghi-chu.txt'), 'mine');
    const before = snapshot(out);
    fault.on = true;
    try {
      for (const lang of ['vi', 'en']) {
        const r = await runIn(['batch', 'fixtures/dossiers/sample', '--out', out, '--force', '--lang', lang]);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(
          lang === 'vi'
            ? /^llct: .*: không ghi được tệp: ổ đĩa đã đầy; giải phóng dung lượng hoặc chọn ổ đĩa khác rồi chạy lại\n$/u
            : /^llct: .*: cannot write the file: the disk is full; free some space or choose another disk, then run again\n$/u,
        );
        expect(snapshot(out)).toEqual(before);
      }
    } finally {
      fault.on = false;
    }
  });
});
