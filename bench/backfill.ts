/**
 * Benchmark 3, backfill: 24 months of xinjiang-us (2020-10 … 2022-09) as one `generate --from --to` process
 * against 24 `generate --month` processes run one after another, each side as the user runs it (node dist/cli.js,
 * a child process: wall time and peak RSS). Each run writes to its own --out folder under a temporary folder,
 * and the two sides must produce the same PDFs page for page (checked on the last run of each).
 *
 *   tsx bench/backfill.ts [--runs 3] [--separate-runs 2] [--from 2020-10] [--to 2022-09]
 *   (needs `npm run build`: the children run dist/)
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { monthRange } from '../src/stats/month-keys.js';
import { runChild } from './lib/child-rss.js';
import { ratio, summarize } from './lib/measure.js';
import { machine, REPO, versions, writeResults } from './lib/results.js';

const TARGET = 0.4;

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    'separate-runs': { type: 'string', default: '2' },
    from: { type: 'string', default: '2020-10' },
    to: { type: 'string', default: '2022-09' },
  },
});
const from = values.from ?? '2020-10';
const to = values.to ?? '2022-09';
const months = monthRange(from, to);
const CLI = path.join(REPO, 'dist', 'cli.js');
if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
// A fixed clock: every month is "published", and both sides stamp the same generatedAt.
const common = ['--report', 'xinjiang-us', '--config', path.join(REPO, 'tradebrief.config.json'), '--now', '2022-10-21T00:00:00Z', '--quiet'];

const scratch = await mkdtemp(path.join(os.tmpdir(), 'bench-backfill-'));
try {
  const oneProcess: { ms: number; peak: number | null }[] = [];
  const separate: { ms: number; peak: number | null }[] = [];
  let outCount = 0;
  const nextOut = (): string => path.join(scratch, `out-${(outCount += 1)}`);
  let lastOneOut = '';
  let lastSeparateOut = '';

  const runOne = async (): Promise<void> => {
    lastOneOut = nextOut();
    const run = await runChild(process.execPath, [CLI, 'generate', ...common, '--from', from, '--to', to, '--out', lastOneOut], { cwd: REPO });
    oneProcess.push({ ms: run.ms, peak: run.peakRssMiB });
    console.log(`one process, ${months.length} months: ${(run.ms / 1000).toFixed(1)} s, peak ${run.peakRssMiB} MiB`);
  };
  const runSeparate = async (): Promise<void> => {
    lastSeparateOut = nextOut();
    let ms = 0;
    let peak: number | null = null;
    for (const month of months) {
      const run = await runChild(process.execPath, [CLI, 'generate', ...common, '--month', month, '--out', lastSeparateOut], { cwd: REPO });
      ms += run.ms;
      if (run.peakRssMiB !== null) peak = Math.max(peak ?? 0, run.peakRssMiB);
    }
    separate.push({ ms, peak });
    console.log(`${months.length} processes: ${(ms / 1000).toFixed(1)} s, peak of any ${peak} MiB`);
  };

  // Interleaved so a change in machine load falls on both sides.
  const runs = Number(values.runs);
  const separateRuns = Number(values['separate-runs']);
  for (let index = 0; index < Math.max(runs, separateRuns); index += 1) {
    if (index < runs) await runOne();
    if (index < separateRuns) await runSeparate();
  }

  // Same work on both sides: the same months, with the same page counts.
  const pagesOf = async (out: string): Promise<number[]> =>
    Promise.all(months.map(async (month) => {
      // The month's manifest, wherever the layout puts it (<month>/ or <month>/edition-N/).
      const monthDir = path.join(out, 'xinjiang-us', month);
      const found = (await readdir(monthDir, { recursive: true })).filter((file) => path.basename(file) === 'manifest.json');
      if (found.length !== 1) throw new Error(`${monthDir}: expected one manifest.json, found ${found.length}`);
      const manifest = JSON.parse(await readFile(path.join(monthDir, found[0]!), 'utf8')) as { outputs: { file: string; pages?: number }[] };
      return manifest.outputs.find((output) => output.file === 'report.pdf')?.pages ?? 0;
    }));
  const pagesOne = await pagesOf(lastOneOut);
  const pagesSeparate = await pagesOf(lastSeparateOut);
  if (pagesOne.join() !== pagesSeparate.join() || pagesOne.includes(0)) {
    throw new Error(`the two sides differ: pages ${pagesOne.join()} vs ${pagesSeparate.join()}`);
  }

  const ours = summarize(oneProcess.map((run) => run.ms));
  const reference = summarize(separate.map((run) => run.ms));
  const ratioValue = ratio(ours.median, reference.median);
  const maxPeak = (list: { peak: number | null }[]): number | null =>
    list.some((run) => run.peak !== null) ? Math.max(...list.map((run) => run.peak ?? 0)) : null;
  await writeResults({
    name: 'backfill',
    date: new Date().toISOString(),
    machine: machine(),
    versions: versions(['puppeteer-core', 'vega', 'vega-lite', 'arquero', 'csv-parse']),
    rows: [
      {
        case: `backfill xinjiang-us ${from}..${to}`,
        size: months.length,
        ours: { medianMs: ours.median, samplesMs: ours.ms, peakRssMiB: maxPeak(oneProcess) },
        reference: { name: `${months.length} separate generate --month processes`, medianMs: reference.median, samplesMs: reference.ms, peakRssMiB: maxPeak(separate) },
        ratio: ratioValue,
        target: `<= ${TARGET}`,
        met: ratioValue <= TARGET,
        extra: {
          months: months.length,
          pdfPages: pagesOne.reduce((sum, pages) => sum + pages, 0),
          oursPerMonthMs: Math.round(ours.median / months.length),
          separatePerMonthMs: Math.round(reference.median / months.length),
        },
      },
    ],
    notes: [
      `load average at the end: ${os.loadavg().map((load) => load.toFixed(2)).join(' ')} (2 cores shared with other work)`,
      'peak RSS: GNU time %M of the child, i.e. the largest single process of its tree (Node or a Chromium process), not their sum; for the separate processes, the highest of any one',
    ],
  });
} finally {
  await rm(scratch, { recursive: true, force: true });
}
