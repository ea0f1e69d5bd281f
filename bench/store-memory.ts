/**
 * Peak memory and time of `generate --stage stats` for one report-month (xinjiang-us 2022-08) read from the
 * store made by `tradebrief import`, at each bench data size, against the same command reading the raw GACC
 * files (the reference, measured in the same run up to --raw-up-to rows: beyond that it needs more memory than
 * the machine should give it). Both must write the same stats.json; the bench checks it byte for byte.
 *
 *   npx tsx bench/store-memory.ts [--sizes 1M,10M,36M] [--runs 3] [--raw-up-to 1M]
 *   (first: npm run bench:data -- --rows <size>; tradebrief import --flow export --data 'bench/data/<size>/gacc/*.csv' --store bench/data/<size>/store)
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runChild, type ChildRun } from './lib/child-rss.js';
import { summarize } from './lib/measure.js';
import { machine, REPO, versions, writeResults, type BenchRow } from './lib/results.js';
import { parseRowCount } from './make-data.js';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] !== undefined ? (process.argv[at + 1] as string) : fallback;
}

function folderMiB(dir: string): number {
  let bytes = 0;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stat = statSync(path.join(dir, name));
    if (stat.isFile()) bytes += stat.size;
  }
  return Math.round(bytes / 2 ** 20);
}

async function generateStats(config: string, out: string): Promise<ChildRun> {
  return runChild(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'generate', '--config', config, '--report', 'xinjiang-us', '--month', '2022-08', '--stage', 'stats', '--out', out, '--quiet'], { cwd: REPO });
}

const statsFile = (out: string) => path.join(out, 'xinjiang-us', '2022-08', 'edition-1', 'stats.json');
const sizes = option('sizes', '1M,10M,36M').split(',');
const runs = Number(option('runs', '3'));
const rawUpTo = parseRowCount(option('raw-up-to', '1M'));
const rows: BenchRow[] = [];
for (const size of sizes) {
  const dir = path.join(REPO, 'bench/data', size);
  if (!existsSync(path.join(dir, 'store', 'manifest.json'))) {
    console.error(`${size}: no store at ${dir}/store, skipped`);
    continue;
  }
  const out = mkdtempSync(path.join(tmpdir(), `store-memory-${size}-`));
  const ours: ChildRun[] = [];
  for (let run = 0; run < runs; run += 1) ours.push(await generateStats(path.join(dir, 'tradebrief.store.config.json'), path.join(out, 'store')));
  const ourMs = summarize(ours.map((run) => run.ms));
  const ourPeak = Math.max(...ours.map((run) => run.peakRssMiB ?? 0));
  const row: BenchRow = {
    case: `generate --stage stats from the store, ${size} rows`,
    size: parseRowCount(size),
    ours: { medianMs: ourMs.median, samplesMs: ourMs.ms, peakRssMiB: ourPeak },
    target: 'peak RSS < 1024 MiB',
    met: ourPeak < 1024,
    extra: { storeMiB: folderMiB(path.join(dir, 'store')), rawMiB: folderMiB(path.join(dir, 'gacc')) },
  };
  if (parseRowCount(size) <= rawUpTo) {
    const raw = await generateStats(path.join(dir, 'tradebrief.config.json'), path.join(out, 'raw'));
    row.reference = { name: 'generate from the raw GACC files', medianMs: Math.round(raw.ms), samplesMs: [Math.round(raw.ms)], peakRssMiB: raw.peakRssMiB };
    row.ratio = Math.round((ourMs.median / raw.ms) * 100) / 100;
    row.extra = { ...row.extra, sameStatsJson: readFileSync(statsFile(path.join(out, 'store'))).equals(readFileSync(statsFile(path.join(out, 'raw')))) };
  }
  rows.push(row);
}
await writeResults({
  name: 'store-memory',
  date: new Date().toISOString(),
  machine: machine(),
  versions: versions(['arquero', '@uwdata/flechette', 'csv-parse']),
  rows,
  notes: [
    'Each run is a fresh `node --import tsx src/cli.ts generate` process; peak RSS from GNU time (%M), the maximum over the runs.',
    'The store is read for the report\'s flow and region (65) only; every row of 2021-07 … 2022-08 (the month and its 13-month rank history), only the focus partner\'s rows of older months and a coverage row of later ones.',
  ],
});
