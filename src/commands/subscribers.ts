/**
 * `tradebrief subscribers …`: manage who receives which report. Only translates options into calls on the
 * store (and the import job); the environment (TRADEBRIEF_DB, TRADEBRIEF_UNSUBSCRIBE_SECRET) and the clock
 * are read here and nowhere below.
 */
import { readFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { DEFAULT_CONFIG_FILE, loadConfig, type Config } from '../config.js';
import { DataError, TradebriefError, UsageError, formatProblem } from '../errors.js';
import { formatSubscribersCsv } from '../jobs/subscribers-csv.js';
import { importSubscribers, type ImportResult } from '../jobs/subscribers-import.js';
import { openStore, type Store } from '../store/open-store.js';
import { resolveDbPath } from '../store/resolve-db-path.js';
import type { Locale, Subscriber, SubscriberStatus } from '../store/types.js';
import { verifyUnsubscribeToken } from '../store/unsubscribe-token.js';

interface CommonOptions {
  config: string;
}

/** Loads the config, opens the store, runs `work`, and always closes the store. */
async function withStore<T>(options: CommonOptions, work: (store: Store, config: Config) => T | Promise<T>): Promise<T> {
  const config = await loadConfig(options.config);
  const store = openStore(resolveDbPath(config, process.env.TRADEBRIEF_DB));
  try {
    return await work(store, config);
  } finally {
    store.close();
  }
}

function reportIds(config: Config): string[] {
  return config.reports.map((report) => report.id);
}

/** A report named on the command line must be one of the config: a usage error (exit 64, as everywhere else) naming it and the known ones. */
function checkReports(config: Config, reports: readonly string[]): void {
  const known = reportIds(config);
  const unknown = reports.filter((report) => !known.includes(report));
  if (unknown.length === 0) return;
  throw new TradebriefError('UnknownReport', 'usage', `unknown report${unknown.length > 1 ? 's' : ''} ${unknown.map((id) => JSON.stringify(id)).join(', ')}`, {
    hint: `Reports in ${config.configFile ?? 'the config'}: ${known.join(', ')}.`,
  });
}

function withConfigOption(command: Command): Command {
  return command.option('--config <file>', 'config file (the database is delivery.dbPath in it, or TRADEBRIEF_DB)', DEFAULT_CONFIG_FILE);
}

function write(line: string): void {
  process.stdout.write(`${line}\n`);
}

function describeSubscriber(subscriber: Subscriber): string {
  return [subscriber.email, subscriber.name ?? '-', subscriber.locale, subscriber.status, subscriber.reports.join(';') || '-'].join('\t');
}

/** Adds `subscribers add|remove|list|import|export|unsubscribe` to the program. @example registerSubscribersCommand(program) */
export function registerSubscribersCommand(program: Command): void {
  const subscribers = program
    .command('subscribers')
    .description('Manage who receives which report (stored in the SQLite file of delivery.dbPath, or TRADEBRIEF_DB)');

  withConfigOption(
    subscribers
      .command('add')
      .description('Add a subscriber (to every report of the config unless --report is given)')
      .argument('<email>', 'email address')
      .option('--name <name>', 'name used in the greeting')
      .addOption(new Option('--locale <locale>', 'language of the email').choices(['en', 'zh']).default('en'))
      .option('--report <id...>', 'report ids to receive (default: all reports in the config)'),
  ).action(async (email: string, options: CommonOptions & { name?: string; locale: Locale; report?: string[] }) => {
    if (options.name !== undefined && /[\u0000-\u001f\u007f]/.test(options.name)) throw new UsageError('--name must not contain line breaks or control characters');
    await withStore(options, (store, config) => {
      const reports = options.report ?? reportIds(config);
      checkReports(config, reports);
      const added = store.addSubscriber({ email, name: options.name, locale: options.locale, reports }, new Date());
      write(`added ${added.email} (${added.reports.join(', ')})`);
    });
  });

  withConfigOption(subscribers.command('remove').description('Delete a subscriber (the delivery history is kept)').argument('<email>', 'email address')).action(
    async (email: string, options: CommonOptions) => {
      await withStore(options, (store) => {
        if (!store.removeSubscriber(email)) throw new TradebriefError('SubscriberNotFound', 'user', `${JSON.stringify(email)} is not a subscriber`);
        write(`removed ${email.trim().toLowerCase()}`);
      });
    },
  );

  withConfigOption(
    subscribers
      .command('list')
      .description('List subscribers: email, name, locale, status, reports (tab-separated)')
      .option('--report <id>', 'only subscribers of this report')
      .addOption(new Option('--status <status>', 'only subscribers with this status').choices(['active', 'unsubscribed']))
      .option('--json', 'print JSON (machine-readable)'),
  ).action(async (options: CommonOptions & { report?: string; status?: SubscriberStatus; json?: boolean }) => {
    await withStore(options, (store, config) => {
      if (options.report !== undefined) checkReports(config, [options.report]);
      const list = store.listSubscribers({ report: options.report, status: options.status });
      if (options.json) {
        // The salt stays inside: it is what makes Message-IDs unguessable.
        const visible = list.map(({ unsubscribeSalt: _salt, ...subscriber }) => subscriber);
        write(JSON.stringify(visible, null, 2));
        return;
      }
      for (const subscriber of list) write(describeSubscriber(subscriber));
      process.stderr.write(`${list.length} subscriber${list.length === 1 ? '' : 's'}\n`);
    });
  });

  withConfigOption(
    subscribers
      .command('import')
      .description(
        'Add subscribers from a CSV file with the columns email,name,locale,reports (reports separated by ";" or "|"; empty = all). ' +
          'Every row is checked first; when any row is bad nothing is imported.',
      )
      .argument('<csv>', 'CSV file (UTF-8)')
      .option('--skip-invalid', 'import the good rows and report the bad ones instead of importing nothing'),
  ).action(async (file: string, options: CommonOptions & { skipInvalid?: boolean }) => {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new TradebriefError('InputUnreadable', 'user', `cannot read ${file}: ${(error as Error).message}`, { cause: error });
    }
    await withStore(options, (store, config) => {
      let result: ImportResult;
      try {
        result = importSubscribers(store, text, { file, reports: reportIds(config), skipInvalid: options.skipInvalid ?? false, now: new Date() });
      } catch (error) {
        if (error instanceof DataError) process.stderr.write(`${error.message}\n  Fix the rows below, or pass --skip-invalid to import only the good ones.\n`);
        throw error;
      }
      for (const problem of result.problems) process.stderr.write(`${formatProblem(problem)}\n`);
      write(`imported ${result.imported} subscriber${result.imported === 1 ? '' : 's'}${result.skipped > 0 ? `, skipped ${result.skipped} bad row${result.skipped === 1 ? '' : 's'}` : ''}`);
    });
  });

  withConfigOption(
    subscribers
      .command('export')
      .description('Print the active subscribers as CSV in the import format (people who unsubscribed are left out)')
      .option('--report <id>', 'only subscribers of this report'),
  ).action(async (options: CommonOptions & { report?: string }) => {
    await withStore(options, (store, config) => {
      if (options.report !== undefined) checkReports(config, [options.report]);
      process.stdout.write(formatSubscribersCsv(store.listSubscribers({ report: options.report, status: 'active' })));
    });
  });

  withConfigOption(
    subscribers
      .command('unsubscribe')
      .description('Apply an unsubscribe token from a List-Unsubscribe link (--token), or unsubscribe an address as the operator')
      .argument('[email]', 'address to unsubscribe (operator use; not with --token)')
      .option('--token <token>', 'token from an unsubscribe link (needs TRADEBRIEF_UNSUBSCRIBE_SECRET)')
      .option('--report <id>', 'stop only this report (with <email>; a token names its own report)'),
  ).action(async (email: string | undefined, options: CommonOptions & { token?: string; report?: string }) => {
    if ((email === undefined) === (options.token === undefined)) throw new UsageError('give either an email address or --token <token>');
    if (options.token !== undefined && options.report !== undefined) throw new UsageError('--report goes with an email address; a token names its own report');
    const request =
      options.token !== undefined ? requestFromToken(options.token) : { email: email ?? '', ...(options.report === undefined ? {} : { report: options.report }) };
    await withStore(options, (store, config) => {
      if (request.report !== undefined && options.token === undefined) checkReports(config, [request.report]);
      const result = store.unsubscribe(request.email, { report: request.report, now: new Date() });
      const what = request.report === undefined ? 'every report' : request.report;
      if (result === 'unknown' && options.token === undefined) throw new TradebriefError('SubscriberNotFound', 'user', `${JSON.stringify(request.email)} is not a subscriber`);
      write(
        result === 'unsubscribed'
          ? `unsubscribed ${request.email} from ${what}`
          : result === 'already'
            ? `${request.email} was already unsubscribed from ${what}`
            : `${request.email} is not a subscriber (nothing to do)`,
      );
    });
  });
}

/** The request an unsubscribe token carries, checked with the secret from the environment. */
function requestFromToken(token: string): { email: string; report?: string } {
  const secret = process.env.TRADEBRIEF_UNSUBSCRIBE_SECRET;
  if (secret === undefined || secret === '') {
    throw new TradebriefError('UnsubscribeSecretMissing', 'user', 'TRADEBRIEF_UNSUBSCRIBE_SECRET is not set, so unsubscribe tokens cannot be checked', {
      hint: 'Set it to the same secret the emails were sent with.',
    });
  }
  const request = verifyUnsubscribeToken(secret, token);
  if (request === null) {
    throw new TradebriefError('InvalidToken', 'user', 'the unsubscribe token is not valid (altered, cut short, or made with another secret)', {
      hint: 'Copy the whole link from the email; if it still fails, unsubscribe the address as the operator.',
    });
  }
  return request;
}
