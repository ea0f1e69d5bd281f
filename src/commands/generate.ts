/**
 * `tradebrief generate`: one month (or a range) of one report -> out/<report>/<YYYY-MM>/edition-<n>/{stats.json,
 * charts/, report.html, report.pdf, manifest.json}, and the headline sentences on stdout. Only translates options
 * into a call of the generate job; the clock is read, the browser is started and closed, and the ledger (only when
 * its file exists: it says whether an edition's mailing has begun) is opened and closed here.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { DEFAULT_CONFIG_FILE, loadConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { MONTH_PATTERN } from '../data/record.js';
import type { OutputStage } from '../jobs/generate.js';
import { nowOption } from './clock.js';
import { createLogger } from '../io/logger.js';
import { startProgress } from './progress.js';

interface GenerateCommandOptions {
  report: string;
  month?: string;
  from?: string;
  to?: string;
  config: string;
  data?: string[];
  out?: string;
  now?: string;
  stage: OutputStage;
  quiet?: boolean;
}

function checkMonth(option: string, value: string, allowLatest: boolean): void {
  if ((allowLatest && value === 'latest') || MONTH_PATTERN.test(value)) return;
  throw new UsageError(`${option} ${JSON.stringify(value)} is not a month as YYYY-MM${allowLatest ? ' (or "latest")' : ''}`);
}

/** Adds `generate` to the program. @example registerGenerateCommand(program) */
export function registerGenerateCommand(program: Command): void {
  program
    .command('generate')
    .description(
      'Build one month (or a range of months) of one report: stats.json, charts, report.html and report.pdf under out/<report>/<YYYY-MM>/edition-<n>/ (the latest edition, rewritten in place, unless it was mailed: then use regenerate)',
    )
    .requiredOption('--report <id>', 'report id from the config file (e.g. xinjiang-us)')
    .option('--month <YYYY-MM>', 'month to report, or "latest" for the latest complete month in the data')
    .option('--from <YYYY-MM>', 'first month of a backfill (with --to); all months share one browser')
    .option('--to <YYYY-MM>', 'last month of a backfill (with --from)')
    .option('--config <file>', 'config file', DEFAULT_CONFIG_FILE)
    .option('--data <file...>', "data files or globs to use instead of the report's own (same flow)")
    .option('--out <dir>', 'output folder (default: outDir of the config, "out")')
    .option('--stage <stage>', 'how far to go: stats (stats.json only), html (+ charts and report.html) or pdf', 'pdf')
    .option('--now <iso-date>', 'treat this as the current time (future months, generatedAt); default: the clock')
    .option('--quiet', 'print only the paths of the files written')
    .addHelpText(
      'after',
      '\nExamples:\n  tradebrief generate --report xinjiang-us --month 2022-08\n  tradebrief generate --report xinjiang-us --from 2021-09 --to 2022-09\n  tradebrief generate --report xinjiang-kz --month latest --stage stats',
    )
    .action(async (options: GenerateCommandOptions) => {
      if (!['stats', 'html', 'pdf'].includes(options.stage)) throw new UsageError(`--stage must be stats, html or pdf, not ${JSON.stringify(options.stage)}`);
      const range = options.from !== undefined || options.to !== undefined;
      if (range && (options.from === undefined || options.to === undefined)) throw new UsageError('--from and --to go together');
      if (range && options.month !== undefined) throw new UsageError('give either --month or --from/--to, not both');
      if (!range && options.month === undefined) throw new UsageError('give --month <YYYY-MM|latest>, or --from and --to for a range');
      if (range) {
        checkMonth('--from', options.from ?? '', false);
        checkMonth('--to', options.to ?? '', false);
        if ((options.from ?? '') > (options.to ?? '')) throw new UsageError(`--from ${options.from} is after --to ${options.to}`);
      } else {
        checkMonth('--month', options.month ?? '', true);
      }
      const now = nowOption(options.now);

      // The job and the browser are loaded only when the command runs: they are most of the CLI's start-up time.
      const [{ generateMonths }, { HEADLINE_SENTENCE_IDS }, { createBrowserPool }, { openStore, resolveDbPath }] = await Promise.all([
        import('../jobs/generate.js'),
        import('../narrative/narrate.js'),
        import('../pdf/browser-pool.js'),
        import('../store/index.js'),
      ]);
      const config = await loadConfig(options.config);
      // An edition whose mailing has begun is never rewritten; with no database yet, nothing was mailed.
      const dbPath = resolveDbPath(config, process.env.TRADEBRIEF_DB);
      const store = dbPath !== ':memory:' && existsSync(dbPath) ? openStore(dbPath) : undefined;
      const mailingBegun =
        store === undefined ? undefined : (month: string, edition: number) => store.deliveriesFor({ report: options.report, month, edition }).length > 0;
      const browser = options.stage === 'pdf' ? createBrowserPool() : undefined;
      const logger = createLogger({ command: 'generate' });
      const progress = range ? startProgress('generating', logger) : undefined;
      try {
        const results = await generateMonths(
          {
            config,
            report: options.report,
            month: range ? (options.from ?? '') : (options.month ?? ''),
            to: range ? options.to : undefined,
            dataFiles: options.data,
            outDir: options.out,
            stage: options.stage,
          },
          { now, log: logger.log, browser, progress: progress?.update, mailingBegun },
        );
        progress?.stop();
        if (range && browser !== undefined) {
          logger.log(`rendered ${results.length} months with ${browser.launches} browser launch${browser.launches === 1 ? '' : 'es'}`, { months: results.length, browserLaunches: browser.launches });
        }
        for (const result of results) {
          if (!options.quiet && !range) {
            for (const sentence of result.stats.narrative.filter((s) => HEADLINE_SENTENCE_IDS.includes(s.id))) {
              process.stdout.write(`${sentence.text}\n`);
            }
          }
          for (const file of [result.pdfPath, result.htmlPath, result.statsPath]) if (file !== undefined) process.stdout.write(`${file}\n`);
        }
      } finally {
        progress?.stop();
        await browser?.close();
        store?.close();
      }
    });
}
