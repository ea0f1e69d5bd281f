/**
 * The store's manifest (manifest.json at the store's root): which source files were imported (with their
 * sha256, so provenance still lists them and an unchanged file is not imported twice), what each holds, and
 * the partition files its rows went to. The manifest is the store's table of contents: a partition file not
 * listed in it (left by a crashed import) is never read.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../../errors.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import type { Currency, Flow } from '../record.js';
import type { ReaderFormat } from '../readers/types.js';

export const STORE_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';

/** One Arrow IPC file: the rows of one source file for one (flow, month, region). */
export interface StorePartition {
  flow: Flow;
  month: string;
  /** null for rows of a file that is not broken down by region. */
  region: string | null;
  rows: number;
  /** Relative to the store's root, with "/" separators. */
  path: string;
}

/**
 * What the incomplete-month rule needs of a month without reading its rows: the value per partner (all
 * regions), per flow and currency. `partners` holds [code or null, total] in first-seen order.
 */
export interface MonthTotals {
  month: string;
  flow: Flow;
  currency: Currency;
  partners: [string | null, number][];
}

/** An imported source file. */
export interface StoreSource {
  /** Absolute path at import time (provenance shows it relative to the working folder). */
  file: string;
  sha256: string;
  format: ReaderFormat;
  encoding: string;
  currency: Currency;
  flow: Flow | null;
  dataRows: number;
  months: string[];
  /** The file's own header for each record field (problems found later name the column as the user sees it). */
  fieldColumns: Partial<Record<string, string>>;
  /** Warnings the readers gave (e.g. a truncated download), shown again when a report reads the store. */
  warnings: Problem[];
  monthTotals: MonthTotals[];
  partitions: StorePartition[];
}

export interface StoreManifest {
  storeVersion: number;
  /** Sorted by file, as a glob of the raw files would be. */
  sources: StoreSource[];
}

export function manifestPath(storeDir: string): string {
  return path.join(storeDir, MANIFEST_FILE);
}

/**
 * The manifest, or an empty one when the store does not exist yet.
 * @example (await readManifest('bench/data/1M/store')).sources.length // 36
 * @throws Error when the file exists but is not a tradebrief store manifest
 */
export async function readManifest(storeDir: string): Promise<StoreManifest> {
  let text: string;
  try {
    text = await readFile(manifestPath(storeDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { storeVersion: STORE_VERSION, sources: [] };
    throw error;
  }
  const manifest = JSON.parse(text) as StoreManifest;
  if (manifest.storeVersion !== STORE_VERSION || !Array.isArray(manifest.sources)) {
    throw new Error(`${manifestPath(storeDir)} is not a tradebrief store manifest (version ${STORE_VERSION})`);
  }
  return manifest;
}

/** Writes the manifest atomically (temp name, fsync, rename): the commit point of an import. */
export async function writeManifest(storeDir: string, manifest: StoreManifest): Promise<void> {
  const sources = [...manifest.sources].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  await writeFileAtomic(manifestPath(storeDir), `${JSON.stringify({ ...manifest, sources }, null, 1)}\n`);
}
