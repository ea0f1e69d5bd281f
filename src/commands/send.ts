/**
 * `tradebrief send`: mail one generated month of one report to its subscribers, exactly once per edition.
 * The only place of the send path that reads the environment (SMTP_URL, TRADEBRIEF_DB,
 * TRADEBRIEF_UNSUBSCRIBE_SECRET and the crash-test hooks) and the clock; it opens the store, the transport and
 * the browser, hands them to the deliver job, and closes all three whatever happens.
 *
 * Exit codes: 0 when the run completed (permanent failures included, and reported), 75 when it stopped because
 * the SMTP server seems down, 65 for bad input (month not generated, bad address, bad config).
 */
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import { DEFAULT_CONFIG_FILE, findReport, loadConfig } from '../config.js';
import { EXIT, UsageError } from '../errors.js';
import { MONTH_PATTERN } from '../data/record.js';
import type { DeliverResult } from '../jobs/deliver.js';
import type { DeliverySummary } from '../jobs/deliver-summary.js';
import type { Store } from '../store/index.js';
import { editionOutbox, latestEdition } from '../jobs/edition-dirs.js';
import { startClock } from './clock.js';
import { gracefulStop } from './graceful-stop.js';
import { heapTrimmer } from '../io/heap-trim.js';
import { createLogger, type Logger } from '../io/logger.js';
import { startProgress } from './progress.js';

interface SendCommandOptions {
  report: string;
  month: string;
  edition?: string;
  resend?: string;
  to?: string;
  dryRun?: boolean;
  config: string;
  out?: string;
  now?: string;
}

/** Adds `send` to the program. @example registerSendCommand(program) */
export function registerSendCommand(program: Command): void {
  program
    .command('send')
    .description('Email a generated month of a report to its subscribers: each subscriber gets each edition once, whatever fails or reruns')
    .requiredOption('--report <id>', 'report id from the config file (e.g. xinjiang-us)')
    .requiredOption('--month <YYYY-MM>', 'month to send; generate it first')
    .option('--edition <n>', 'edition to send, one on disk (default: the latest; a corrected edition goes only to those who received an earlier one)')
    .option('--resend <kind>', 'send again to subscribers whose delivery is "uncertain" (the server may have it) or "failed"')
    .option('--to <address>', 'send one test copy to this address only; the ledger and the runs are not touched')
    .option('--dry-run', 'list who would get what; send and record nothing')
    .option('--config <file>', 'config file', DEFAULT_CONFIG_FILE)
    .option('--out <dir>', 'output folder the month was generated into (default: outDir of the config, "out")')
    .option('--now <iso-date>', 'treat this as the current time when the run starts; default: the clock')
    .addHelpText(
      'after',
      [
        '',
        'Environment:',
        '  SMTP_URL                       smtp://user:password@host:587 (without it, messages are written as .eml files',
        '                                 under out/<report>/<YYYY-MM>/edition-<n>/outbox/)',
        '  TRADEBRIEF_DB                  the SQLite file of subscribers and the delivery ledger (default: delivery.dbPath)',
        '  TRADEBRIEF_UNSUBSCRIBE_SECRET  signs unsubscribe links when delivery.unsubscribe.baseUrl is set',
        '',
        'Examples:',
        '  tradebrief send --report xinjiang-us --month 2022-08',
        '  tradebrief send --report xinjiang-us --month 2022-08 --to me@example.org',
        '  tradebrief send --report xinjiang-us --month 2022-08 --resend uncertain',
      ].join('\n'),
    )
    .action(async (options: SendCommandOptions) => {
      if (!MONTH_PATTERN.test(options.month)) throw new UsageError(`--month ${JSON.stringify(options.month)} is not a month as YYYY-MM`);
      if (options.resend !== undefined && options.resend !== 'failed' && options.resend !== 'uncertain') {
        throw new UsageError(`--resend must be "failed" or "uncertain", not ${JSON.stringify(options.resend)}`);
      }
      const edition = options.edition === undefined ? undefined : Number(options.edition);
      if (edition !== undefined && (!Number.isInteger(edition) || edition < 1)) throw new UsageError(`--edition must be a whole number from 1, not ${JSON.stringify(options.edition)}`);
      if (options.to !== undefined && (options.dryRun || options.resend !== undefined)) throw new UsageError('--to sends one test copy; it does not go with --dry-run or --resend');
      const clock = startClock(options.now);
      // Loaded only when the command runs: they are most of the CLI's start-up time.
      const [{ deliver, DeliveryStopped, DeliveryInterrupted }, { createMailTransport }, { createBrowserPool }, { isClaimantAlive, makeClaimant, openStore, resolveDbPath }] =
        await Promise.all([import('../jobs/deliver.js'), import('../mail/transport.js'), import('../pdf/browser-pool.js'), import('../store/index.js')]);

      const config = await loadConfig(options.config);
      findReport(config, options.report);
      const outDir = path.resolve(options.out ?? config.outDir);
      const crashAfterSent = testCrashAfter(process.env.TRADEBRIEF_TEST_CRASH_AFTER_SENT);
      const crashBeforeRecord = testCrashAfter(process.env.TRADEBRIEF_TEST_CRASH_BEFORE_RECORD);

      // The transport first: a bad SMTP_URL is refused before anything is opened. Without SMTP, the messages go to the
      // outbox of the edition sent (the latest on disk unless --edition; deliver refuses one that is not there).
      const outboxEdition = edition ?? (await latestEdition(outDir, options.report, options.month)) ?? 1;
      const transport = createMailTransport({
        smtpUrl: process.env.SMTP_URL,
        outboxDir: editionOutbox(outDir, options.report, options.month, outboxEdition),
        rateLimit: config.delivery.rateLimit,
        pool: true,
      });
      let store: Store;
      try {
        store = openStore(resolveDbPath(config, process.env.TRADEBRIEF_DB));
      } catch (error) {
        await transport.close();
        throw error;
      }
      const browser = createBrowserPool();
      const logger = createLogger({ command: 'send' });
      const progress = options.dryRun || options.to !== undefined ? undefined : startProgress('sending', logger);
      const log = logger.log;
      const stop = gracefulStop(log);
      // Peak memory must not grow with the number of subscribers (src/io/heap-trim.ts).
      const trimHeap = heapTrimmer(2000);
      try {
        const result = await deliver(
          {
            config,
            report: options.report,
            month: options.month,
            edition,
            resend: options.resend as 'failed' | 'uncertain' | undefined,
            to: options.to,
            dryRun: options.dryRun === true,
            outDir,
            unsubscribeSecret: process.env.TRADEBRIEF_UNSUBSCRIBE_SECRET,
          },
          {
            store,
            transport,
            browser,
            now: clock,
            log,
            sleep: (ms) => sleep(ms),
            random: Math.random,
            progress: (done, total, label) => {
              trimHeap();
              progress?.update(done, total, label);
            },
            claimant: makeClaimant(),
            isAlive: (claimant) => isClaimantAlive(claimant),
            afterSent: crashAfterSent === undefined ? undefined : (sentSoFar) => sentSoFar >= crashAfterSent && process.kill(process.pid, 'SIGKILL'),
            afterAccepted:
              crashBeforeRecord === undefined ? undefined : (acceptedSoFar) => acceptedSoFar >= crashBeforeRecord && process.kill(process.pid, 'SIGKILL'),
            signal: stop.signal,
          },
        );
        progress?.stop();
        printResult(result, transport.kind === 'outbox' ? transport.describe() : null, logger);
        if (result.mode === 'send' && result.recovered.length > 0) {
          // A crashed run left these in 'sending': they may have arrived, so they are not re-sent (RELIABILITY.md
          // test 1). Exit 75 so whoever runs the job looks: the rest of the mailing went out.
          logger.at('warn', `${result.recovered.length} deliver${result.recovered.length === 1 ? 'y' : 'ies'} left unfinished by a crashed run ${result.recovered.length === 1 ? 'is' : 'are'} now uncertain: ${result.recovered.map((row) => row.subscriberEmail).join(', ')}; check with the recipient or send again with --resend uncertain`, {
            uncertain: result.recovered.map((row) => row.subscriberEmail),
          });
          process.exitCode = EXIT.tempFail;
        }
      } catch (error) {
        progress?.stop();
        if (error instanceof DeliveryStopped || error instanceof DeliveryInterrupted) printProblems(error.summary, logger);
        throw error;
      } finally {
        stop.dispose();
        await transport.close();
        await browser.close();
        store.close();
      }
    });
}

function printResult(result: DeliverResult, outbox: string | null, logger: Logger): void {
  const out = (line: string): void => void process.stdout.write(`${line}\n`);
  switch (result.mode) {
    case 'dry-run': {
      const sending = result.recipients.filter((recipient) => recipient.send);
      out(`dry run, edition ${result.edition}: "${result.subject}"`);
      for (const recipient of result.recipients) out(`  ${recipient.send ? 'would send to' : 'would skip   '} ${recipient.email} (${recipient.reason})`);
      out(`would send ${sending.length}, skip ${result.recipients.length - sending.length}; nothing was sent or recorded`);
      return;
    }
    case 'test-copy':
      out(`test copy of edition ${result.edition} sent to ${result.to}: ${result.response}`);
      break;
    case 'send':
      printProblems(result.summary, logger);
      out(result.text);
      break;
  }
  if (outbox !== null) out(`no SMTP_URL: messages were written to the ${outbox}`);
}

/** Each row that needs the operator: permanent failures, uncertain sends, transient ones left for later. */
function printProblems(summary: DeliverySummary, logger: Logger): void {
  for (const problem of summary.problems) {
    logger.at('warn', `${problem.outcome}: ${problem.email}: ${problem.response ?? ''}`, { outcome: problem.outcome, email: problem.email, response: problem.response ?? null });
  }
  if (summary.uncertain > 0) {
    logger.at('warn', 'uncertain deliveries may have arrived; they are not re-sent unless you run with --resend uncertain', { uncertain: summary.uncertain });
  }
}

/**
 * Crash hooks for the tests (a number k from the environment): TRADEBRIEF_TEST_CRASH_AFTER_SENT SIGKILLs this
 * process once k messages are marked sent; TRADEBRIEF_TEST_CRASH_BEFORE_RECORD once the server accepted the k-th
 * message and before the ledger records it.
 */
function testCrashAfter(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const count = Number(value);
  return Number.isInteger(count) && count >= 1 ? count : undefined;
}
