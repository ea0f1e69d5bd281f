import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Problem } from '../errors.js';
import { decodeBytes, otherEncoding, type DecodedText, type EncodingOption } from './decode.js';
import type { Flow } from './record.js';
import type { Reference } from './reference/types.js';
import { readCsvHeader } from './readers/csv-table.js';
import { fromCanonicalCsv, CANONICAL_COLUMNS } from './readers/from-canonical-csv.js';
import { fromComtradeCsv, COMTRADE_REQUIRED } from './readers/from-comtrade-csv.js';
import { fromGaccCsv } from './readers/from-gacc-csv.js';
import { GACC_EXAMPLE_HEADER } from './readers/gacc-columns.js';
import { sniffFormat } from './readers/sniff-format.js';
import type { ReaderFormat, ReaderOptions, ReaderResult } from './readers/types.js';
import { checkFlow } from './validate/check-flow.js';
import { problemAt } from './validate/problem-list.js';
import { renameColumns } from './validate/record-problem.js';
import { RULES } from './validate/rule-ids.js';

export type DataFormat = ReaderFormat | 'auto';

/** One input file as the user (or a report config) names it. */
export interface DataSourceSpec {
  path: string;
  format?: DataFormat;
  /** Required for GACC files; for Comtrade/canonical files, rows of the other flow are errors. */
  flow?: Flow;
  encoding?: EncodingOption;
  /** "YYYY-MM" for GACC files without 数据年月. */
  month?: string;
  /** Comtrade: accept reporters other than China (mirror data). */
  allowOtherReporters?: boolean;
}

/** A file read: its reader result (format null when no reader could take it) and its checksum. */
export interface LoadedFile extends Omit<ReaderResult, 'meta'> {
  file: string;
  sha256: string;
  meta: (ReaderResult['meta'] & { format: ReaderFormat }) | null;
}

const READERS: Record<ReaderFormat, (text: string, options: ReaderOptions) => ReaderResult> = {
  gacc: fromGaccCsv,
  comtrade: fromComtradeCsv,
  canonical: fromCanonicalCsv,
};

function failed(file: string, problem: Problem, sha256 = ''): LoadedFile {
  return { file, sha256, records: [], origins: [], problems: [problem], meta: null };
}

const HEADER_BYTES = 64 * 1024;

function encodingLabel(encoding: string): string {
  return encoding === 'utf8' ? 'UTF-8' : 'GB18030';
}

/**
 * Reads one file: bytes -> decoded text (auto-detected or as given) -> the reader for its format (given, or
 * sniffed from the header). A header that only makes sense in the other encoding, or text that needed
 * replacement characters, is reported as a wrong encoding with the --encoding to use.
 *
 * @example
 * await loadDataFile({ path: 'exports-2024.csv', flow: 'export' }, { reference })
 * // { file: 'exports-2024.csv', records: [...], meta: { format: 'gacc', encoding: 'gb18030', … }, … }
 */
export async function loadDataFile(spec: DataSourceSpec, context: { reference: Reference; maxProblems?: number }): Promise<LoadedFile> {
  const file = spec.path;
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String((error as Error).message);
    return failed(file, problemAt('error', RULES.fileNotFound, { file }, `cannot read the file: ${reason}`));
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const decoded = decodeBytes(bytes, spec.encoding ?? 'auto');
  if (decoded.isUtf16) {
    return failed(file, problemAt('error', RULES.encodingWrong, { file }, 'the file is UTF-16 (a spreadsheet "Unicode text" save): save it as CSV in UTF-8, or use the original GACC download'), sha256);
  }
  const header = readCsvHeader(decoded.text);
  const sniffed = sniffFormat(header);
  const wrongEncoding = detectWrongEncoding(bytes, decoded, sniffed, spec.encoding ?? 'auto');
  if (wrongEncoding !== null) return failed(file, problemAt('error', RULES.encodingWrong, { file }, wrongEncoding), sha256);

  const format = spec.format === undefined || spec.format === 'auto' ? sniffed : spec.format;
  if (format === null) {
    if (decoded.text.trim() === '') {
      return failed(file, problemAt('error', RULES.fileEmpty, { file }, 'the file is empty: expected a header and data rows'), sha256);
    }
    return failed(file, problemAt('error', RULES.headerUnknown, { file, row: 1 }, unknownHeaderMessage(header)), sha256);
  }
  const options: ReaderOptions = { file, reference: context.reference, encoding: decoded.encoding };
  if (spec.flow !== undefined) options.flow = spec.flow;
  if (spec.month !== undefined) options.month = spec.month;
  if (spec.allowOtherReporters !== undefined) options.allowOtherReporters = spec.allowOtherReporters;
  if (context.maxProblems !== undefined) options.maxProblems = context.maxProblems;
  const result = READERS[format](decoded.text, options);
  const flowProblems = spec.flow !== undefined && format !== 'gacc' ? renameColumns(checkFlow(result.records, result.origins, spec.flow), result.meta.fieldColumns) : [];
  const problems = result.problems.concat(flowProblems);
  return { ...result, problems, file, sha256, meta: { ...result.meta, format } };
}

/** Why the text is not in the encoding it was decoded with, or null when it looks right. */
function detectWrongEncoding(bytes: Uint8Array, decoded: DecodedText, sniffed: ReaderFormat | null, requested: EncodingOption): string | null {
  const used = encodingLabel(decoded.encoding);
  const other = otherEncoding(decoded.encoding);
  // The header is in the first few kilobytes; a cut multi-byte character at the end does not matter there.
  const readableInOther = sniffed === null && sniffFormat(readCsvHeader(decodeBytes(bytes.subarray(0, HEADER_BYTES), other).text)) !== null;
  if (readableInOther) {
    return `wrong encoding: the header is unreadable as ${used} but readable as ${encodingLabel(other)}; run with --encoding ${other}`;
  }
  if (decoded.hasReplacementChars) {
    return requested === 'auto'
      ? 'wrong encoding: the file is neither valid UTF-8 nor GB18030 (mojibake or a damaged download); re-export it or save it as UTF-8 (--encoding utf8|gb18030 forces one)'
      : `wrong encoding: the file is not valid ${used} (it decodes to replacement characters); try --encoding ${other} or --encoding auto`;
  }
  return null;
}

/** Names the columns found and what each format expects, so the user can see which file this is not. */
export function unknownHeaderMessage(header: readonly string[]): string {
  const found = header.length === 0 ? '(none)' : header.map((name) => JSON.stringify(name)).join(', ');
  return (
    `the header matches no known data format; columns found: ${found}; expected a GACC export ` +
    `(${GACC_EXAMPLE_HEADER.join(',')}, with 美元 or 人民币 as the value column), a UN Comtrade file ` +
    `(${COMTRADE_REQUIRED.join(',')},…) or a canonical CSV (${CANONICAL_COLUMNS.join(',')})`
  );
}
