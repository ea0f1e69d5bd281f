/**
 * Preloaded into `tradebrief send` by bench/delivery.ts (`node --import bench/delivery-self-rss.mjs dist/cli.js …`):
 * on exit, writes the process's own peak RSS (getrusage maxRSS, children such as Chromium excluded) to stderr as
 * {"selfPeakRssMiB":…}. Plain JavaScript so it adds no compiler to the process it measures.
 */
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\n${JSON.stringify({ selfPeakRssMiB: Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10 })}\n`);
});
