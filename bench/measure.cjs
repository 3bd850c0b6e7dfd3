/*
 * Preloaded into every measured process (`node --require bench/measure.cjs …`): when the
 * process exits, writes its peak resident memory and CPU time to the file named by
 * BENCH_MEASURE_OUT. The same measure for the three commands, from inside, on any OS.
 */
'use strict';
const out = process.env.BENCH_MEASURE_OUT;
if (out) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    require('node:fs').writeFileSync(out, JSON.stringify({ maxRssKb: u.maxRSS, userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000 }));
  });
}
