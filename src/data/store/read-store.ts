/**
 * A report's rows from the store: only the partitions of its flow and regions are read (each province is its
 * own file within a month), and with a window (the months reported) every row only of those months and the rank
 * history before them; other months keep only what the stats can see. So the memory a report needs grows with
 * its slice, not with the provinces or the months held.
 * loadStoreColumns gives the rows as columns (TradeColumns, copied straight from the Arrow dictionary keys and
 * value buffers, no object per row): what a report reads. loadStoreData gives the same LoadedData the raw-file
 * loader gives (same records, in the same order, same file list with sha256 for provenance). Both run the checks
 * that depend on the whole dataset or on the clock: incomplete months (from the per-month partner totals kept
 * at import) and months after `now`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DataError, type Problem } from '../../errors.js';
import type { FileSummary, LoadedData } from '../load.js';
import type { Flow, RecordOrigin, TradeRecord } from '../record.js';
import { rowsToRecords, type TradeColumns } from '../trade-columns.js';
import { checkIncompleteMonths, DEFAULT_INCOMPLETE_MONTH_RULE } from '../validate/check-incomplete-months.js';
import { monthOf } from '../validate/check-months.js';
import { problemAt } from '../validate/problem-list.js';
import { renameColumns } from '../validate/record-problem.js';
import { RULES } from '../validate/rule-ids.js';
import type { ValidationRules } from '../validate/validate-records.js';
import { manifestPath, readManifest, type StorePartition, type StoreSource } from './manifest.js';
import { codeAt, decodePartitionColumns, isValid, numberAt, type DecodedColumns } from './partition-codec.js';

const CODE_FIELDS = ['partner', 'partnerIso2', 'hsCode', 'regime', 'unit1', 'unit2'] as const;
const NUMBER_FIELDS = ['valueUsd', 'valueCny', 'qty1', 'qty2'] as const;
type CodeField = (typeof CODE_FIELDS)[number];
type NumberField = (typeof NUMBER_FIELDS)[number];

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

/** What a store gives a report: LoadedData with its rows as columns (TradeColumns), no object per row. */
export type StoreData = Omit<LoadedData, 'records'> & { records: TradeColumns };

/**
 * @example const data = await loadStoreData('bench/data/1M/store', { flow: 'export', regions: ['65'] }, { now, rules })
 * @throws DataError (exit 65) when the store does not exist, is empty, or holds months after `now`
 */
export async function loadStoreData(storeDir: string, scope: StoreScope, options: { now: Date; rules?: ValidationRules }): Promise<LoadedData> {
  const data = await loadStoreColumns(storeDir, scope, options);
  return { ...data, records: rowsToRecords(data.records) };
}

/**
 * loadStoreData with the rows as columns: what a report reads (the stats build their table from columns).
 * @example (await loadStoreColumns('bench/data/1M/store', { flow: 'export', regions: ['65'] }, { now })).records.length
 * @throws DataError (exit 65) when the store does not exist, is empty, or holds months after `now`
 */
export async function loadStoreColumns(storeDir: string, scope: StoreScope, options: { now: Date; rules?: ValidationRules }): Promise<StoreData> {
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

  const segments: Segment[] = [];
  for (const source of manifest.sources) segments.push(...(await readSource(storeDir, source, scope)));
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
  return { records: joinSegments(segments), origins: [], problems, files, truncated: false, errorCount: 0 };
}

/** One partition's decoded columns. */
interface Piece {
  partition: StorePartition;
  decoded: DecodedColumns;
}

/** A run of rows of one partition, in the order the report gets them (indices; null: every row in order). */
interface Segment {
  piece: Piece;
  indices: number[] | null;
}

/** One source's rows in the scope, in the order of the source file (several regions are merged by row). */
async function readSource(storeDir: string, source: StoreSource, scope: StoreScope): Promise<Segment[]> {
  const wanted = source.partitions.filter((partition) => partition.flow === scope.flow && partition.region !== null && scope.regions.includes(partition.region));
  const segments: Segment[] = [];
  for (const partition of wanted) {
    const decoded = decodePartitionColumns(await readFile(path.join(storeDir, partition.path)), partition);
    segments.push({ piece: { partition, decoded }, indices: keptRows(decoded, partition.month, scope.window) });
  }
  if (segments.length <= 1) return segments;
  const entries: { piece: Piece; index: number; row: number }[] = [];
  for (const { piece, indices } of segments) {
    const kept = indices ?? Array.from({ length: piece.decoded.length }, (_, index) => index);
    for (const index of kept) entries.push({ piece, index, row: piece.decoded.rows[index] ?? 0 });
  }
  entries.sort((a, b) => a.row - b.row);
  // Back into runs of one partition each, in row order.
  const merged: Segment[] = [];
  for (const entry of entries) {
    const last = merged[merged.length - 1];
    if (last !== undefined && last.piece === entry.piece) last.indices?.push(entry.index);
    else merged.push({ piece: entry.piece, indices: [entry.index] });
  }
  return merged;
}

/** The rows of one partition the report can see (StoreScope.window); null for every row. */
function keptRows(decoded: DecodedColumns, month: string, window: StoreScope['window']): number[] | null {
  if (window === undefined || (month >= window.first && month <= window.last)) return null;
  const { partner } = decoded.codes;
  const valueUsd = decoded.numbers.valueUsd;
  const hasUsd = (index: number): boolean => numberAt(valueUsd, index) !== null;
  // Coverage: one dollar row that is not the focus partner's (its value then counts for no figure the report shows).
  let marker = -1;
  for (let index = 0; index < decoded.length && marker < 0; index += 1) {
    if (hasUsd(index) && codeAt(partner, index) !== window.focusPartner) marker = index;
  }
  const keep: number[] = [];
  const before = month < window.first;
  for (let index = 0; index < decoded.length; index += 1) {
    if (index === marker || (before && codeAt(partner, index) === window.focusPartner)) keep.push(index);
  }
  if (marker < 0 && keep.length === 0) {
    for (let index = 0; index < decoded.length; index += 1) {
      if (hasUsd(index)) {
        keep.push(index);
        break;
      }
    }
  }
  return keep;
}

/**
 * The segments end to end as one TradeColumns: each column allocated once at its full length; month, flow and
 * region from each partition; a number column without nulls as a Float64Array (no boxed number per row).
 */
function joinSegments(segments: readonly Segment[]): TradeColumns {
  const length = segments.reduce((sum, { piece, indices }) => sum + (indices?.length ?? piece.decoded.length), 0);
  const month: string[] = new Array(length);
  const flow: Flow[] = new Array(length);
  const region: (string | null)[] = new Array(length);
  let offset = 0;
  for (const { piece, indices } of segments) {
    const end = offset + (indices?.length ?? piece.decoded.length);
    month.fill(piece.partition.month, offset, end);
    flow.fill(piece.partition.flow, offset, end);
    region.fill(piece.partition.region, offset, end);
    offset = end;
  }
  const codes = Object.fromEntries(CODE_FIELDS.map((name) => [name, joinCodes(segments, name, length)])) as Record<CodeField, (string | null)[]>;
  const numbers = Object.fromEntries(NUMBER_FIELDS.map((name) => [name, joinNumbers(segments, name, length)])) as Record<NumberField, ArrayLike<number | null>>;
  return { length, columns: { month, flow, region, ...codes, ...numbers } };
}

function joinCodes(segments: readonly Segment[], name: CodeField, length: number): (string | null)[] {
  const joined: (string | null)[] = new Array(length);
  let offset = 0;
  for (const { piece, indices } of segments) {
    const { keys, dictionary, validity } = piece.decoded.codes[name];
    const count = indices?.length ?? piece.decoded.length;
    for (let at = 0; at < count; at += 1) {
      const index = indices === null ? at : (indices[at] as number);
      joined[offset + at] = isValid(validity, index) ? (dictionary[keys[index] as number] ?? null) : null;
    }
    offset += count;
  }
  return joined;
}

function joinNumbers(segments: readonly Segment[], name: NumberField, length: number): ArrayLike<number | null> {
  const hasNull = segments.some(({ piece }) => piece.decoded.numbers[name].validity !== null || !(piece.decoded.numbers[name].values instanceof Float64Array));
  const joined: Float64Array | (number | null)[] = hasNull ? new Array<number | null>(length) : new Float64Array(length);
  let offset = 0;
  for (const { piece, indices } of segments) {
    const { values, validity } = piece.decoded.numbers[name];
    const count = indices?.length ?? piece.decoded.length;
    for (let at = 0; at < count; at += 1) {
      const index = indices === null ? at : (indices[at] as number);
      joined[offset + at] = isValid(validity, index) ? (values[index] ?? null) : null;
    }
    offset += count;
  }
  return joined;
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
