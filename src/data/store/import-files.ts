/**
 * `tradebrief import`: raw data files -> the columnar, month-partitioned store, validated once.
 *
 *   for each file (globs expanded, sorted):
 *   1. hash      sha256 of the bytes; a file already imported with the same content is skipped
 *   2. read      the same readers and checks as `generate` (loadDataFile: decode, sniff, parse, cells)
 *   3. validate  the same record rules (codes, HS, months, values, duplicates, currency), plus duplicates and
 *                currency against what the store already holds for the same months
 *   4. write     one Arrow IPC file per (flow, month, region), each atomically; then the manifest (atomic):
 *                a file is in the store only once the manifest lists it, so a bad or interrupted file leaves
 *                nothing half-imported. A changed file replaces its earlier import.
 *   The incomplete-month rule is applied when a report reads the store (it depends on every month held).
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import type { Problem } from '../../errors.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { fileSha256 } from '../../io/file-sha256.js';
import { loadDataFile, type DataSourceSpec } from '../load-data-file.js';
import type { Currency, RecordOrigin, TradeRecord } from '../record.js';
import type { Reference } from '../reference/types.js';
import { currencyOf } from '../validate/check-currency.js';
import { findDuplicates } from '../validate/find-duplicates.js';
import { problemAt } from '../validate/problem-list.js';
import { renameColumns } from '../validate/record-problem.js';
import { RULES } from '../validate/rule-ids.js';
import { validateRecords } from '../validate/validate-records.js';
import { readManifest, writeManifest, type MonthTotals, type StoreManifest, type StorePartition, type StoreSource } from './manifest.js';
import { decodePartition, encodePartition, type StoredRow } from './partition-codec.js';

export interface ImportOptions {
  reference: Reference;
  now: Date;
  log: (line: string) => void;
}

export interface ImportResult {
  imported: string[];
  skipped: string[];
  /** Files refused (nothing of them was written), with their problems. */
  failed: string[];
  problems: Problem[];
  rows: number;
}

const GLOB_CHARS = /[*?[\]{}]/;

/**
 * Imports every file named (paths or globs) into the store at `storeDir`.
 * @example await importFiles([{ path: 'bench/data/1M/gacc/*.csv', flow: 'export' }], 'bench/data/1M/store', { reference, now, log })
 */
export async function importFiles(specs: readonly DataSourceSpec[], storeDir: string, options: ImportOptions): Promise<ImportResult> {
  const result: ImportResult = { imported: [], skipped: [], failed: [], problems: [], rows: 0 };
  const files: DataSourceSpec[] = [];
  for (const spec of specs) {
    if (!GLOB_CHARS.test(spec.path)) files.push({ ...spec, path: path.resolve(spec.path) });
    else {
      const matches = (await fg(spec.path, { onlyFiles: true, unique: true, absolute: true })).sort();
      if (matches.length === 0) result.problems.push(problemAt('error', RULES.fileNotFound, { file: spec.path }, 'the pattern matches no file'));
      for (const match of matches) files.push({ ...spec, path: match });
    }
  }
  let manifest = await readManifest(storeDir);
  for (const spec of files) {
    const sha256 = await fileSha256(spec.path).catch(() => null);
    const same = sha256 === null ? undefined : manifest.sources.find((source) => source.sha256 === sha256);
    if (same !== undefined) {
      options.log(`${spec.path}: unchanged${same.file === spec.path ? '' : ` (same content as ${same.file})`}, skipped`);
      result.skipped.push(spec.path);
      continue;
    }
    const outcome = await importOne(spec, storeDir, manifest, options);
    result.problems.push(...outcome.problems);
    if (outcome.source === null) {
      result.failed.push(spec.path);
      continue;
    }
    const replaced = manifest.sources.find((source) => source.file === spec.path);
    manifest = { ...manifest, sources: [...manifest.sources.filter((source) => source.file !== spec.path), outcome.source] };
    await writeManifest(storeDir, manifest);
    // Only after the manifest no longer lists them: the partitions of the file's earlier content.
    const kept = new Set(outcome.source.partitions.map((partition) => partition.path));
    for (const partition of replaced?.partitions ?? []) if (!kept.has(partition.path)) await rm(path.join(storeDir, partition.path), { force: true });
    result.imported.push(spec.path);
    result.rows += outcome.source.dataRows;
    options.log(`${spec.path}: ${outcome.source.dataRows} rows, ${outcome.source.months.join(', ')} -> ${outcome.source.partitions.length} partitions`);
  }
  return result;
}

async function importOne(spec: DataSourceSpec, storeDir: string, manifest: StoreManifest, options: ImportOptions): Promise<{ source: StoreSource | null; problems: Problem[] }> {
  const loaded = await loadDataFile(spec, { reference: options.reference });
  const meta = loaded.meta;
  const recordProblems = validateRecords(loaded.records, loaded.origins, { reference: options.reference, now: options.now, rules: { incompleteMonth: false } });
  const storeProblems = meta === null ? [] : await checkAgainstStore(loaded.records, loaded.origins, storeDir, manifest, spec.path);
  const problems = [...loaded.problems, ...renameColumns([...recordProblems, ...storeProblems], meta?.fieldColumns ?? {})];
  if (meta === null || meta.currency === null || problems.some((problem) => problem.severity === 'error')) return { source: null, problems };

  const groups = new Map<string, { partition: Omit<StorePartition, 'rows' | 'path'>; rows: StoredRow[] }>();
  loaded.records.forEach((record, index) => {
    const key = `${record.flow}/${record.month}/${record.region ?? '-'}`;
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = { partition: { flow: record.flow, month: record.month, region: record.region }, rows: [] }));
    group.rows.push({ record, row: loaded.origins[index]?.row ?? 0 });
  });
  const partitions: StorePartition[] = [];
  const fileId = loaded.sha256.slice(0, 16);
  for (const [key, group] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const relative = `parts/${key}/${fileId}.arrow`;
    await writeFileAtomic(path.join(storeDir, relative), encodePartition(group.rows));
    partitions.push({ ...group.partition, rows: group.rows.length, path: relative });
  }
  const source: StoreSource = {
    file: spec.path,
    sha256: loaded.sha256,
    format: meta.format,
    encoding: meta.encoding,
    currency: meta.currency,
    flow: spec.flow ?? null,
    dataRows: meta.dataRows,
    months: meta.months,
    fieldColumns: meta.fieldColumns,
    warnings: problems,
    monthTotals: monthTotals(loaded.records),
    partitions,
  };
  return { source, problems };
}

/** Rows that repeat a row already in the store (an overlapping download), or a currency other than the store's. */
async function checkAgainstStore(records: readonly TradeRecord[], origins: readonly RecordOrigin[], storeDir: string, manifest: StoreManifest, file: string): Promise<Problem[]> {
  const others = manifest.sources.filter((source) => source.file !== file);
  const first = records[0];
  const storeCurrency: Currency | undefined = others[0]?.currency;
  if (first !== undefined && storeCurrency !== undefined && currencyOf(first) !== storeCurrency) {
    return [problemAt('error', RULES.currencyMixed, { file, row: origins[0]?.row ?? 2, column: currencyOf(first) === 'USD' ? 'valueUsd' : 'valueCny' },
      `the file is in ${currencyOf(first)} while the store is in ${storeCurrency} (as ${others[0]?.file ?? 'its first file'} is): one currency per store, values are never converted`)];
  }
  const months = new Set(records.map((record) => `${record.flow}/${record.month}`));
  const overlapping = others.flatMap((source) => source.partitions.filter((partition) => months.has(`${partition.flow}/${partition.month}`)).map((partition) => ({ source, partition })));
  if (overlapping.length === 0) return [];
  const earlier: TradeRecord[] = [];
  const earlierOrigins: RecordOrigin[] = [];
  for (const { source, partition } of overlapping) {
    const decoded = decodePartition(await readFile(path.join(storeDir, partition.path)), partition);
    decoded.records.forEach((record, index) => {
      earlier.push(record);
      earlierOrigins.push({ file: source.file, row: decoded.rows[index] ?? 0 });
    });
  }
  return findDuplicates([...earlier, ...records], [...earlierOrigins, ...origins]).filter((problem) => problem.file === file);
}

function monthTotals(records: readonly TradeRecord[]): MonthTotals[] {
  const totals = new Map<string, { entry: MonthTotals; partners: Map<string | null, number> }>();
  for (const record of records) {
    const currency = currencyOf(record);
    const key = `${record.month} ${record.flow} ${currency}`;
    let total = totals.get(key);
    if (total === undefined) totals.set(key, (total = { entry: { month: record.month, flow: record.flow, currency, partners: [] }, partners: new Map() }));
    const value = (currency === 'USD' ? record.valueUsd : record.valueCny) ?? 0;
    total.partners.set(record.partner, (total.partners.get(record.partner) ?? 0) + value);
  }
  return [...totals.values()].map(({ entry, partners }) => ({ ...entry, partners: [...partners] }));
}

