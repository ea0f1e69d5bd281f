/**
 * `tradebrief regenerate`: rebuild a month from the current data and templates as its next edition, beside the
 * earlier ones, with changes.json and a "Corrected edition" box; mail it only with --send (to those who received
 * an earlier edition). Translates options into a call of the regenerate job; reads the environment (SMTP_URL,
 * TRADEBRIEF_DB, TRADEBRIEF_UNSUBSCRIBE_SECRET) and the clock, opens the store, the browser and (with --send) the
 * transport, and closes them whatever happens.
 *
 * Exit codes: 0 when the edition was made (and, with --send, the send completed), 65 for a month never generated
 * or bad data, 75 when the SMTP server seems down.
 */
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import { DEFAULT_CONFIG_FILE, findReport, loadConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { MONTH_PATTERN } from '../data/record.js';
import { createLogger } from '../io/logger.js';
import type { MailTransport } from '../mail/transport.js';
import type { RegenerateResult } from '../jobs/regenerate.js';
import { startClock } from './clock.js';
import { gracefulStop } from './graceful-stop.js';

interface RegenerateCommandOptions {
  report: string;
  month: string;
  send?: boolean;
  config: string;
  data?: string[];
  out?: string;
  now?: string;
}

/** How many changes the command prints; changes.json and the report have them all. */
const SHOWN_CHANGES = 5;

/** Adds `regenerate` to the program. @example registerRegenerateCommand(program) */
export function registerRegenerateCommand(program: Command): void {
  program
    .command('regenerate')
    .description('Rebuild a month (data revised, template fixed) as its next edition, listing what changed; mail it only with --send')
    .requiredOption('--report <id>', 'report id from the config file (e.g. xinjiang-us)')
    .requiredOption('--month <YYYY-MM>', 'month to rebuild; it must have been generated before')
    .option('--send', 'mail the new edition to the subscribers who received an earlier one')
    .option('--config <file>', 'config file', DEFAULT_CONFIG_FILE)
    .option('--data <file...>', "data files or globs to use instead of the report's own (same flow)")
    .option('--out <dir>', 'output folder (default: outDir of the config, "out")')
    .option('--now <iso-date>', 'treat this as the current time (generatedAt, ledger times); default: the clock')
    .addHelpText(
      'after',
      [
        '',
        'Edition n+1 goes to out/<report>/<YYYY-MM>/edition-<n+1>/ with changes.json (what changed since edition n);',
        'earlier editions stay as they were. Environment: SMTP_URL, TRADEBRIEF_DB, TRADEBRIEF_UNSUBSCRIBE_SECRET',
        '(see `tradebrief send --help`).',
        '',
        'Examples:',
        '  tradebrief regenerate --report xinjiang-us --month 2022-08',
        '  tradebrief send --report xinjiang-us --month 2022-08 --dry-run     # who would get the new edition',
        '  tradebrief regenerate --report xinjiang-us --month 2022-08 --send',
      ].join('\n'),
    )
    .action(async (options: RegenerateCommandOptions) => {
      if (!MONTH_PATTERN.test(options.month)) throw new UsageError(`--month ${JSON.stringify(options.month)} is not a month as YYYY-MM`);
      const clock = startClock(options.now);
      // Loaded only when the command runs: they are most of the CLI's start-up time.
      const [{ regenerate }, { editionOutbox }, { createMailTransport }, { createBrowserPool }, { isClaimantAlive, makeClaimant, openStore, resolveDbPath }] = await Promise.all([
        import('../jobs/regenerate.js'),
        import('../jobs/edition-dirs.js'),
        import('../mail/transport.js'),
        import('../pdf/browser-pool.js'),
        import('../store/index.js'),
      ]);
      const config = await loadConfig(options.config);
      findReport(config, options.report);
      const outDir = path.resolve(options.out ?? config.outDir);
      const store = openStore(resolveDbPath(config, process.env.TRADEBRIEF_DB));
      const browser = createBrowserPool();
      const log = createLogger({ command: 'regenerate' }).log;
      const stop = gracefulStop(log);
      let transport: MailTransport | undefined;
      try {
        const result = await regenerate(
          { config, report: options.report, month: options.month, dataFiles: options.data, outDir, send: options.send === true, unsubscribeSecret: process.env.TRADEBRIEF_UNSUBSCRIBE_SECRET },
          {
            store,
            browser,
            transport: (edition) =>
              (transport = createMailTransport({
                smtpUrl: process.env.SMTP_URL,
                outboxDir: editionOutbox(outDir, options.report, options.month, edition),
                rateLimit: config.delivery.rateLimit,
                pool: true,
              })),
            now: clock,
            log,
            sleep: (ms) => sleep(ms),
            random: Math.random,
            claimant: makeClaimant(),
            isAlive: (claimant) => isClaimantAlive(claimant),
            signal: stop.signal,
          },
        );
        printResult(result, options, transport?.kind === 'outbox' ? transport.describe() : null);
      } finally {
        stop.dispose();
        await transport?.close();
        await browser.close();
        store.close();
      }
    });
}

function printResult(result: RegenerateResult, options: RegenerateCommandOptions, outbox: string | null): void {
  const out = (line: string): void => void process.stdout.write(`${line}\n`);
  out(`edition ${result.edition} of ${options.report} ${options.month}: ${result.dir}`);
  const count = result.changes.length;
  out(count === 0 ? `no figure changed since edition ${result.previousEdition}` : `${count} change${count === 1 ? '' : 's'} since edition ${result.previousEdition} (all in ${result.changesPath}):`);
  for (const change of result.changes.slice(0, SHOWN_CHANGES)) {
    out(`  ${change.field}: ${change.before} -> ${change.after}`);
  }
  if (count > SHOWN_CHANGES) out(`  … and ${count - SHOWN_CHANGES} more`);
  const sent = result.sent;
  if (sent === null) {
    const who = result.audience.length === 1 ? '1 subscriber' : `${result.audience.length} subscribers`;
    out(`not sent. To mail it to ${who}: tradebrief send --report ${options.report} --month ${options.month} --edition ${result.edition}`);
    return;
  }
  if (sent.mode === 'send') out(`sent edition ${result.edition}: ${sent.text}`);
  if (outbox !== null) out(`no SMTP_URL: messages were written to the ${outbox}`);
}
