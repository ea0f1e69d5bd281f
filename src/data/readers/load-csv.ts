import { loadDataFile, type LoadedFile } from '../load-data-file.js';
import type { EncodingOption } from '../decode.js';
import type { Flow } from '../record.js';
import type { Reference } from '../reference/types.js';

export interface LoadCsvOptions {
  reference: Reference;
  flow?: Flow;
  month?: string;
  encoding?: EncodingOption;
  allowOtherReporters?: boolean;
}

/**
 * The I/O halves of the readers (STYLE.md 2): bytes -> decode -> fromGaccCsv / fromComtradeCsv /
 * fromCanonicalCsv, with the same encoding checks as loadDataFile.
 *
 * @example
 * const { records } = await loadGaccCsv('test/fixtures/gacc/…-2024-monthly-usd.gb18030.csv', { reference, flow: 'export' })
 */
export function loadGaccCsv(path: string, options: LoadCsvOptions): Promise<LoadedFile> {
  return loadDataFile({ ...options, path, format: 'gacc' }, options);
}

export function loadComtradeCsv(path: string, options: LoadCsvOptions): Promise<LoadedFile> {
  return loadDataFile({ ...options, path, format: 'comtrade' }, options);
}

export function loadCanonicalCsv(path: string, options: LoadCsvOptions): Promise<LoadedFile> {
  return loadDataFile({ ...options, path, format: 'canonical' }, options);
}
