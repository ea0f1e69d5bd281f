/**
 * A report's rows from the store: only the partitions of its flow and regions are read (each province is its
 * own file within a month), and with a window (the months reported) every row only of those months and the rank
 * history before them; other months keep only what the stats can see. So the memory a report needs grows with
 * its slice, not with the provinces or the months held.
 * Returns the same LoadedData the raw-file loader gives (same records, in the same order, same file list with
 * sha256 for provenance), plus the checks that depend on the whole dataset or on the clock: incomplete months
 * (from the per-month partner totals kept at import) and months after `now`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DataError, type Problem } from '../../errors.js';
import type { FileSummary, LoadedData } from '../load.js';
import type { Flow, RecordOrigin, TradeRecord } from '../record.js';
import { checkIncompleteMonths, DEFAULT_INCOMPLETE_MONTH_RULE } from '../validate/check-incomplete-months.js';
import { monthOf } from '../validate/check-months.js';
import { problemAt } from '../validate/problem-list.js';
import { renameColumns } from '../validate/record-problem.js';
import { RULES } from '../validate/rule-ids.js';
import type { ValidationRules } from '../validate/validate-records.js';
import { manifestPath, readManifest, type StoreSource } from './manifest.js';
import { decodePartition } from './partition-codec.js';

export interface StoreScope {
  flow: Flow;
  /** Registration places whose rows are read; rows of other regions (and region-less rows) are not. */
  regions: readonly string[];
  /**
   * The months whose every row the report needs (the months reported and the history their rankings, series
   * and year-ago figures look at). Outside it only what the stats can see is kept: before it, the focus
   * partner's rows ("highest since", product streaks look back that far); after it, nothing but the fact that
   * the month is covered. One row per partition marks coverage. Without a window every row is read.
   */
  window?: { first: string; last: string; focusPartner: string };
}

/**
 * @example const data = await loadStoreData('bench/data/1M/store', { flow: 'export', regions: ['65'] }, { now, rules })
 * @throws DataError (exit 65) when the store does not exist, is empty, or holds months after `now`
 */
export async function loadStoreData(storeDir: string, scope: StoreScope, options: { now: Date; rules?: ValidationRules }): Promise<LoadedData> {
  const manifest = await readManifest(storeDir);
  if (manifest.sources.length === 0) {
    throw new DataError([problemAt('error', RULES.fileNotFound, { file: manifestPath(storeDir) }, 'no store here (or it is empty): run `tradebrief import --store <dir> --data <files>` first')]);
  }
  const problems: Problem[] = [];
  const currentMonth = monthOf(options.now);
  for (const source of manifest.sources) {
    problems.push(...source.warnings);
    const future = source.months.filter((month) => month > currentMonth);
    if (future.length > 0) {
      problems.push(problemAt('error', RULES.monthFuture, { file: source.file, column: 'month' }, `month ${future[0]} is in the future (today is in ${currentMonth})`));
    }
  }
  problems.push(...incompleteMonths(manifest.sources, options.rules));
  if (problems.some((problem) => problem.severity === 'error')) throw new DataError(problems);

  const records: TradeRecord[][] = [];
  for (const source of manifest.sources) records.push(await readSource(storeDir, source, scope));
  const files: FileSummary[] = manifest.sources.map((source) => ({
    file: source.file,
    format: source.format,
    encoding: source.encoding,
    currency: source.currency,
    flow: source.flow,
    dataRows: source.dataRows,
    months: source.months,
    sha256: source.sha256,
  }));
  // Origins are not rebuilt: the rows were validated at import, and nothing after loading looks at them.
  return { records: ([] as TradeRecord[]).concat(...records), origins: [], problems, files, truncated: false, errorCount: 0 };
}

/** One source's rows in the scope, in the order of the source file (several regions are merged by row). */
async function readSource(storeDir: string, source: StoreSource, scope: StoreScope): Promise<TradeRecord[]> {
  const wanted = source.partitions.filter((partition) => partition.flow === scope.flow && partition.region !== null && scope.regions.includes(partition.region));
  const kept: { records: TradeRecord[]; rows: number[] }[] = [];
  for (const partition of wanted) {
    const part = decodePartition(await readFile(path.join(storeDir, partition.path)), partition);
    kept.push(keepInWindow(part.records, part.rows, partition.month, scope.window));
  }
  if (kept.length === 1) return kept[0]?.records ?? [];
  const rows: { record: TradeRecord; row: number }[] = [];
  for (const part of kept) part.records.forEach((record, index) => rows.push({ record, row: part.rows[index] ?? 0 }));
  return rows.sort((a, b) => a.row - b.row).map((entry) => entry.record);
}

/** The rows of one partition the report can see (StoreScope.window). */
function keepInWindow(records: TradeRecord[], rows: Uint32Array, month: string, window: StoreScope['window']): { records: TradeRecord[]; rows: number[] } {
  if (window === undefined || (month >= window.first && month <= window.last)) return { records, rows: [...rows] };
  const keep: number[] = [];
  // Coverage: one dollar row that is not the focus partner's (its value then counts for no figure the report shows).
  const marker = records.findIndex((record) => record.valueUsd !== null && record.partner !== window.focusPartner);
  records.forEach((record, index) => {
    if (index === marker || (month < window.first && record.partner === window.focusPartner)) keep.push(index);
  });
  if (marker < 0 && keep.length === 0) {
    const any = records.findIndex((record) => record.valueUsd !== null);
    if (any >= 0) keep.push(any);
  }
  return { records: keep.map((index) => records[index] as TradeRecord), rows: keep.map((index) => rows[index] ?? 0) };
}

/** The incomplete-month rule over every month of the store, from the partner totals kept at import. */
function incompleteMonths(sources: readonly StoreSource[], rules: ValidationRules | undefined): Problem[] {
  const rule = rules?.incompleteMonth;
  if (rule === false) return [];
  const records: TradeRecord[] = [];
  const origins: RecordOrigin[] = [];
  for (const source of sources) {
    for (const totals of source.monthTotals) {
      for (const [partner, value] of totals.partners) {
        records.push({
          month: totals.month, flow: totals.flow, region: null, partner, partnerIso2: null, hsCode: null, regime: null,
          valueUsd: totals.currency === 'USD' ? value : null, valueCny: totals.currency === 'CNY' ? value : null,
          qty1: null, unit1: null, qty2: null, unit2: null,
        });
        origins.push({ file: source.file, row: 0 });
      }
    }
  }
  const columnNames = new Map(sources.map((source) => [source.file, source.fieldColumns ?? {}]));
  return checkIncompleteMonths(records, origins, { ...DEFAULT_INCOMPLETE_MONTH_RULE, ...rule }).flatMap((problem) => renameColumns([problem], columnNames.get(problem.file) ?? {}));
}
