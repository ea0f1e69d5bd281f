/**
 * `tradebrief data check`: read -> validate -> summarise -> print. Pure apart from the loader: the clock
 * (`now`), the reference and the output are passed in. Bad data still get their summary printed; then a
 * DataError carries the problems to cli.ts, which prints them and exits 65.
 */
import { DataError, formatProblem, type Problem } from '../errors.js';
import { readDataFiles, type DataSourceSpec, type LoadedData, type LoadOptions } from '../data/load.js';
import { summarizeData, type DataSummary } from '../data/summarize-data.js';

export interface CheckDataOptions extends LoadOptions {
  json?: boolean;
}

export interface CheckDataEffects {
  /** Where the report goes (stdout in the CLI). */
  write: (text: string) => void;
  /** The loader; tests may pass a fake. */
  read?: (specs: DataSourceSpec[], options: LoadOptions) => Promise<LoadedData>;
}

export interface CheckDataResult {
  summary: DataSummary;
  problems: Problem[];
  truncated: boolean;
}

const LIST_LIMIT = 12;

function listCodes(codes: readonly string[], none: string): string {
  if (codes.length === 0) return none;
  const shown = codes.slice(0, LIST_LIMIT).join(', ');
  return `${codes.length} (${shown}${codes.length > LIST_LIMIT ? ', …' : ''})`;
}

/**
 * The human-readable report: per file, coverage, totals per month, then problems (warnings only when the
 * data are usable; errors are printed by cli.ts from the DataError).
 *
 * @example
 * formatCheckReport(summary, [], false) // "Files\n  exports.csv  gacc  gb18030  USD  export  12 rows …"
 */
export function formatCheckReport(summary: DataSummary, problems: readonly Problem[], truncated: boolean): string {
  const lines: string[] = ['Files'];
  for (const file of summary.files) {
    const months = file.months.length === 0 ? 'no months' : file.months.length === 1 ? file.months[0] : `${file.months[0]}..${file.months[file.months.length - 1]}`;
    lines.push(`  ${file.file}  ${file.format}  ${file.encoding}  ${file.currency}  ${file.flow ?? 'export+import'}  ${file.dataRows} rows  ${months}`);
  }
  if (summary.files.length === 0) lines.push('  (no file could be read)');
  lines.push(
    `Months: ${summary.months.length === 0 ? 'none' : `${summary.months.length} (${summary.months[0]}..${summary.months[summary.months.length - 1]})`}`,
    `Rows: ${summary.rows}`,
    `Regions: ${listCodes(summary.regions, 'not broken down')}`,
    `Partners: ${listCodes(summary.partners, 'not broken down')}`,
    'Total value per month',
  );
  for (const total of summary.totals) {
    lines.push(`  ${total.month}  ${total.region === null ? 'all regions' : `region ${total.region}`}  ${total.flow}  ${total.currency} ${Math.round(total.value).toLocaleString('en-US')}  (${total.rows} ${total.rows === 1 ? 'row' : 'rows'})`);
  }
  if (problems.length > 0) {
    lines.push(`Problems (${problems.length}${truncated ? '+' : ''})`);
    for (const problem of problems) lines.push(`  ${formatProblem(problem)}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Checks data files and prints what they hold. Resolves when there are no errors (warnings allowed);
 * throws DataError with every problem otherwise, after printing the summary.
 *
 * @example
 * await checkData([{ path: 'exports.csv', flow: 'export' }], { reference, now }, { write: (text) => process.stdout.write(text) })
 */
export async function checkData(specs: DataSourceSpec[], options: CheckDataOptions, effects: CheckDataEffects): Promise<CheckDataResult> {
  const read = effects.read ?? readDataFiles;
  const data = await read(specs, options);
  const summary = summarizeData(data);
  const truncated = data.truncated ?? false;
  const errorCount = data.errorCount ?? data.problems.filter((problem) => problem.severity === 'error').length;
  const ok = errorCount === 0;
  if (options.json) {
    effects.write(`${JSON.stringify({ ok, ...summary, problems: data.problems, truncated }, null, 2)}\n`);
  } else {
    // With errors, cli.ts prints the problems from the DataError; printing them here too would double them.
    effects.write(formatCheckReport(summary, ok ? data.problems : [], truncated));
    if (ok) effects.write(`OK: ${data.problems.length === 0 ? 'no problems' : `no errors, ${data.problems.length}${truncated ? '+' : ''} warning(s)`}\n`);
  }
  if (!ok) throw new DataError(data.problems, { truncated });
  return { summary, problems: data.problems, truncated };
}
