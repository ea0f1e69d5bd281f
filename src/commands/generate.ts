/**
 * `tradebrief generate`: one month of one report -> out/<report>/<YYYY-MM>/stats.json, and the headline
 * sentences on stdout. Only translates options into a call of the generate job; the clock is read here.
 */
import type { Command } from 'commander';
import { DEFAULT_CONFIG_FILE, loadConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { MONTH_PATTERN } from '../data/record.js';
import { generate } from '../jobs/generate.js';
import { HEADLINE_SENTENCE_IDS } from '../narrative/narrate.js';

interface GenerateCommandOptions {
  report: string;
  month: string;
  config: string;
  data?: string[];
  out?: string;
  now?: string;
  quiet?: boolean;
}

/** Adds `generate` to the program. @example registerGenerateCommand(program) */
export function registerGenerateCommand(program: Command): void {
  program
    .command('generate')
    .description('Compute the statistics and narrative of one month of one report and write out/<report>/<YYYY-MM>/stats.json')
    .requiredOption('--report <id>', 'report id from the config file (e.g. xinjiang-us)')
    .requiredOption('--month <YYYY-MM>', 'month to report, or "latest" for the latest complete month in the data')
    .option('--config <file>', 'config file', DEFAULT_CONFIG_FILE)
    .option('--data <file...>', "data files or globs to use instead of the report's own (same flow)")
    .option('--out <dir>', 'output folder (default: outDir of the config, "out")')
    .option('--now <iso-date>', 'treat this as the current time when judging future months; default: the clock')
    .option('--quiet', 'print only the path of stats.json')
    .action(async (options: GenerateCommandOptions) => {
      if (options.month !== 'latest' && !MONTH_PATTERN.test(options.month)) {
        throw new UsageError(`--month ${JSON.stringify(options.month)} is not a month as YYYY-MM (or "latest")`);
      }
      const now = options.now === undefined ? new Date() : new Date(options.now);
      if (Number.isNaN(now.getTime())) throw new UsageError(`--now ${JSON.stringify(options.now)} is not an ISO date such as 2026-02-10`);
      const config = await loadConfig(options.config);
      const { statsPath, stats } = await generate(
        { config, report: options.report, month: options.month, dataFiles: options.data, outDir: options.out },
        { now, log: (line) => process.stderr.write(`${line}\n`) },
      );
      if (!options.quiet) {
        for (const sentence of stats.narrative.filter((s) => HEADLINE_SENTENCE_IDS.includes(s.id))) {
          process.stdout.write(`${sentence.text}\n`);
        }
      }
      process.stdout.write(`${statsPath}\n`);
    });
}
