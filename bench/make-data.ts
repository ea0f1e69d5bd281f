/**
 * bench/make-data: deterministic, seeded GACC-format export files for ALL 31 provinces, for the benchmarks.
 *
 *   npm run bench:data -- --rows 1M          (100k | 1M | 10M | 36M, or any number; --seed, --out, --months)
 *
 *   1. world     provinces, ~240 partners, ~8,900 HS8 lines, trade regimes, skewed weights (make-data/world.ts)
 *   2. months    36 months 2020-01 … 2022-12, the rows split evenly over them
 *   3. write     bench/data/<size>/gacc/china-exports-YYYYMM.csv, one UTF-8 file a month (make-data/write-month.ts)
 *   4. configs   bench/data/<size>/tradebrief.config.json (the raw files) and tradebrief.store.config.json
 *                (the store made by `tradebrief import`), each with the xinjiang-us report
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildCellCache, writeMonth } from './make-data/write-month.js';
import { buildWorld } from './make-data/world.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_SEED = 'tradebrief-bench-v1';
const FIRST_MONTH = '2020-01';

/** "100k" -> 100000, "1M" -> 1000000, "36000000" -> 36000000. */
export function parseRowCount(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim());
  if (!match) throw new Error(`--rows: expected a count such as 100k, 1M or 36M, got ${JSON.stringify(text)}`);
  const scale = { '': 1, k: 1e3, K: 1e3, m: 1e6, M: 1e6 }[match[2] ?? ''] ?? 1;
  return Math.round(Number(match[1]) * scale);
}

function monthList(count: number): string[] {
  const start = Number(FIRST_MONTH.slice(0, 4)) * 12 + Number(FIRST_MONTH.slice(5)) - 1;
  return Array.from({ length: count }, (_, offset) => {
    const index = start + offset;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] !== undefined ? (process.argv[at + 1] as string) : fallback;
}

function reportConfig(data: unknown[]): unknown {
  return {
    outDir: 'out',
    reports: [
      {
        id: 'xinjiang-us',
        title: 'Xinjiang exports to the United States',
        flow: 'export',
        regions: ['65'],
        focusPartner: '502',
        data,
        basket: ['christmas', 'toys', 'apparel', 'socks', 'ecommerce-b2c', 'cotton', 'wool-jumpers', 'backpacks', 'cotton-wrap', 'red-dates'],
        ecommerce: 'ecommerce-b2c',
        productHsLevel: 6,
        historyMonths: 25,
        top: { partners: 15, products: 10 },
        wording: { exporters: 'Xinjiang entities', importers: 'Xinjiang entities', region: 'the far-west region' },
      },
    ],
  };
}

/** Writes the bench data set asked for on the command line. */
function main(): void {
  const label = option('rows', '100k');
  const rows = parseRowCount(label);
  const months = monthList(Number(option('months', '36')));
  const seed = option('seed', DEFAULT_SEED);
  const outDir = resolve(option('out', join(repoRoot, 'bench/data', label)));
  const started = performance.now();
  const world = buildWorld(seed, join(repoRoot, 'data/reference/gacc'));
  const cache = buildCellCache(world);
  months.forEach((month, index) => {
    const monthRows = Math.floor(rows / months.length) + (index < rows % months.length ? 1 : 0);
    writeMonth(world, cache, { seed, month, monthIndex: index, rows: monthRows, path: join(outDir, 'gacc', `china-exports-${month.replace('-', '')}.csv`) });
    process.stderr.write(`\r${month}: ${monthRows} rows (${index + 1}/${months.length}, ${Math.round((performance.now() - started) / 1000)} s)`);
  });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'tradebrief.config.json'), `${JSON.stringify(reportConfig([{ path: 'gacc/*.csv', format: 'gacc', flow: 'export', encoding: 'utf8' }]), null, 2)}\n`);
  writeFileSync(join(outDir, 'tradebrief.store.config.json'), `${JSON.stringify(reportConfig([{ store: 'store' }]), null, 2)}\n`);
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`\nwrote ${rows} rows in ${months.length} files to ${outDir} in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s)\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
