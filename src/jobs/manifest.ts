/**
 * manifest.json, written last into out/<report>/<YYYY-MM>/edition-<n>/: what was made, from what, by which
 * versions, and how long each stage took. A folder without a manifest is an interrupted run; one with a manifest
 * is a complete edition (edition-dirs.ts).
 */
import { createHash } from 'node:crypto';
import type { FileSummary } from '../data/load.js';

export interface OutputEntry {
  file: string;
  bytes: number;
  sha256: string;
  /** PDF only. */
  pages?: number;
}

export interface Manifest {
  schemaVersion: 1;
  report: string;
  month: string;
  edition: number;
  generatedAt: string;
  sampleData: boolean;
  versions: Record<string, string>;
  inputs: { file: string; format: string; encoding: string; currency: string; rows: number; sha256: string }[];
  timingsMs: Record<string, number>;
  outputs: OutputEntry[];
}

/** sha256 of bytes or text, hex. @example sha256('abc') // 'ba7816bf…' */
export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** One output file's entry. @example outputEntry('report.pdf', pdfBytes, { pages: 6 }) */
export function outputEntry(file: string, data: Uint8Array | string, extra: { pages?: number } = {}): OutputEntry {
  const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
  return { file, bytes, sha256: sha256(data), ...extra };
}

/**
 * @example buildManifest({ report: 'xinjiang-us', month: '2022-08', edition: 1, generatedAt, sampleData: true, versions, files, timingsMs, outputs })
 */
export function buildManifest(input: Omit<Manifest, 'schemaVersion' | 'inputs'> & { files: readonly FileSummary[]; relativeTo: (file: string) => string }): Manifest {
  const { files, relativeTo, ...rest } = input;
  return {
    schemaVersion: 1,
    report: rest.report,
    month: rest.month,
    edition: rest.edition,
    generatedAt: rest.generatedAt,
    sampleData: rest.sampleData,
    versions: rest.versions,
    inputs: files.map((file) => ({
      file: relativeTo(file.file),
      format: file.format,
      encoding: file.encoding,
      currency: file.currency,
      rows: file.dataRows,
      sha256: file.sha256,
    })),
    timingsMs: rest.timingsMs,
    outputs: rest.outputs,
  };
}
