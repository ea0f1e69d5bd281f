/**
 * Which data the stats benchmark runs on. A size is a folder bench/data/<size>/ (100k, 1M, 10M, 36M, written by
 * bench/make-data) with the GACC export files in gacc/*.csv (UTF-8: DuckDB reads them too), a config reading them
 * (tradebrief.config.json) and one reading the columnar store (tradebrief.store.config.json, used once
 * `tradebrief import` has filled store/). The first report of the config (or --report) is the one generated.
 * For development without bench data, `sample` is data/sample converted to UTF-8 into the scratch folder
 * bench/data/tmp-stats/sample/ with the shipped xinjiang-us report pointed at it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { writeFileAtomic } from '../../src/io/atomic-write.js';
import { REPO } from '../lib/results.js';

export const BENCH_DATA = path.join(REPO, 'bench', 'data');
export const SCRATCH = path.join(BENCH_DATA, 'tmp-stats');
export const SIZES = ['100k', '1M', '10M', '36M'] as const;

/** Where `generate` reads the data from: the raw CSV files, or the columnar store made by `tradebrief import`. */
export type Source = 'raw' | 'store';

export interface DataSet {
  /** "1M", or "sample". */
  label: string;
  /** The GACC export files, sorted (what DuckDB loads). */
  csvFiles: string[];
  /** The config `generate` runs with, per data source present (raw always; store once imported). */
  configs: Partial<Record<Source, string>>;
}

/** Sizes with data in bench/data, smallest first. */
export function presentSizes(): string[] {
  return SIZES.filter((size) => existsSync(path.join(BENCH_DATA, size, 'gacc')));
}

/**
 * @example await dataSet('1M') // { label: '1M', csvFiles: ['…/bench/data/1M/gacc/…-202001.csv', …], configs: { raw: '…/bench/data/1M/tradebrief.config.json' } }
 * @throws Error when the folder, its CSV files or its config are missing
 */
export async function dataSet(label: string): Promise<DataSet> {
  if (label === 'sample') return sampleDataSet();
  const dir = path.join(BENCH_DATA, label);
  const gacc = path.join(dir, 'gacc');
  if (!existsSync(gacc)) throw new Error(`no bench data for ${label}: ${path.relative(REPO, gacc)} is missing (run bench/make-data first)`);
  const csvFiles = (await readdir(gacc)).filter((name) => name.endsWith('.csv')).sort().map((name) => path.join(gacc, name));
  if (csvFiles.length === 0) throw new Error(`no CSV files in ${path.relative(REPO, gacc)}`);
  const raw = path.join(dir, 'tradebrief.config.json');
  if (!existsSync(raw)) throw new Error(`no config in ${path.relative(REPO, dir)}: expected tradebrief.config.json (bench/make-data writes it)`);
  const store = path.join(dir, 'tradebrief.store.config.json');
  // The store config is written with the data; it counts once `tradebrief import` has taken in every CSV file.
  const imported = existsSync(store) && (await storeHolds(path.join(dir, 'store'), csvFiles));
  return { label, csvFiles, configs: { raw, ...(imported ? { store } : {}) } };
}

/** Whether the store's manifest lists every one of the files (an import still running lists fewer). */
async function storeHolds(storeDir: string, csvFiles: readonly string[]): Promise<boolean> {
  const manifest = path.join(storeDir, 'manifest.json');
  if (!existsSync(manifest)) return false;
  const { sources } = JSON.parse(await readFile(manifest, 'utf8')) as { sources: { file: string }[] };
  const imported = new Set(sources.map((source) => path.basename(source.file)));
  return csvFiles.every((file) => imported.has(path.basename(file)));
}

/** data/sample in UTF-8 under the scratch folder (rebuilt each time: it is small). */
async function sampleDataSet(): Promise<DataSet> {
  const { csvFiles, configFile } = await writeUtf8Sample(path.join(SCRATCH, 'sample'));
  return { label: 'sample', csvFiles, configs: { raw: configFile } };
}

/**
 * Writes data/sample/gacc converted from GB18030 to UTF-8 into `dir`/gacc, and `dir`/tradebrief.config.json with
 * the shipped config's first report (xinjiang-us) reading those files.
 * @example await writeUtf8Sample('/tmp/s') // { csvFiles: ['/tmp/s/gacc/xinjiang-exports-202001.csv', …], configFile: '/tmp/s/tradebrief.config.json' }
 */
export async function writeUtf8Sample(dir: string): Promise<{ csvFiles: string[]; configFile: string }> {
  const sampleGacc = path.join(REPO, 'data', 'sample', 'gacc');
  const gacc = path.join(dir, 'gacc');
  await mkdir(gacc, { recursive: true });
  const csvFiles: string[] = [];
  for (const name of (await readdir(sampleGacc)).filter((file) => file.endsWith('.csv')).sort()) {
    const target = path.join(gacc, name);
    await writeFileAtomic(target, iconv.decode(await readFile(path.join(sampleGacc, name)), 'gb18030'));
    csvFiles.push(target);
  }
  const shipped = JSON.parse(await readFile(path.join(REPO, 'tradebrief.config.json'), 'utf8')) as { reports: Record<string, unknown>[] } & Record<string, unknown>;
  const report = shipped.reports[0];
  if (report === undefined) throw new Error('tradebrief.config.json has no report');
  const national = report.national as { data: { path: string }[] } | undefined;
  const config = {
    ...shipped,
    outDir: 'out',
    reports: [
      {
        ...report,
        data: [{ path: 'gacc/*.csv', format: 'gacc', flow: report.flow, encoding: 'utf8' }],
        ...(national ? { national: { ...national, data: national.data.map((source) => ({ ...source, path: path.join(REPO, source.path) })) } } : {}),
      },
    ],
  };
  const configFile = path.join(dir, 'tradebrief.config.json');
  await writeFileAtomic(configFile, `${JSON.stringify(config, null, 2)}\n`);
  return { csvFiles, configFile };
}
