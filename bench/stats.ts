/**
 * Benchmark 1 (issue 7): `generate`'s load + compute for one report-month against DuckDB answering the same
 * questions from its own table loaded from the same files, with a check that both give the same numbers.
 *
 *   for each size (--rows 100k,1M,10M,36M; default: the sizes in bench/data; `sample` = data/sample in UTF-8):
 *   1. DuckDB   load the GACC files into `trade` (timed apart: "load"), then the queries (median of runs)
 *   then per data source (raw files, store):
 *   2. ours     loadReportData + chooseMonth + computeStats in this process, a fresh load each run (median)
 *   3. child    `node dist/cli.js generate --stage stats` for its wall time and peak RSS (`npm run build` first)
 *   4. check    our figures (in-process and the child's stats.json) against DuckDB's, field by field
 *   5. profile  when the target is missed (or --profile): the child under node --cpu-prof, top functions
 *   then bench/results/stats.json + a table; exit 1 when any figure differs.
 *
 * Ratio = ours / DuckDB query; target ≤ 1.5 at 10M and 36M rows, and peak RSS < 1 GiB at 36M.
 * Each size is run with every data source present (raw CSV, not by default at 10M+; the store once imported),
 * or with --source raw|store.
 * Usage: tsx bench/stats.ts [--rows 1M,10M] [--source raw,store] [--report id] [--month YYYY-MM] [--runs n] [--child-runs n] [--profile]
 */
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { findReport, loadConfig } from '../src/config.js';
import { unitName } from '../src/data/reference/unit-name.js';
import { statsDefinition } from '../src/jobs/report-data.js';
import type { StatsBody, StatsDefinition } from '../src/stats/compute-stats.js';
import { measure, ratio, summarize, type Samples } from './lib/measure.js';
import { machine, REPO, RESULTS_DIR, versions, writeResults, type BenchResults, type BenchRow } from './lib/results.js';
import { compareFigures, type Comparison } from './stats/compare.js';
import { formatProfile, profileGenerate, type ProfileSummary } from './stats/cpu-profile.js';
import { dataSet, presentSizes, SCRATCH, type Source } from './stats/data-sets.js';
import { loadLookups, loadTrade, sqlString } from './stats/duckdb-load.js';
import { createMacros, queryFigures } from './stats/duckdb-queries.js';
import { figuresOfStats, type StatsFigures } from './stats/figures.js';
import { loadReference, oursChild, oursOnce } from './stats/ours.js';

const TARGET_RATIO = 1.5;
const TARGET_SIZES = new Set(['10M', '36M']);
const RSS_LIMIT_MIB = 1024;

interface Plan {
  /** In-process runs of ours (after `oursWarmup`), DuckDB query runs (after one warm-up), DuckDB loads, child runs. */
  ours: number;
  oursWarmup: number;
  duckdbQueries: number;
  duckdbLoads: number;
  child: number;
}

/** Fewer runs where one run takes minutes: raw CSV from 1M rows on (~45 s a run at 1M), DuckDB's load from 10M. */
function planFor(size: string, source: Source | null, options: { runs?: number; childRuns?: number }): Plan {
  const slow = source === 'raw' && size !== '100k' && size !== 'sample';
  return {
    ours: options.runs ?? (slow ? 3 : 7),
    oursWarmup: slow ? 0 : 1,
    duckdbQueries: 7,
    duckdbLoads: TARGET_SIZES.has(size) ? 1 : 3,
    child: options.childRuns ?? (slow ? 1 : 3),
  };
}

interface SizeResult {
  rows: BenchRow[];
  comparisons: { label: string; comparison: Comparison }[];
}

interface BenchOptions {
  report?: string;
  month?: string;
  runs?: number;
  childRuns?: number;
  sources?: Source[];
  /** Profile the child even when the target is met (it is profiled anyway when missed). */
  profile?: boolean;
}

interface DuckdbSide {
  rows: number;
  month: string;
  threads: string;
  load: Samples;
  query: Samples;
  queryOneThread: Samples;
  figures: StatsFigures;
}

/** 1. DuckDB: load the files (timed apart), the lookup tables, then the queries (median of runs). */
async function duckdbSide(size: string, csvFiles: readonly string[], definition: StatsDefinition, plan: Plan, requestedMonth: string | undefined): Promise<DuckdbSide> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    let rows = 0;
    const loadSamples: number[] = [];
    for (let run = 0; run < plan.duckdbLoads; run += 1) {
      const started = performance.now();
      rows = await loadTrade(connection, csvFiles);
      loadSamples.push(performance.now() - started);
    }
    const load = summarize(loadSamples);
    console.log(`[${size}] DuckDB load: ${rows} rows, median ${load.median} ms`);
    const categories = [...definition.basket, ...(definition.ecommerce === null ? [] : [definition.ecommerce])];
    await loadLookups(connection, [...new Map(categories.map((category) => [category.id, category])).values()], (unit) => unitName(loadReference(), unit, 'en'));
    await createMacros(connection);
    const month = requestedMonth ?? (await latestMonth(connection, definition.regions));
    let figures: StatsFigures | undefined;
    const query = await measure(async () => {
      figures = await queryFigures(connection, definition, month);
    }, { runs: plan.duckdbQueries, warmup: 1 });
    if (figures === undefined) throw new Error('DuckDB gave no figures');
    const threads = String((await connection.runAndReadAll("SELECT current_setting('threads') AS t")).getRowObjectsJS()[0]?.t);
    console.log(`[${size}] DuckDB queries for ${month}: median ${query.median} ms (${threads} threads)`);
    // Ours runs on one core: DuckDB on one thread too, for the record (the ratio uses the default above).
    await connection.run('SET threads = 1');
    const queryOneThread = await measure(() => queryFigures(connection, definition, month), { runs: plan.duckdbQueries, warmup: 1 });
    console.log(`[${size}] DuckDB queries on 1 thread: median ${queryOneThread.median} ms`);
    return { rows, month, threads, load, query, queryOneThread, figures };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function benchSize(size: string, options: BenchOptions): Promise<SizeResult> {
  const set = await dataSet(size);
  // Raw CSV at 10M+ rows holds every province's records as objects: ~12 GiB at 10M, more than this shared
  // machine can spare, so it runs there only when asked (--source raw).
  const defaults: Source[] = TARGET_SIZES.has(size) ? ['store'] : ['raw', 'store'];
  const sources = (options.sources ?? defaults).filter((source) => set.configs[source] !== undefined);
  if (sources.length === 0) throw new Error(`[${size}] none of the data sources asked for (${(options.sources ?? []).join(', ')}) is there: ${JSON.stringify(set.configs)}`);
  const firstConfig = await loadConfig(set.configs[sources[0]!]!);
  const reportId = options.report ?? firstConfig.reports[0]?.id;
  if (reportId === undefined) throw new Error(`${set.configs[sources[0]!]} has no report`);
  const report = findReport(firstConfig, reportId);
  const reference = loadReference();
  const definition = statsDefinition(report, reference, firstConfig.reports.indexOf(report));
  console.log(`\n[${size}] ${set.csvFiles.length} files, report ${reportId}, sources ${sources.join(', ')}`);

  const duckdb = await duckdbSide(size, set.csvFiles, definition, planFor(size, null, options), options.month);
  const { month } = duckdb;
  const result: SizeResult = { rows: [], comparisons: [] };
  for (const source of sources) {
    const configFile = set.configs[source]!;
    const plan = planFor(size, source, options);
    const config = await loadConfig(configFile);
    const tag = `${size} ${source}`;

    // 2. ours, in process, a fresh load each run.
    let ours: { stats: StatsBody; records: number } | undefined;
    const now = new Date();
    const oursSamples: Samples = await measure(async () => {
      ours = await oursOnce(config, reportId, month, reference, now);
    }, { runs: plan.ours, warmup: plan.oursWarmup });
    if (ours === undefined) throw new Error('ours gave no stats');
    console.log(`[${tag}] ours (load + compute, ${ours.records} records loaded): median ${oursSamples.median} ms`);

    // 3. ours as a user runs it.
    const outDir = path.join(SCRATCH, 'out', size, source);
    await rm(outDir, { recursive: true, force: true });
    const childMs: number[] = [];
    const childRss: number[] = [];
    let childStatsPath: string | undefined;
    for (let run = 0; run < plan.child; run += 1) {
      const child = await oursChild({ configFile, reportId, month, outDir });
      childMs.push(child.ms);
      if (child.peakRssMiB !== null) childRss.push(child.peakRssMiB);
      childStatsPath = child.stdout.split('\n').map((line) => line.trim()).find((line) => line.endsWith('stats.json'));
    }
    const peakRssMiB = childRss.length === 0 ? null : Math.max(...childRss);
    console.log(`[${tag}] generate --stage stats (child): median ${summarize(childMs).median} ms, peak RSS ${peakRssMiB ?? '?'} MiB`);

    // 4. the check: in-process figures and the child's stats.json against DuckDB's.
    if (childStatsPath === undefined || !existsSync(childStatsPath)) throw new Error(`[${tag}] the child printed no stats.json path`);
    const childStats = JSON.parse(await readFile(childStatsPath, 'utf8')) as StatsBody;
    const comparisons = [
      { label: `${tag} in-process`, comparison: compareFigures(figuresOfStats(ours.stats), duckdb.figures) },
      { label: `${tag} generate stats.json`, comparison: compareFigures(figuresOfStats(childStats), duckdb.figures) },
    ];
    for (const { label, comparison } of comparisons) printCheck(label, comparison);
    result.comparisons.push(...comparisons);

    const value = ratio(oursSamples.median, duckdb.query.median);
    const missed = TARGET_SIZES.has(size) && value > TARGET_RATIO;
    let profile: ProfileSummary | undefined;
    if (options.profile || missed) {
      profile = await profileGenerate({ configFile, reportId, month, outDir });
      console.log(formatProfile(tag, profile));
    }
    result.rows.push({
      case: `stats ${size} rows, ${source} (${reportId} ${month})`,
      size: duckdb.rows,
      ours: { medianMs: oursSamples.median, samplesMs: oursSamples.ms, peakRssMiB },
      reference: { name: `DuckDB queries (${duckdb.threads} threads)`, medianMs: duckdb.query.median, samplesMs: duckdb.query.ms },
      ratio: value,
      ratioNote: 'ours (loadReportData + chooseMonth + computeStats) / DuckDB (the same questions on its loaded table)',
      target: `≤ ${TARGET_RATIO} at 10M and 36M`,
      ...(TARGET_SIZES.has(size) ? { met: value <= TARGET_RATIO } : {}),
      extra: {
        sizeLabel: size,
        measuredAt: new Date().toISOString(),
        load: loadAverage(),
        month,
        report: reportId,
        source,
        config: path.relative(REPO, configFile),
        files: set.csvFiles.length,
        recordsLoadedByOurs: ours.records,
        duckdbLoad: { medianMs: duckdb.load.median, samplesMs: duckdb.load.ms, rows: duckdb.rows },
        duckdbQueryOneThread: { medianMs: duckdb.queryOneThread.median, samplesMs: duckdb.queryOneThread.ms, ratio: ratio(oursSamples.median, duckdb.queryOneThread.median) },
        oursChild: { ...summarize(childMs), peakRssMiB: childRss },
        ...(size === '36M' ? { rssTarget: `< ${RSS_LIMIT_MIB} MiB`, rssMet: peakRssMiB !== null && peakRssMiB < RSS_LIMIT_MIB } : {}),
        ...(profile === undefined ? {} : { profile }),
        check: Object.fromEntries(
          comparisons.map(({ label, comparison }) => [label, { checked: comparison.checked, differing: comparison.differences.length, differences: comparison.differences.slice(0, 50) }]),
        ),
      },
    });
  }
  return result;
}

/** Rows of bench/results/stats.json for sizes this run does not measure, so one size can be rerun alone. */
async function earlierRows(sizes: readonly string[]): Promise<BenchRow[]> {
  const file = path.join(RESULTS_DIR, 'stats.json');
  if (!existsSync(file)) return [];
  const earlier = JSON.parse(await readFile(file, 'utf8')) as BenchResults;
  return earlier.rows.filter((row) => {
    const label = row.extra?.sizeLabel;
    return typeof label === 'string' && !sizes.includes(label) && label !== 'sample';
  });
}

/** The 1, 5 and 15 minute load averages: how busy the shared machine was. */
function loadAverage(): number[] {
  return os.loadavg().map((value) => Math.round(value * 10) / 10);
}

async function latestMonth(connection: Awaited<ReturnType<DuckDBInstance['connect']>>, regions: readonly string[]): Promise<string> {
  const reader = await connection.runAndReadAll(`SELECT max(month) AS month FROM trade WHERE value_usd IS NOT NULL AND region IN (${regions.map(sqlString).join(', ')})`);
  const month = reader.getRowObjectsJS()[0]?.month;
  if (typeof month !== 'string') throw new Error(`no rows for region ${regions.join('+')} in the data`);
  return month;
}

function printCheck(label: string, comparison: Comparison): void {
  if (comparison.differences.length === 0) {
    console.log(`[${label}] check: ${comparison.checked} figures, all equal to DuckDB's`);
    return;
  }
  console.error(`[${label}] CHECK FAILED: ${comparison.differences.length} of ${comparison.checked} figures differ from DuckDB's:`);
  for (const difference of comparison.differences.slice(0, 20)) {
    console.error(`  ${difference.path}: ours ${JSON.stringify(difference.ours)}, DuckDB ${JSON.stringify(difference.duckdb)}`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string' },
      report: { type: 'string' },
      month: { type: 'string' },
      runs: { type: 'string' },
      'child-runs': { type: 'string' },
      source: { type: 'string' },
      profile: { type: 'boolean' },
    },
  });
  const sizes = values.rows === undefined ? presentSizes() : values.rows.split(',').map((size) => size.trim());
  if (sizes.length === 0) throw new Error('no bench data in bench/data (run bench/make-data first), or pass --rows sample');
  if (!existsSync(path.join(REPO, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first');
  const positive = (text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    const count = Number(text);
    if (!Number.isInteger(count) || count < 1) throw new Error(`expected a positive whole number, got ${text}`);
    return count;
  };
  const sources = values.source?.split(',').map((source) => {
    if (source !== 'raw' && source !== 'store') throw new Error(`--source: expected raw, store or raw,store, got ${source}`);
    return source;
  });
  const options: BenchOptions = { report: values.report, month: values.month, runs: positive(values.runs), childRuns: positive(values['child-runs']), sources, profile: values.profile };

  const results: SizeResult[] = [];
  for (const size of sizes) results.push(await benchSize(size, options));
  const failed = results.flatMap((result) => result.comparisons.filter(({ comparison }) => comparison.differences.length > 0).map(({ label }) => label));
  const measured = results.flatMap((result) => result.rows);
  await writeResults({
    name: 'stats',
    date: new Date().toISOString(),
    machine: machine(),
    versions: versions(['@duckdb/node-api', 'arquero', 'csv-parse', 'typescript']),
    rows: [...(await earlierRows(sizes)), ...measured].sort((a, b) => (a.size ?? 0) - (b.size ?? 0)),
    notes: [
      'ours = loadReportData + chooseMonth + computeStats in process (a fresh load per run; code lists loaded once), median of runs; peak RSS from `node dist/cli.js generate --stage stats` as a child process.',
      'DuckDB = the same questions in SQL on its own table loaded from the same CSV files (bench/stats/duckdb-queries.ts); its load is timed apart (extra.duckdbLoad). DuckDB uses every core; ours runs on one.',
      'Sizes not named in --rows keep the rows of their last run (extra.measuredAt, extra.load = load average then).',
      `check: ${failed.length === 0 ? 'every figure equal (sums within 1e-9 relative)' : `FAILED for ${failed.join('; ')}`}`,
    ],
  });
  if (failed.length > 0) {
    console.error(`\nstats bench: our figures differ from DuckDB's for ${failed.join('; ')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
