/**
 * `tradebrief import`: data files -> a columnar, month-partitioned store that reports read instead of the raw
 * files (src/data/store/). Only translates options into a call of importFiles; the clock is read here when
 * --now is not given. Files that fail validation are not imported (and the command exits 65 after the others).
 */
import { Option, type Command } from 'commander';
import { DataError, UsageError } from '../errors.js';
import type { DataFormat, DataSourceSpec } from '../data/load.js';
import type { EncodingOption } from '../data/decode.js';
import { MONTH_PATTERN, type Flow } from '../data/record.js';
import { loadReference } from '../data/reference/load-reference.js';
import { importFiles } from '../data/store/import-files.js';
import { nowOption } from './clock.js';

interface ImportCommandOptions {
  data: string[];
  store: string;
  format: DataFormat;
  flow?: Flow;
  encoding: EncodingOption;
  month?: string;
  now?: string;
  quiet?: boolean;
}

/** Adds `import` to the program. @example registerImportCommand(program) */
export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(
      'Validate data files once and add them to a columnar store (Arrow IPC files per flow, month and province, plus manifest.json with each file\'s sha256) that reports can read instead of the raw files: { "store": "<dir>" } in a report\'s data list. A file already imported unchanged is skipped; a changed one replaces its earlier import; a bad one is not imported at all.',
    )
    .requiredOption('--data <file...>', 'data files or glob patterns (GACC export, UN Comtrade CSV or canonical CSV)')
    .requiredOption('--store <dir>', 'the store folder (created when missing)')
    .addOption(new Option('--format <format>', 'input format; auto sniffs it from the header').choices(['auto', 'gacc', 'comtrade', 'canonical']).default('auto'))
    .addOption(new Option('--flow <flow>', 'trade flow of the files: required for GACC exports (the flow is not in them)').choices(['export', 'import']))
    .addOption(new Option('--encoding <encoding>', 'text encoding; auto takes UTF-8 when valid, else GB18030').choices(['auto', 'utf8', 'gb18030']).default('auto'))
    .option('--month <YYYY-MM>', 'month of GACC files that have no 数据年月 column (single-month downloads)')
    .option('--now <iso-date>', 'treat this as the current time when judging future months; default: the clock')
    .option('--quiet', 'print only the summary line')
    .addHelpText('after', "\nExample:\n  tradebrief import --flow export --data 'bench/data/1M/gacc/*.csv' --store bench/data/1M/store")
    .action(async (options: ImportCommandOptions) => {
      if (options.month !== undefined && !MONTH_PATTERN.test(options.month)) throw new UsageError(`--month ${JSON.stringify(options.month)} is not a month as YYYY-MM`);
      const specs: DataSourceSpec[] = options.data.map((path) => ({
        path,
        format: options.format,
        encoding: options.encoding,
        ...(options.flow === undefined ? {} : { flow: options.flow }),
        ...(options.month === undefined ? {} : { month: options.month }),
      }));
      const log = options.quiet ? () => {} : (line: string) => process.stderr.write(`${line}\n`);
      const result = await importFiles(specs, options.store, { reference: loadReference(), now: nowOption(options.now), log });
      process.stdout.write(`imported ${result.imported.length} file(s) (${result.rows} rows), skipped ${result.skipped.length} unchanged, refused ${result.failed.length}; store: ${options.store}\n`);
      const errors = result.problems.filter((problem) => problem.severity === 'error');
      if (errors.length > 0) throw new DataError(result.problems, { summary: `${result.failed.length} file(s) not imported: ${errors.length} error(s)` });
    });
}
