// Preloaded into a benchmarked process (`node --import`): writes its peak resident memory (KiB) and the CPU time it
// used (ms, user + system) on exit.

import { writeFileSync } from 'node:fs';

const file = process.env.LLCT_BENCH_RSS_FILE;
// maxRSS covers the whole process, worker threads included
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKb: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
  });
}
