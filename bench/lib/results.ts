/**
 * What every benchmark writes: bench/results/<name>.json with the machine, the versions that matter, the
 * sizes measured and each comparison (ours, the reference measured in the same run, and the ratio), plus a
 * plain table on stdout. The JSON is written atomically so an interrupted run never leaves half a file.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../../src/io/atomic-write.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RESULTS_DIR = path.join(REPO, 'bench', 'results');

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  node: string;
}

export interface BenchRow {
  /** What was measured, e.g. "stats 10M rows". */
  case: string;
  /** Size of the case (rows, subscribers, months …). */
  size?: number;
  ours: { medianMs: number; samplesMs: number[]; peakRssMiB?: number | null };
  reference?: { name: string; medianMs: number; samplesMs: number[]; peakRssMiB?: number | null };
  /** ours / reference (lower is better) unless `ratioNote` says otherwise. */
  ratio?: number;
  ratioNote?: string;
  target?: string;
  met?: boolean;
  /** Anything else worth keeping: load times, row counts, checks passed. */
  extra?: Record<string, unknown>;
}

export interface BenchResults {
  name: string;
  date: string;
  machine: Machine;
  versions: Record<string, string>;
  rows: BenchRow[];
  notes?: string[];
}

export function machine(): Machine {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

/** Installed versions of the packages named (from node_modules), plus Chromium when asked. */
export function versions(packages: readonly string[], options: { chromium?: string } = {}): Record<string, string> {
  const found: Record<string, string> = {};
  for (const name of packages) {
    try {
      found[name] = (JSON.parse(readFileSync(path.join(REPO, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      found[name] = 'not installed';
    }
  }
  if (options.chromium !== undefined) {
    try {
      found.chromium = execFileSync(options.chromium, ['--version'], { encoding: 'utf8' }).trim();
    } catch {
      found.chromium = 'unknown';
    }
  }
  return found;
}

/** Writes bench/results/<name>.json and prints the table. */
export async function writeResults(results: BenchResults): Promise<string> {
  const file = path.join(RESULTS_DIR, `${results.name}.json`);
  await writeFileAtomic(file, `${JSON.stringify(results, null, 2)}\n`);
  printTable(results);
  console.log(`\nresults: ${path.relative(process.cwd(), file)}`);
  return file;
}

export function printTable(results: BenchResults): void {
  console.log(`\n${results.name} — ${results.machine.cpus} × ${results.machine.cpuModel}, Node ${results.machine.node}`);
  const rows = results.rows.map((row) => ({
    case: row.case,
    'ours ms': row.ours.medianMs,
    'ours peak MiB': row.ours.peakRssMiB ?? '',
    reference: row.reference?.name ?? '',
    'ref ms': row.reference?.medianMs ?? '',
    ratio: row.ratio ?? '',
    target: row.target ?? '',
    met: row.met === undefined ? '' : row.met ? 'yes' : 'NO',
  }));
  console.table(rows);
  for (const note of results.notes ?? []) console.log(`note: ${note}`);
}
