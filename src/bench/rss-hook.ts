// Preloaded into a benchmarked process (`node --import`): writes its peak resident memory (KiB) on exit.

import { writeFileSync } from 'node:fs';

const file = process.env.LLCT_BENCH_RSS_FILE;
// maxRSS covers the whole process, worker threads included
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
