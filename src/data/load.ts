/**
 * Loading a dataset: expand paths -> read each file (decode, sniff, reader) -> validate all records
 * together -> cap the problems -> throw DataError if any is an error. `readDataFiles` stops before the
 * throw, for `data check`, which reports a summary even when the data are bad.
 */
import fg from 'fast-glob';
import { DataError, type Problem } from '../errors.js';
import { loadDataFile, type DataFormat, type DataSourceSpec, type LoadedFile } from './load-data-file.js';
import type { Currency, Flow, RecordOrigin, TradeRecord } from './record.js';
import type { Reference } from './reference/types.js';
import { ProblemList } from './validate/problem-list.js';
import { RULES } from './validate/rule-ids.js';
import { renameColumns } from './validate/record-problem.js';
import { validateRecords, type ValidationRules } from './validate/validate-records.js';

export type { DataFormat, DataSourceSpec, ValidationRules };
export { loadDataFile };

export interface FileSummary {
  file: string;
  format: 'gacc' | 'comtrade' | 'canonical';
  encoding: string;
  currency: Currency;
  flow: Flow | null;
  dataRows: number;
  months: string[];
  sha256: string;
}

export interface LoadedData {
  records: TradeRecord[];
  origins: RecordOrigin[];
  problems: Problem[];
  files: FileSummary[];
  /** More problems were found than the cap (maxProblems) let through. */
  truncated?: boolean;
  /** Problems of severity error, counting those beyond the cap. */
  errorCount?: number;
}

export interface LoadOptions {
  reference: Reference;
  now: Date;
  rules?: ValidationRules;
  /** Cap on problems kept (default 200); the rest are counted. */
  maxProblems?: number;
}

export const DEFAULT_MAX_PROBLEMS = 200;
const GLOB_CHARS = /[*?[\]{}]/;

/**
 * Reads, validates and concatenates; throws DataError (with all problems) if any problem has severity 'error'.
 *
 * @example
 * const data = await loadDataFiles([{ path: 'data/xinjiang-*.csv', flow: 'export' }], { reference, now: new Date() });
 * data.records.length // rows of every matching file
 */
export async function loadDataFiles(specs: DataSourceSpec[], options: LoadOptions): Promise<LoadedData> {
  const { data, errors } = await readDataFilesCounting(specs, options);
  if (errors > 0) throw new DataError(data.problems, { truncated: data.truncated ?? false });
  return data;
}

/**
 * Like loadDataFiles but never throws for bad data: the problems (errors included) come back in the result.
 *
 * @example
 * const { problems, files } = await readDataFiles([{ path: 'a.csv', flow: 'export' }], { reference, now })
 */
export async function readDataFiles(specs: DataSourceSpec[], options: LoadOptions): Promise<LoadedData> {
  return (await readDataFilesCounting(specs, options)).data;
}

async function readDataFilesCounting(specs: DataSourceSpec[], options: LoadOptions): Promise<{ data: LoadedData; errors: number }> {
  const problems = new ProblemList(options.maxProblems ?? DEFAULT_MAX_PROBLEMS);
  const expanded: DataSourceSpec[] = [];
  for (const spec of specs) {
    if (!GLOB_CHARS.test(spec.path)) {
      expanded.push(spec);
      continue;
    }
    const matches = (await fg(spec.path, { onlyFiles: true, unique: true })).sort();
    if (matches.length === 0) problems.error(RULES.fileNotFound, { file: spec.path }, 'the pattern matches no file');
    for (const path of matches) expanded.push({ ...spec, path });
  }

  const loaded: LoadedFile[] = [];
  for (const spec of expanded) loaded.push(await loadDataFile(spec, { reference: options.reference }));

  // concat, not push(...): a spread of 250,000 records overflows the call stack.
  const records: TradeRecord[] = ([] as TradeRecord[]).concat(...loaded.map((file) => file.records));
  const origins: RecordOrigin[] = ([] as RecordOrigin[]).concat(...loaded.map((file) => file.origins));
  const fileProblems: Problem[] = ([] as Problem[]).concat(...loaded.map((file) => file.problems));
  const files: FileSummary[] = [];
  loaded.forEach((file, position) => {
    const spec = expanded[position];
    if (file.meta !== null && file.meta.currency !== null) {
      files.push({
        file: file.file,
        format: file.meta.format,
        encoding: file.meta.encoding,
        currency: file.meta.currency,
        flow: spec?.flow ?? singleFlow(file.records),
        dataRows: file.meta.dataRows,
        months: file.meta.months,
        sha256: file.sha256,
      });
    }
  });

  // Record rules name record fields; each file gets its problems in its own column names.
  const columnNames = new Map(loaded.map((file) => [file.file, file.meta?.fieldColumns ?? {}]));
  const recordProblems = validateRecords(records, origins, options).flatMap((problem) => renameColumns([problem], columnNames.get(problem.file) ?? {}));
  const fileOrder = new Map(loaded.map((file, position) => [file.file, position]));
  const sorted = [...fileProblems, ...recordProblems].sort(
    (a, b) => (fileOrder.get(a.file) ?? -1) - (fileOrder.get(b.file) ?? -1) || (a.row ?? 0) - (b.row ?? 0),
  );
  problems.addAll(sorted);
  const data: LoadedData = { records, origins, problems: problems.items, files, truncated: problems.truncated, errorCount: problems.errors };
  return { data, errors: problems.errors };
}

function singleFlow(records: readonly TradeRecord[]): Flow | null {
  const flows = new Set(records.map((record) => record.flow));
  const [only] = flows;
  return flows.size === 1 && only !== undefined ? only : null;
}
