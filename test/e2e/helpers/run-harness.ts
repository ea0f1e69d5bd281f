/**
 * What the `tradebrief run` acceptance tests share: a config made from the shipped one (absolute data paths, the
 * xinjiang-us report only, fast retries, an operator address), a fresh output folder and ledger per test, and
 * small ways to put the ledger in a given state the way a real send would have left it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore, type Store } from '../../../src/store/index.js';
import type { SmtpSink } from './smtp-sink.js';
import { tradebrief, type CliResult } from './send-harness.js';

const root = path.resolve(import.meta.dirname, '../../..');
export const REPORT = 'xinjiang-us';
export const OPERATOR = 'ops@example.org';

export interface RunSetup {
  folder: string;
  out: string;
  db: string;
  configFile: string;
  /** `tradebrief run --config … --out …` with this setup's ledger and, when given, the sink as SMTP_URL. */
  run(args: string[], sink?: SmtpSink, env?: Record<string, string | undefined>): Promise<CliResult>;
  withStore<T>(work: (store: Store) => T): T;
}

/** A fresh folder with its config (schedule settings merged over the defaults), output root and ledger. */
export function runSetup(schedule: Record<string, unknown> = {}, delivery: Record<string, unknown> = {}): RunSetup {
  const folder = mkdtempSync(path.join(tmpdir(), 'tradebrief-run-e2e-'));
  const shipped = JSON.parse(readFileSync(path.join(root, 'tradebrief.config.json'), 'utf8')) as {
    reports: { id: string; data: { path: string }[]; national?: { data: { path: string }[] } }[];
    delivery: Record<string, unknown>;
  };
  const reports = shipped.reports.filter((report) => report.id === REPORT);
  for (const report of reports) {
    for (const source of [...report.data, ...(report.national?.data ?? [])]) source.path = path.resolve(root, source.path);
  }
  const out = path.join(folder, 'out');
  const config = {
    ...shipped,
    reports,
    outDir: out,
    schedule,
    delivery: {
      ...shipped.delivery,
      operator: OPERATOR,
      rateLimit: { messages: 1000, perSeconds: 1 },
      retry: { maxAttempts: 2, backoffMs: 20, giveUpAfterHours: 96 },
      maxConsecutiveTransientFailures: 2,
      ...delivery,
    },
  };
  const configFile = path.join(folder, 'tradebrief.test.json');
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  const db = path.join(folder, 'tradebrief.db');
  const withStore = <T>(work: (store: Store) => T): T => {
    const store = openStore(db);
    try {
      return work(store);
    } finally {
      store.close();
    }
  };
  return {
    folder,
    out,
    db,
    configFile,
    run: (args, sink, env = {}) => tradebrief(['run', '--config', configFile, '--out', out, ...args], { TRADEBRIEF_DB: db, SMTP_URL: sink?.url, ...env }),
    withStore,
  };
}

/** Subscribers of the report. */
export function seedSubscribers(setup: RunSetup, emails: readonly string[]): void {
  setup.withStore((store) => {
    for (const email of emails) store.addSubscriber({ email, reports: [REPORT] }, new Date('2022-01-01T00:00:00Z'));
  });
}

/** The ledger as a finished, complete send of `month` leaves it (what "delivered through M" means). */
export function markDelivered(setup: RunSetup, month: string): void {
  setup.withStore((store) => {
    const runId = store.startRun({ kind: 'send', report: REPORT, month, edition: 1, startedAt: new Date('2022-07-21T01:00:00Z') });
    store.finishRun(runId, { finishedAt: new Date('2022-07-21T01:01:00Z'), outcome: 'ok', counts: { sent: 0, failed: 0, uncertain: 0, skipped: 0 } });
  });
}

/** "2022-08" from a report Message-ID <xinjiang-us-2022-08-e1-…@…>, for checking which month a message was. */
export function monthOfMessage(messageId: string | undefined): string | undefined {
  return /-(\d{4}-\d{2})-e\d+-/.exec(messageId ?? '')?.[1];
}
