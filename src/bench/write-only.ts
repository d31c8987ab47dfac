// Benchmark baseline for the per-dossier report files: write the files a batch wrote (`--reports`) again, into a
// fresh folder on the same file system, from as many threads as the batch had workers, and nothing else. It is to
// the report files what parse-only.ts is to the transcripts: what the machine itself costs, whatever the tool does.
// usage: node dist/bench/write-only.js SRC DEST [--jobs N]   (SRC: a batch's reports folder; DEST must not exist)
// Prints {"files", "bytes", "ms", "cpuMs"}: wall and CPU (user + system, all threads) of the writing only; the files
// are read into memory before the clock starts.

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

interface Share {
  dest: string;
  files: { name: string; data: Uint8Array }[];
}

if (isMainThread) {
  const [src, dest] = process.argv.slice(2);
  const ji = process.argv.indexOf('--jobs');
  const jobs = Math.max(1, ji >= 0 ? Number(process.argv[ji + 1]) : 1);
  if (!src || !dest) {
    process.stderr.write('usage: node dist/bench/write-only.js SRC DEST [--jobs N]\n');
    process.exit(2);
  }
  // the batch hands out dossiers in order, one at a time to whichever worker is free: round robin is the nearest split
  const names = readdirSync(src).sort();
  const shares: Share[] = Array.from({ length: jobs }, () => ({ dest, files: [] }));
  let bytes = 0;
  let dossier = -1;
  let last = '';
  for (const name of names) {
    // a dossier's files (d1.html, d1.txt) go to the same thread, as in the batch
    const base = name.replace(/\.[^.]*$/u, '');
    if (base !== last) {
      dossier++;
      last = base;
    }
    const data = readFileSync(join(src, name));
    bytes += data.length;
    shares[dossier % jobs]!.files.push({ name, data });
  }
  mkdirSync(dest);
  // every thread is started and has its share before the clock starts; then all write at once
  const workers = shares.map((share) => new Worker(new URL(import.meta.url), { workerData: share }));
  await Promise.all(workers.map((w) => new Promise((resolve) => w.once('message', resolve))));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const done = workers.map((w) => new Promise((resolve, reject) => w.once('message', resolve).once('error', reject)));
  for (const w of workers) w.postMessage('go');
  await Promise.all(done);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  await Promise.all(workers.map((w) => w.terminate()));
  process.stdout.write(`${JSON.stringify({ files: names.length, bytes, ms, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`);
} else {
  const share = workerData as Share;
  const port = parentPort!;
  port.once('message', () => {
    // the same call a batch worker makes for each report file (writeReports in src/batch/run-batch.ts)
    for (const f of share.files) writeFileSync(join(share.dest, f.name), f.data);
    port.postMessage('done');
  });
  port.postMessage('ready');
}
