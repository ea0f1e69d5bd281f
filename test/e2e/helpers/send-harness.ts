/**
 * What every `tradebrief send` acceptance test needs: the month generated once per test file (real data, real
 * Chromium), a config with fast retries, and per test a fresh SQLite ledger and a fresh loopback SMTP sink, plus
 * the CLI run as a user runs it. `useSendHarness()` registers the hooks and returns the helpers.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { StatsJson } from '../../../src/stats/types.js';
import { openStore, type Delivery, type Run } from '../../../src/store/index.js';
import { listProcesses } from '../../pdf/helpers/processes.js';
import { sha256Hex, startSmtpSink, type SmtpSink } from './smtp-sink.js';

const root = path.resolve(import.meta.dirname, '../../..');
export const REPORT = 'xinjiang-us';
export const MONTH = '2022-08';
export const SUBSCRIBERS = ['ana@example.org', 'bo@example.org', 'cy@example.org', 'di@example.org', 'ed@example.org'];
export const N = SUBSCRIBERS.length;
/** Each subscriber exactly once: what the server must hold after a complete delivery. */
export const oncePerSubscriber: Record<string, number> = Object.fromEntries(SUBSCRIBERS.map((email) => [email, 1]));

export interface CliResult {
  pid: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as a user would, with only the environment given here (no SMTP_URL leaking in from outside). */
export function tradebrief(
  args: string[],
  env: Record<string, string | undefined> = {},
  onSpawn?: (pid: number) => void,
): Promise<CliResult> {
  const { SMTP_URL: _smtp, TRADEBRIEF_DB: _db, TRADEBRIEF_UNSUBSCRIBE_SECRET: _secret, ...base } = process.env;
  // An undefined value means "not set" (spawn would pass the string "undefined").
  const childEnv = Object.fromEntries(Object.entries({ ...base, ...env }).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: root, env: childEnv });
  if (child.pid !== undefined) onSpawn?.(child.pid);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ pid: child.pid ?? 0, code, signal, stdout, stderr }));
  });
}

/** The shipped config with absolute data paths (it moves to a temp folder) and fast retries for tests. */
function writeTestConfig(folder: string): string {
  const shipped = JSON.parse(readFileSync(path.join(root, 'tradebrief.config.json'), 'utf8')) as {
    reports: { data: { path: string }[]; national?: { data: { path: string }[] } }[];
    delivery?: Record<string, unknown>;
  };
  for (const report of shipped.reports) {
    for (const source of [...report.data, ...(report.national?.data ?? [])]) source.path = path.resolve(root, source.path);
  }
  const config = {
    ...shipped,
    outDir: folder,
    delivery: {
      ...shipped.delivery,
      rateLimit: { messages: 1000, perSeconds: 1 },
      retry: { maxAttempts: 3, backoffMs: 50, giveUpAfterHours: 96 },
      maxConsecutiveTransientFailures: 5,
    },
  };
  const file = path.join(folder, 'tradebrief.test.json');
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

/** Live Chromium processes a tradebrief process started (the pool names each profile folder after its pid). */
export function browsersOf(pid: number): number[] {
  return listProcesses()
    .filter((entry) => entry.state !== 'Z')
    .filter((entry) => {
      try {
        return readFileSync(`/proc/${entry.pid}/cmdline`, 'utf8').includes(`tradebrief-chromium-${pid}-`);
      } catch {
        return false; // exited while we looked
      }
    })
    .map((entry) => entry.pid);
}

export interface SendHarness {
  /** The output root holding out/xinjiang-us/2022-08/. */
  readonly out: string;
  /** out/xinjiang-us/2022-08/edition-1/, the edition every test sends. */
  readonly monthDir: string;
  readonly stats: StatsJson;
  readonly pdfSha256: string;
  readonly configFile: string;
  /** This test's SMTP server; `replaceSink` swaps it (e.g. for one with AUTH). */
  readonly sink: SmtpSink;
  /** This test's ledger file. */
  readonly db: string;
  replaceSink(options: Parameters<typeof startSmtpSink>[0]): Promise<SmtpSink>;
  /** Adds subscribers of the report (default: the five SUBSCRIBERS). */
  seed(subscribers?: readonly { email: string; name?: string | null }[]): void;
  ledger(): { deliveries: Delivery[]; runs: Run[] };
  stateOf(email: string): string | undefined;
  /** `tradebrief send --report … --month … --out … --config …` against this test's sink and ledger. */
  send(extra?: string[], env?: Record<string, string | undefined>, onSpawn?: (pid: number) => void): Promise<CliResult>;
  /** How many messages the server holds for each address that got any. */
  receivedCounts(): Record<string, number>;
}

export function useSendHarness(): SendHarness {
  let out = '';
  let stats: StatsJson | undefined;
  let pdfSha256 = '';
  let configFile = '';
  let sink: SmtpSink | undefined;
  let db = '';

  beforeAll(async () => {
    out = mkdtempSync(path.join(tmpdir(), 'tradebrief-send-e2e-'));
    const generated = await tradebrief(['generate', '--report', REPORT, '--month', MONTH, '--out', out, '--now', '2022-09-21T09:00:00+08:00']);
    expect(generated.stderr).not.toMatch(/internal error/);
    expect(generated.code).toBe(0);
    const monthDir = path.join(out, REPORT, MONTH, 'edition-1');
    stats = JSON.parse(readFileSync(path.join(monthDir, 'stats.json'), 'utf8')) as StatsJson;
    pdfSha256 = sha256Hex(readFileSync(path.join(monthDir, 'report.pdf')));
    configFile = writeTestConfig(out);
  }, 240_000);

  beforeEach(async () => {
    sink = await startSmtpSink();
    db = path.join(mkdtempSync(path.join(tmpdir(), 'tradebrief-send-db-')), 'tradebrief.db');
  });

  afterEach(async () => {
    await sink?.close();
  });

  const withStore = <T>(work: (store: ReturnType<typeof openStore>) => T): T => {
    const store = openStore(db);
    try {
      return work(store);
    } finally {
      store.close();
    }
  };
  const currentSink = (): SmtpSink => {
    if (sink === undefined) throw new Error('no SMTP sink: use the harness inside a test');
    return sink;
  };

  const harness: SendHarness = {
    get out() {
      return out;
    },
    get monthDir() {
      return path.join(out, REPORT, MONTH, 'edition-1');
    },
    get stats() {
      if (stats === undefined) throw new Error('the month was not generated');
      return stats;
    },
    get pdfSha256() {
      return pdfSha256;
    },
    get configFile() {
      return configFile;
    },
    get sink() {
      return currentSink();
    },
    get db() {
      return db;
    },
    async replaceSink(options) {
      await sink?.close();
      sink = await startSmtpSink(options);
      return sink;
    },
    seed(subscribers = SUBSCRIBERS.map((email) => ({ email }))) {
      withStore((store) => {
        for (const subscriber of subscribers) {
          store.addSubscriber({ email: subscriber.email, name: subscriber.name ?? null, reports: [REPORT] }, new Date('2022-09-01T00:00:00Z'));
        }
      });
    },
    ledger: () => withStore((store) => ({ deliveries: store.deliveriesFor({ report: REPORT, month: MONTH, edition: 1 }), runs: store.listRuns({ report: REPORT }) })),
    stateOf: (email) => harness.ledger().deliveries.find((row) => row.subscriberEmail === email)?.state,
    send: (extra = [], env = {}, onSpawn = undefined) =>
      tradebrief(
        ['send', '--report', REPORT, '--month', MONTH, '--out', out, '--config', configFile, ...extra],
        { SMTP_URL: currentSink().url, TRADEBRIEF_DB: db, ...env },
        onSpawn,
      ),
    receivedCounts() {
      const counts: Record<string, number> = {};
      for (const message of currentSink().messages) for (const to of message.to) counts[to] = (counts[to] ?? 0) + 1;
      return counts;
    },
  };
  return harness;
}
