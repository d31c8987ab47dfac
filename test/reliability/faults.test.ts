// Fault suite: a hostile user and a flaky machine. Each test asserts that nothing the tool did not write is
// changed or deleted, and that every dossier is accounted for (N dossiers in, N summary rows out).

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateFolder } from '../../src/bench/generate.js';
import { canMount, runBuilt, sh, snapshot, spawnUntil, stdoutRows, summaryRows } from './helpers.js';

// the machine running CI is shared: generous timeouts, and one job where the number of jobs does not matter
vi.setConfig({ testTimeout: 60_000 });

const SAMPLE = 'fixtures/dossiers/sample';
const SAMPLE_COUNT = 16;
const TRANSCRIPT = `${SAMPLE}/nguyen-thi-lan.csv`;
const tmp = mkdtempSync(join(tmpdir(), 'llct-faults-'));
const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts.reverse()) spawnSync('umount', [m]);
  rmSync(tmp, { recursive: true, force: true });
}, 60_000);
const MOUNT = canMount(join(tmp, '.probe'));

/** A copy of the sample folder (so a test may add odd entries to it). */
function sampleCopy(name: string): string {
  const dir = join(tmp, name);
  cpSync(SAMPLE, dir, { recursive: true });
  return dir;
}

const noLeftovers = (out: string) => expect(readdirSync(out).filter((f) => f.startsWith('.llct-') && f !== '.llct-manifest.json')).toEqual([]);

describe('the output folder', () => {
  it('read-only --out: one line, exit 2, the earlier outputs left exactly as they were', async () => {
    const out = join(tmp, 'ro-out');
    expect((await runBuilt(['batch', SAMPLE, '--out', out, '--quiet', '--jobs', '1'])).code).toBe(2);
    writeFileSync(join(out, 'ghi-chu.txt'), 'mine');
    const before = snapshot(out);
    if (MOUNT) {
      // a read-only bind mount: root ignores permission bits, the kernel does not ignore EROFS
      sh('mount', ['--bind', out, out]);
      mounts.push(out);
      sh('mount', ['-o', 'remount,bind,ro', out]);
    } else {
      sh('chmod', ['-R', 'a-w', out]);
    }
    const r = await runBuilt(['batch', SAMPLE, '--out', out, '--force', '--jobs', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(MOUNT ? /ổ đĩa chỉ cho phép đọc; chọn thư mục trên ổ đĩa ghi được/u : /không có quyền truy cập/u);
    expect(r.stderr).not.toMatch(/EROFS|EACCES|at .*\.js/u);
    expect(snapshot(out)).toEqual(before);
  });

  it('full disk (tmpfs, or a simulated ENOSPC in disk-full.test.ts): one line, the earlier outputs untouched', async () => {
    if (!MOUNT) return;
    const disk = join(tmp, 'tiny');
    mkdirSync(disk);
    sh('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', disk]);
    mounts.push(disk);
    const out = join(disk, 'out');
    const one = join(tmp, 'one-dossier');
    mkdirSync(one);
    cpSync(TRANSCRIPT, join(one, 'a.csv'));
    expect((await runBuilt(['batch', one, '--out', out, '--quiet', '--jobs', '1'])).code).toBe(0);
    const before = snapshot(out);
    // fill the disk, then ask for the 16 sample dossiers
    spawnSync('dd', ['if=/dev/zero', `of=${join(disk, 'filler')}`, 'bs=4k', 'count=1000'], { stdio: 'ignore' });
    const r = await runBuilt(['batch', SAMPLE, '--out', out, '--force', '--jobs', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^llct: .*không ghi được tệp: ổ đĩa đã đầy; giải phóng dung lượng hoặc chọn ổ đĩa khác rồi chạy lại\n$/u);
    expect(snapshot(out)).toEqual(before);
    noLeftovers(out);
  });

  it('--force removes only files llct wrote (its manifest); a file of the user’s in the way is named, not replaced', async () => {
    const out = join(tmp, 'manifest');
    mkdirSync(join(out, 'reports'), { recursive: true });
    writeFileSync(join(out, 'summary.csv'), 'my own summary');
    writeFileSync(join(out, 'reports', 'notes.txt'), 'mine');
    const before = snapshot(out);
    const refused = await runBuilt(['batch', SAMPLE, '--out', out, '--force', '--jobs', '1', '--reports', 'json,text,html']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('summary.csv trong --out');
    expect(refused.stderr).toContain('không phải do llct ghi');
    expect(snapshot(out)).toEqual(before);
    rmSync(join(out, 'summary.csv'));
    expect((await runBuilt(['batch', SAMPLE, '--out', out, '--force', '--quiet', '--jobs', '1', '--reports', 'json,text,html'])).code).toBe(2);
    expect(summaryRows(join(out, 'summary.csv'))).toHaveLength(SAMPLE_COUNT);
    // a dossier removed from the input: its old reports (ours) go, the user's notes stay
    const fewer = sampleCopy('fewer');
    rmSync(join(fewer, '01-pre2008-lanh-dao'), { recursive: true });
    expect((await runBuilt(['batch', fewer, '--out', out, '--force', '--quiet', '--jobs', '1', '--reports', 'json,text,html'])).code).toBe(2);
    const reports = readdirSync(join(out, 'reports'));
    expect(reports).not.toContain('01-pre2008-lanh-dao.json');
    expect(reports).toContain('notes.txt');
    expect(reports).toHaveLength(3 * (SAMPLE_COUNT - 1) + 1);
    // and a run without --reports: every per-dossier file of ours goes, the user's notes (and so the folder) stay
    expect((await runBuilt(['batch', fewer, '--out', out, '--force', '--quiet', '--jobs', '1'])).code).toBe(2);
    expect(readdirSync(join(out, 'reports'))).toEqual(['notes.txt']);
    expect(readFileSync(join(out, 'reports', 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('--out through a symlink into the input folder is refused, and nothing is created inside the input', async () => {
    const input = sampleCopy('linked-input');
    const before = snapshot(input);
    symlinkSync(input, join(tmp, 'link-to-input'));
    for (const out of [join(tmp, 'link-to-input', 'new', 'deeper'), join(tmp, 'link-to-input')]) {
      const r = await runBuilt(['batch', input, '--out', out, '--jobs', '1']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('nằm trong thư mục hồ sơ');
    }
    expect(snapshot(input)).toEqual(before);
  });

  it('input folder = <out>/reports with --force: refused, the transcripts there untouched', async () => {
    const out = join(tmp, 'out-holds-input');
    expect((await runBuilt(['batch', SAMPLE, '--out', out, '--quiet', '--jobs', '1'])).code).toBe(2);
    const input = join(out, 'reports');
    cpSync(TRANSCRIPT, join(input, 'bang-diem.csv'));
    const before = snapshot(out);
    const r = await runBuilt(['batch', input, '--out', out, '--force', '--jobs', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('chứa thư mục hồ sơ');
    expect(snapshot(out)).toEqual(before);
  });

  it('-o onto a private FIFO, a private device node and a folder is an error; they stay what they were', async () => {
    const dir = join(tmp, 'targets');
    mkdirSync(join(dir, 'folder'), { recursive: true });
    sh('mkfifo', [join(dir, 'fifo')]);
    const targets = ['fifo', 'folder'];
    // a private copy of /dev/null's device node (never the system's own): only where mknod is allowed
    if (spawnSync('mknod', [join(dir, 'null'), 'c', '1', '3']).status === 0) targets.push('null');
    const before = snapshot(dir);
    for (const t of targets) {
      const r = await runBuilt(['check', TRANSCRIPT, '--format', 'text', '-o', join(dir, t)]);
      expect(r.code, t).toBe(2);
      expect(r.stderr, t).toMatch(t === 'folder' ? /đây là thư mục, không phải tệp/u : /không phải tệp thông thường/u);
    }
    expect(snapshot(dir)).toEqual(before);
    expect((await runBuilt(['check', TRANSCRIPT, '-o', '-'])).stdout).toContain('nguyen-thi-lan.csv');
  });
});

describe('every dossier accounted for', () => {
  it('a FIFO, a /dev/zero link, deep JSON, a 232- and a 255-byte name, a\\b beside a_b: one row each, never a hang', async () => {
    const input = sampleCopy('odd-entries');
    sh('mkfifo', [join(input, 'fifo.csv')]);
    symlinkSync('/dev/zero', join(input, 'zero.csv'));
    writeFileSync(join(input, 'deep.json'), `${'['.repeat(3000)}${']'.repeat(3000)}`);
    const long232 = 'đ'.repeat(116); // 232 bytes
    const long255 = `${'a'.repeat(254)}b`;
    for (const d of [long232, long255, 'a\\b', 'a_b']) {
      mkdirSync(join(input, d));
      cpSync(TRANSCRIPT, join(input, d, 'bang-diem.csv'));
    }
    const inputBefore = snapshot(input);
    const outs: Record<string, Record<string, string>> = {};
    for (const jobs of ['1', '2']) {
      const out = join(tmp, `odd-out-${jobs}`);
      const r = await runBuilt(['batch', input, '--out', out, '--jobs', jobs, '--as-of', '2020-01-01', '--reports', 'json,text,html']);
      expect(r.code).toBe(2);
      const rows = summaryRows(join(out, 'summary.csv'));
      expect(rows).toHaveLength(SAMPLE_COUNT + 7);
      const by = (d: string) => rows.find((row) => row.dossier === d)!;
      expect(by('fifo.csv').error_code).toBe('unreadable');
      expect(by('zero.csv').error_code).toBe('unreadable');
      expect(by('deep.json')).toMatchObject({ error_code: 'transcript-invalid', error: expect.stringContaining('deep.json:1:65: JSON lồng sâu quá 64 cấp') });
      for (const d of [long232, long255, 'a\\b', 'a_b']) expect(by(d).so_cap_verdict, d).toBe('PASS');
      const reports = readdirSync(join(out, 'reports'));
      expect(reports).toContain('a%5Cb.json');
      expect(reports).toContain('a_b.json');
      expect(reports).toContain(`${long232}.json`);
      expect(reports.filter((f) => f.startsWith('aaaa') && /~[0-9a-f]{16}\.json$/u.test(f))).toHaveLength(1);
      expect(reports).toHaveLength(3 * (SAMPLE_COUNT + 7));
      const snap = snapshot(out);
      outs[jobs] = snap;
    }
    expect(outs['2']).toEqual(outs['1']);
    expect(snapshot(input)).toEqual(inputBefore);
  });

  it('a file over --max-file-size and a transcript over --max-rows: one error row each, naming the limit and option', async () => {
    const input = join(tmp, 'limits');
    mkdirSync(input);
    cpSync(TRANSCRIPT, join(input, 'a.csv'));
    writeFileSync(join(input, 'b.csv'), `Tên học phần,Số tín chỉ,Điểm\n${'Triết học,3,8\n'.repeat(2000)}`);
    const r = await runBuilt(['batch', input, '--format', 'csv', '--max-file-size', '0.01', '--max-rows', '1000', '--jobs', '1']);
    expect(r.code).toBe(2);
    const rows = stdoutRows(r.stdout);
    expect(rows.map((x) => x.error_code)).toEqual(['', 'too-large']);
    expect(rows[1]!.error).toContain('--max-file-size');
    const r2 = await runBuilt(['batch', input, '--format', 'csv', '--max-rows', '1000', '--jobs', '1']);
    expect(stdoutRows(r2.stdout)[1]).toMatchObject({ error_code: 'too-large', error: expect.stringContaining('nhiều hơn 1000 dòng học phần') });
    const c = await runBuilt(['check', join(input, 'b.csv'), '--max-rows', '1000', '--lang', 'en']);
    expect(c.stderr).toMatch(/^llct: .*b\.csv: more than 1000 course rows, .*--max-rows.*\n$/u);
  });

  it('a worker that dies (out of memory) is replaced: one worker-died row, every other dossier evaluated', async () => {
    const input = join(tmp, 'oom');
    mkdirSync(input);
    const big = `Tên học phần,Số tín chỉ,Điểm\n${Array.from({ length: 3000 }, (_, i) => `Triết học ${i} ${'x'.repeat(2000)},3,8`).join('\n')}\n`;
    for (const n of ['a', 'b', 'c', 'd', 'e', 'f']) cpSync(TRANSCRIPT, join(input, `${n}.csv`));
    writeFileSync(join(input, 'c-big.csv'), big);
    const r = await runBuiltEnv({ LLCT_WORKER_HEAP_MB: '24' }, ['batch', input, '--format', 'csv', '--jobs', '2']);
    const rows = stdoutRows(r.stdout);
    expect(rows.map((x) => `${x.dossier}:${x.error_code}`)).toEqual(['a.csv:', 'b.csv:', 'c-big.csv:worker-died', 'c.csv:', 'd.csv:', 'e.csv:', 'f.csv:']);
    expect(rows[2]!.error).toContain('luồng xử lý bị dừng');
    expect(r.code).toBe(2);
  });

  it('a worker that dies before its first dossier (too small a heap to start): each dossier it was given gets the row, in turn', async () => {
    const input = join(tmp, 'oom-start');
    mkdirSync(input);
    for (const n of ['a', 'b', 'c']) cpSync(TRANSCRIPT, join(input, `${n}.csv`));
    const r = await runBuiltEnv({ LLCT_WORKER_HEAP_MB: '8' }, ['batch', input, '--format', 'csv', '--jobs', '2']);
    expect(stdoutRows(r.stdout).map((x) => `${x.dossier}:${x.error_code}`)).toEqual(['a.csv:worker-died', 'b.csv:worker-died', 'c.csv:worker-died']);
    expect(r.code).toBe(2);
  });

  it('workers check dossiers in chunks: each of two dossiers that kill the worker in one chunk gets the row, the rest are checked', async () => {
    const input = join(tmp, 'oom-chunk');
    mkdirSync(input);
    const big = `Tên học phần,Số tín chỉ,Điểm\n${Array.from({ length: 3000 }, (_, i) => `Triết học ${i} ${'x'.repeat(2000)},3,8`).join('\n')}\n`;
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
    for (const n of names) cpSync(TRANSCRIPT, join(input, `${n}.csv`));
    // with one job the first chunk holds both, with dossiers before, between and after them
    writeFileSync(join(input, 'c-big.csv'), big);
    writeFileSync(join(input, 'e-big.csv'), big);
    const out = join(tmp, 'oom-chunk-out');
    const r = await runBuiltEnv({ LLCT_WORKER_HEAP_MB: '24' }, ['batch', input, '--out', out, '--reports', 'json', '--quiet', '--jobs', '1']);
    expect(r.code).toBe(2);
    const rows = summaryRows(join(out, 'summary.csv'));
    const died = new Set(['c-big.csv', 'e-big.csv']);
    expect(rows.map((x) => x.dossier)).toEqual(['a.csv', 'b.csv', 'c-big.csv', 'c.csv', 'd.csv', 'e-big.csv', 'e.csv', 'f.csv', 'g.csv', 'h.csv', 'i.csv', 'j.csv']);
    for (const x of rows) expect(`${x.dossier}:${x.error_code}`).toBe(`${x.dossier}:${died.has(x.dossier!) ? 'worker-died' : ''}`);
    // every dossier once in reports.jsonl and with its report file, those checked again after a death too
    const jsonl = readFileSync(join(out, 'reports.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { dossier: string }).dossier);
    expect(jsonl).toEqual(rows.map((x) => x.dossier));
    expect(readdirSync(join(out, 'reports')).length).toBe(rows.length);
  });
});

/** The built CLI with extra environment variables (read by the worker pool). */
async function runBuiltEnv(env: Record<string, string>, argv: string[]) {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await runBuilt(argv);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('processes', () => {
  let gen: string;
  const COUNT = 100;
  beforeAll(async () => {
    gen = join(tmp, 'gen');
    await generateFolder(gen, COUNT, 3);
  });
  const staged = (out: string) =>
    (existsSync(out) ? readdirSync(out).filter((f) => f.startsWith('.llct-staging-')) : [])
      .map((f) => join(out, f, 'reports'))
      .some((d) => existsSync(d) && readdirSync(d).length >= 20);

  it('kill -9 mid-batch, then again without and with --force (and into a new folder): earlier results kept until replaced, all rows', async () => {
    const out = join(tmp, 'killed');
    expect((await runBuilt(['batch', SAMPLE, '--out', out, '--quiet', '--jobs', '1'])).code).toBe(2);
    writeFileSync(join(out, 'ghi-chu.txt'), 'mine');
    const before = snapshot(out);
    const killed = await spawnUntil(['batch', gen, '--out', out, '--force', '--jobs', '2', '--reports', 'json,text,html'], () => staged(out), (c) => c.kill('SIGKILL'));
    expect(killed.acted).toBe(true);
    expect(killed.code).toBe(137);
    // the killed run left its lock and staging folder; the earlier results are as they were
    expect(readdirSync(out)).toContain('.llct-lock.json');
    const after = snapshot(out);
    for (const [k, v] of Object.entries(before)) expect(after[k], k).toBe(v);
    // without --force: refused (earlier results are there), nothing changed, the stale lock named
    const refused = await runBuilt(['batch', gen, '--out', out, '--jobs', '1']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/Đã gỡ khóa cũ của .* do tiến trình \d+ để lại/u);
    expect(refused.stderr).toContain('thêm --force');
    expect(snapshot(out)).toEqual(before);
    const ok = await runBuilt(['batch', gen, '--out', out, '--force', '--quiet', '--jobs', '1', '--reports', 'json,text,html']);
    expect(ok.code).toBe(0);
    expect(summaryRows(join(out, 'summary.csv'))).toHaveLength(COUNT);
    expect(readdirSync(join(out, 'reports'))).toHaveLength(3 * COUNT);
    expect(readdirSync(out)).toContain('ghi-chu.txt');
    noLeftovers(out);
    // killed while writing into a new folder: the next run needs no --force
    const fresh = join(tmp, 'killed-new');
    expect((await spawnUntil(['batch', gen, '--out', fresh, '--jobs', '1', '--reports', 'json,text,html'], () => staged(fresh), (c) => c.kill('SIGKILL'))).code).toBe(137);
    const again = await runBuilt(['batch', gen, '--out', fresh, '--jobs', '1']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('Đã gỡ khóa cũ');
    expect(summaryRows(join(fresh, 'summary.csv'))).toHaveLength(COUNT);
    noLeftovers(fresh);
  });

  it('a concurrent second run into the same --out is refused without touching the first, which completes', async () => {
    const out = join(tmp, 'concurrent');
    let second: Awaited<ReturnType<typeof runBuilt>> | null = null;
    let pending: Promise<void> | null = null;
    const first = await spawnUntil(
      ['batch', gen, '--out', out, '--jobs', '1', '--quiet', '--reports', 'json,text,html'],
      () => staged(out),
      () => {
        pending = runBuilt(['batch', SAMPLE, '--out', out, '--force', '--jobs', '1']).then((r) => {
          second = r;
        });
      },
    );
    await pending;
    expect(first.code).toBe(0);
    expect(second!.code).toBe(2);
    expect(second!.stderr).toMatch(/một lượt llct batch khác \(tiến trình \d+, bắt đầu .*\) đang ghi vào --out/u);
    expect(summaryRows(join(out, 'summary.csv'))).toHaveLength(COUNT);
    expect(readdirSync(join(out, 'reports'))).toHaveLength(3 * COUNT);
    noLeftovers(out);
  });

  it('SIGINT with one huge dossier and --jobs 1 stops within a second, the folder as it was', async () => {
    const input = join(tmp, 'huge');
    mkdirSync(input);
    writeFileSync(
      join(input, 'huge.csv'),
      `Tên học phần,Số tín chỉ,Điểm\n${Array.from({ length: 9000 }, (_, i) => `Triết học Mác-Lênin ${i} ${'x'.repeat(1500)},3,8`).join('\n')}\n`,
    );
    const out = join(tmp, 'huge-out');
    let started = 0;
    const r = await spawnUntil(
      ['batch', input, '--out', out, '--jobs', '1'],
      () => {
        if (started === 0 && staged(out) === false && existsSync(out)) started = performance.now();
        return started > 0 && performance.now() - started > 700;
      },
      (c) => c.kill('SIGINT'),
    );
    expect(r.code).toBe(130);
    // about 0.3 s on a quiet machine (README); the bound leaves room for a shared, loaded CI machine
    expect(r.endedAt - r.actedAt).toBeLessThan(2000);
    expect(r.stderr).toBe(`Đã dừng theo yêu cầu; ${out} được giữ nguyên như trước khi chạy\n`);
    expect(readdirSync(out)).toEqual([]);
  });

  it('a closed stdout (`batch | head -1`) ends the batch quickly and quietly', () => {
    const t0 = performance.now();
    const r = spawnSync('sh', ['-c', `node bin/llct.js batch '${gen}' --format csv --jobs 1 | head -1`], { encoding: 'utf8' });
    const ms = performance.now() - t0;
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^no,dossier,/u);
    expect(r.stderr).toBe('');
    // the whole folder takes several seconds; stopping at the first write takes start-up time only
    expect(ms).toBeLessThan(4000);
  });

  it('check on /dev/zero and on a FIFO is an error at once, never a hang', async () => {
    const fifo = join(tmp, 'check-fifo.csv');
    sh('mkfifo', [fifo]);
    for (const f of ['/dev/zero', fifo]) {
      const r = await runBuilt(['check', f]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('không phải tệp thông thường');
    }
    expect(statSync(fifo).isFIFO()).toBe(true);
  });
});
