/**
 * `tradebrief run`: the entry point for every scheduler. Produces and mails the months that are due for each
 * report (src/jobs/run.ts). The only place of the run path that reads the environment (SMTP_URL, TRADEBRIEF_DB,
 * TRADEBRIEF_UNSUBSCRIBE_SECRET) and the clock; it opens the store, the transports and the browser and closes
 * them all whatever happens.
 *
 * Exit codes: 0 when every due month was produced (or nothing was due, with the reason printed), 75 when another
 * run holds the lock or the SMTP server is down, 65 for bad data or config, 1 for a bug.
 */
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import { DEFAULT_CONFIG_FILE, loadConfig } from '../config.js';
import { UsageError } from '../errors.js';
import type { MailTransport } from '../mail/transport.js';
import type { RunResult } from '../jobs/run.js';
import type { Store } from '../store/index.js';
import { createLogger } from '../io/logger.js';
import { startClock } from './clock.js';
import { gracefulStop } from './graceful-stop.js';

interface RunCommandOptions {
  report?: string[];
  all?: boolean;
  now?: string;
  catchUp?: string;
  sendLate?: boolean;
  out?: string;
  config: string;
}

/** Adds `run` to the program. @example registerRunCommand(program) */
export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('Produce and mail every month that is due (data published, not yet delivered), oldest first; what cron, systemd or Kubernetes calls')
    .option('--report <id...>', 'only these reports (default: all reports of the config)')
    .option('--all', 'every report of the config (the default)')
    .option('--now <iso-date>', 'treat this as the current time when the run starts (tests, rehearsals); default: the clock')
    .option('--catch-up <n>', 'at most this many months per report in one run (default: schedule.catchUp, 3)')
    .option('--send-late', 'also mail months released more than schedule.maxSendLatenessDays ago')
    .option('--out <dir>', 'output folder (default: outDir of the config, "out")')
    .option('--config <file>', 'config file', DEFAULT_CONFIG_FILE)
    .addHelpText(
      'after',
      [
        '',
        'A month is due when its data are in, it is past schedule.releaseDay of the next month in schedule.timeZone,',
        'and it has not been delivered. First run: only the latest complete month. A second run while one is going',
        'on exits 75 at once; running twice is safe (nobody gets a report twice).',
        '',
        'Environment: SMTP_URL, TRADEBRIEF_DB, TRADEBRIEF_UNSUBSCRIBE_SECRET (see `tradebrief send --help`).',
        '',
        'Examples:',
        '  tradebrief run',
        '  tradebrief run --report xinjiang-us --catch-up 6 --send-late',
        '  tradebrief run --now 2022-10-21T09:00:00+08:00 --out /tmp/rehearsal',
      ].join('\n'),
    )
    .action(async (options: RunCommandOptions) => {
      if (options.all === true && options.report !== undefined) throw new UsageError('give either --report or --all, not both');
      const catchUp = options.catchUp === undefined ? undefined : Number(options.catchUp);
      if (catchUp !== undefined && (!Number.isInteger(catchUp) || catchUp < 1)) throw new UsageError(`--catch-up must be a whole number from 1, not ${JSON.stringify(options.catchUp)}`);
      const clock = startClock(options.now);
      // Loaded only when the command runs: they are most of the CLI's start-up time.
      const [{ runJob, RunFailed }, { editionOutbox }, { createMailTransport }, { secretsOf }, { createBrowserPool }, { isClaimantAlive, makeClaimant, openStore, resolveDbPath }] = await Promise.all([
        import('../jobs/run.js'),
        import('../jobs/edition-dirs.js'),
        import('../mail/transport.js'),
        import('../mail/redact-url.js'),
        import('../pdf/browser-pool.js'),
        import('../store/index.js'),
      ]);

      const config = await loadConfig(options.config);
      const outDir = path.resolve(options.out ?? config.outDir);
      const smtpUrl = process.env.SMTP_URL;
      // An edition's messages go to its own outbox; an alert about a month no edition was reached for, to the month's.
      const outboxDir = (report: string, month: string, edition: number | null): string =>
        edition === null ? path.join(outDir, report, month, 'outbox') : editionOutbox(outDir, report, month, edition);
      // One SMTP pool for the whole run; without SMTP_URL, one outbox per edition folder.
      const transports = new Map<string, MailTransport>();
      const transport = (report: string, month: string, edition: number | null): MailTransport => {
        const name = kindOf(smtpUrl) === 'smtp' ? 'smtp' : `${report}/${month}/${edition ?? ''}`;
        let existing = transports.get(name);
        if (existing === undefined) {
          existing = createMailTransport({ smtpUrl, outboxDir: outboxDir(report, month, edition), rateLimit: config.delivery.rateLimit, pool: true });
          transports.set(name, existing);
        }
        return existing;
      };
      // A bad SMTP_URL is refused before anything is opened.
      if (kindOf(smtpUrl) === 'smtp') transport('', '', null);

      let store: Store;
      try {
        store = openStore(resolveDbPath(config, process.env.TRADEBRIEF_DB));
      } catch (error) {
        await closeAll(transports);
        throw error;
      }
      const browser = createBrowserPool();
      const log = createLogger({ command: 'run' }).log;
      const stop = gracefulStop(log);
      try {
        const result = await runJob(
          {
            config,
            reports: options.report ?? 'all',
            catchUp,
            sendLate: options.sendLate === true,
            outDir,
            unsubscribeSecret: process.env.TRADEBRIEF_UNSUBSCRIBE_SECRET,
          },
          {
            now: clock,
            log,
            store,
            transport,
            outboxDir,
            browser,
            sleep: (ms) => sleep(ms),
            random: Math.random,
            claimant: makeClaimant(),
            isAlive: (claimant) => isClaimantAlive(claimant),
            secrets: kindOf(smtpUrl) === 'smtp' ? secretsOf((smtpUrl ?? '').trim()) : [],
            signal: stop.signal,
          },
        );
        printResult(result);
      } catch (error) {
        if (error instanceof RunFailed) {
          printResult(error.result);
          // The month's own error, so the CLI prints it as such (a DataError lists its file, row and column).
          throw error.first;
        }
        throw error;
      } finally {
        stop.dispose();
        await closeAll(transports);
        await browser.close();
        store.close();
      }
    });
}

function kindOf(smtpUrl: string | undefined): 'smtp' | 'outbox' {
  return smtpUrl === undefined || smtpUrl.trim() === '' ? 'outbox' : 'smtp';
}

async function closeAll(transports: Map<string, MailTransport>): Promise<void> {
  for (const transport of transports.values()) await transport.close().catch(() => undefined);
}

/** One line per month produced, and the reasons when nothing was due: what a cron mail or a journal shows. */
function printResult(result: RunResult): void {
  const out = (line: string): void => void process.stdout.write(`${line}\n`);
  for (const report of result.reports) {
    if (report.months.length === 0) {
      out(`${report.report}: nothing due${report.notes.length === 0 ? '' : `: ${report.notes.join('; ')}`}`);
      continue;
    }
    for (const month of report.months) out(`${report.report} ${month.month === '' ? '' : `${month.month} `}${month.outcome}: ${month.message}`);
  }
}
