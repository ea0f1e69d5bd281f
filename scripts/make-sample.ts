/**
 * Generates tradebrief's SYNTHETIC sample dataset (data/sample/README.md says what it is):
 *
 *   1. code lists   real GACC codes and names from data/reference/gacc
 *   2. catalogue    a few hundred real HS8 lines with plausible unit prices (sample/catalogue.ts)
 *   3. partners     partner profiles: size, basket, trade regimes (sample/partners.ts)
 *   4. base rows    every partner-month from the seeded random streams (sample/generate-partner-month.ts)
 *   5. calibrate    set the cells that reproduce the published figures (sample/targets.ts, sample/calibrate.ts)
 *   6. write        one GB18030 GACC export per month, and the national Comtrade series
 *
 * Deterministic: seedrandom streams named by (seed, month, partner …), no Math.random, no clock.
 *   npx tsx scripts/make-sample.ts [outDir]      (default data/sample)
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { calibrateSample, verifyCalibration } from './sample/calibrate.js';
import { buildCatalogue } from './sample/catalogue.js';
import { readCodeLists } from './sample/code-lists.js';
import { encodeGb18030, formatGaccCsv } from './sample/gacc-csv.js';
import { generatePartnerMonth } from './sample/generate-partner-month.js';
import { formatComtradeCsv, nationalSeries } from './sample/national-series.js';
import { buildPartnerProfiles } from './sample/partners.js';
import { compareRows, type SampleRow } from './sample/sample-row.js';
import { SAMPLE_MONTHS } from './sample/seasons.js';

export const SAMPLE_SEED = 'tradebrief-sample-v1';
export const SAMPLE_REGION = '65';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface SampleOptions {
  seed?: string;
  /** data/reference/gacc by default. */
  referenceDir?: string;
}

/** What makeSample wrote: paths relative to the output directory, and the row count of each month. */
export interface SampleSummary {
  files: string[];
  rowsByMonth: Record<string, number>;
}

/**
 * Builds the sample rows (all months, all partners, calibrated), without writing anything.
 *
 * @example buildSampleRows().filter((row) => row.month === '2022-08' && row.partner === '502')
 */
export function buildSampleRows(options: SampleOptions = {}): SampleRow[] {
  const seed = options.seed ?? SAMPLE_SEED;
  const lists = readCodeLists(options.referenceDir ?? join(repoRoot, 'data/reference/gacc'));
  const catalogue = buildCatalogue(lists, seed);
  const profiles = buildPartnerProfiles([...lists.partners.keys()].sort(), seed);
  const base = SAMPLE_MONTHS.flatMap((month) =>
    profiles.flatMap((profile) => generatePartnerMonth(profile, month, catalogue, seed)),
  );
  const rows = calibrateSample(base, catalogue, seed).sort(compareRows);
  verifyCalibration(rows);
  return rows;
}

/**
 * Writes the sample under `outDir`: gacc/xinjiang-exports-YYYYMM.csv (GB18030) for every month and
 * comtrade/china-exports-us-2019-2022.csv. Each file is written to a temporary name and renamed.
 *
 * @example makeSample('/tmp/sample') // { files: ['gacc/xinjiang-exports-202001.csv', …], rowsByMonth: {…} }
 */
export function makeSample(outDir: string, options: SampleOptions = {}): SampleSummary {
  const seed = options.seed ?? SAMPLE_SEED;
  const lists = readCodeLists(options.referenceDir ?? join(repoRoot, 'data/reference/gacc'));
  const rows = buildSampleRows(options);
  const files: string[] = [];
  const rowsByMonth: Record<string, number> = {};
  for (const month of SAMPLE_MONTHS) {
    const monthRows = rows.filter((row) => row.month === month);
    rowsByMonth[month] = monthRows.length;
    const file = `gacc/xinjiang-exports-${month.replace('-', '')}.csv`;
    writeAtomically(join(outDir, file), encodeGb18030(formatGaccCsv(monthRows, lists, SAMPLE_REGION)));
    files.push(file);
  }
  const comtradeFile = 'comtrade/china-exports-us-2019-2022.csv';
  writeAtomically(join(outDir, comtradeFile), Buffer.from(formatComtradeCsv(nationalSeries(seed)), 'utf8'));
  files.push(comtradeFile);
  return { files, rowsByMonth };
}

function writeAtomically(path: string, bytes: Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, path);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const outDir = resolve(process.argv[2] ?? join(repoRoot, 'data/sample'));
  const { files, rowsByMonth } = makeSample(outDir);
  const counts = Object.values(rowsByMonth);
  console.log(
    `wrote ${files.length} files to ${outDir}; rows a month ${Math.min(...counts)}–${Math.max(...counts)}`,
  );
}
