/**
 * `tradebrief data …`: commands about input data. Only translates options into a call of a job; the clock
 * is read here (and only here) when --now is not given.
 */
import { Command, Option } from 'commander';
import { UsageError } from '../errors.js';
import type { DataFormat, DataSourceSpec, ValidationRules } from '../data/load.js';
import { DEFAULT_MAX_PROBLEMS } from '../data/load.js';
import { MONTH_PATTERN, type Flow } from '../data/record.js';
import { loadReference } from '../data/reference/load-reference.js';
import type { EncodingOption } from '../data/decode.js';
import { DEFAULT_INCOMPLETE_MONTH_RULE } from '../data/validate/check-incomplete-months.js';
import { checkData } from '../jobs/check-data.js';
import { nowOption } from './clock.js';

interface CheckOptions {
  format: DataFormat;
  flow?: Flow;
  encoding: EncodingOption;
  month?: string;
  now?: string;
  maxProblems: string;
  incompleteMonth: 'error' | 'warning' | 'off';
  allowOtherReporters?: boolean;
  json?: boolean;
}

function parseMaxProblems(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`--max-problems ${JSON.stringify(text)} is not a positive whole number`);
  return value;
}

function rulesFor(severity: CheckOptions['incompleteMonth']): ValidationRules {
  return { incompleteMonth: severity === 'off' ? false : { ...DEFAULT_INCOMPLETE_MONTH_RULE, severity } };
}

/** Adds `data check` (and the `data` group) to the program. */
export function registerDataCommands(program: Command): void {
  const data = program.command('data').description('Inspect and validate input data files');
  data
    .command('check')
    .description('Read data files, validate them against the GACC code lists and print what they cover. Exits 0 when there are only warnings, 65 on errors.')
    .argument('<file...>', 'data files or glob patterns (GACC export, UN Comtrade CSV or canonical CSV)')
    .addOption(new Option('--format <format>', 'input format; auto sniffs it from the header').choices(['auto', 'gacc', 'comtrade', 'canonical']).default('auto'))
    .addOption(new Option('--flow <flow>', 'trade flow of the files: required for GACC exports (the flow is not in them); for Comtrade/canonical files, rows of the other flow are errors').choices(['export', 'import']))
    .addOption(new Option('--encoding <encoding>', 'text encoding; auto takes UTF-8 (with or without BOM) when valid, else GB18030').choices(['auto', 'utf8', 'gb18030']).default('auto'))
    .option('--month <YYYY-MM>', 'month of GACC files that have no 数据年月 column (single-month downloads)')
    .option('--now <iso-date>', 'treat this as the current time when judging future months (for tests and reruns); default: the clock')
    .option('--max-problems <n>', 'stop listing problems after this many', String(DEFAULT_MAX_PROBLEMS))
    .addOption(new Option('--incomplete-month <severity>', 'how to treat a month far below the median of the previous 12 (probably a partial download)').choices(['error', 'warning', 'off']).default('error'))
    .option('--allow-other-reporters', 'Comtrade: accept reporters other than China (mirror data)')
    .option('--json', 'print the summary and problems as JSON (machine-readable)')
    .action(async (files: string[], options: CheckOptions) => {
      if (options.month !== undefined && !MONTH_PATTERN.test(options.month)) {
        throw new UsageError(`--month ${JSON.stringify(options.month)} is not a month as YYYY-MM`);
      }
      const now = nowOption(options.now);
      const maxProblems = parseMaxProblems(options.maxProblems);
      const specs: DataSourceSpec[] = files.map((path) => {
        const spec: DataSourceSpec = { path, format: options.format, encoding: options.encoding };
        if (options.flow !== undefined) spec.flow = options.flow;
        if (options.month !== undefined) spec.month = options.month;
        if (options.allowOtherReporters) spec.allowOtherReporters = true;
        return spec;
      });
      await checkData(
        specs,
        { reference: loadReference(), now, maxProblems, rules: rulesFor(options.incompleteMonth), json: options.json ?? false },
        { write: (text) => process.stdout.write(text) },
      );
    });
}
