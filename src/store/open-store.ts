/**
 * The store: one SQLite file holding subscribers, runs and the delivery ledger (DESIGN.md "Delivery
 * semantics"). openStore creates and migrates the file; the Store it returns binds the table functions of
 * this folder to one connection, so jobs receive it as an effect (`{ store }`) and tests can open two on the
 * same file to play two processes.
 *
 * Connection settings, and why:
 *   journal_mode=WAL     readers never block the sender's writes, and a crash never corrupts the file
 *   synchronous=FULL     a committed claim ('sending') is on disk before the SMTP transaction starts
 *   busy_timeout=5000    concurrent senders wait for the write lock instead of failing with SQLITE_BUSY
 *   foreign_keys=ON      removing a subscriber removes their report list
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { TradebriefError } from '../errors.js';
import { claimDelivery } from './claim-delivery.js';
import { deliveriesFor, editionsSent, getDelivery, ledgerSummary, pendingDeliveries, recipientsOf } from './ledger-queries.js';
import { migrate } from './migrate.js';
import { planDeliveries } from './plan-deliveries.js';
import { markFailed, markSent } from './record-outcome.js';
import { recoverAbandoned } from './recover-abandoned.js';
import { reopenDelivery } from './reopen-delivery.js';
import { finishRun, listRuns, startRun } from './runs.js';
import { addSubscriber, getSubscriber, listSubscribers, removeSubscriber, subscribersFor, unsubscribe } from './subscribers.js';

type WithoutDb<F> = F extends (db: Database.Database, ...args: infer A) => infer R ? (...args: A) => R : never;

export interface Store {
  /** The database file (absolute), or ":memory:". */
  readonly file: string;

  addSubscriber: WithoutDb<typeof addSubscriber>;
  removeSubscriber: WithoutDb<typeof removeSubscriber>;
  getSubscriber: WithoutDb<typeof getSubscriber>;
  listSubscribers: WithoutDb<typeof listSubscribers>;
  subscribersFor: WithoutDb<typeof subscribersFor>;
  unsubscribe: WithoutDb<typeof unsubscribe>;

  startRun: WithoutDb<typeof startRun>;
  finishRun: WithoutDb<typeof finishRun>;
  listRuns: WithoutDb<typeof listRuns>;

  planDeliveries: WithoutDb<typeof planDeliveries>;
  claimDelivery: WithoutDb<typeof claimDelivery>;
  markSent: WithoutDb<typeof markSent>;
  markFailed: WithoutDb<typeof markFailed>;
  reopenDelivery: WithoutDb<typeof reopenDelivery>;
  recoverAbandoned: WithoutDb<typeof recoverAbandoned>;
  getDelivery: WithoutDb<typeof getDelivery>;
  deliveriesFor: WithoutDb<typeof deliveriesFor>;
  pendingDeliveries: WithoutDb<typeof pendingDeliveries>;
  editionsSent: WithoutDb<typeof editionsSent>;
  recipientsOf: WithoutDb<typeof recipientsOf>;
  ledgerSummary: WithoutDb<typeof ledgerSummary>;

  /**
   * Runs `work` in one IMMEDIATE transaction (all or nothing; nested calls become savepoints).
   * Never wrap claimDelivery in it: a claim must be committed before the mail goes out.
   */
  transaction<T>(work: () => T): T;
  /** The schema version of the file. */
  schemaVersion(): number;
  close(): void;
}

/**
 * Opens (creating the folder, the file and the schema when needed) the store at `file`.
 * @example const store = openStore(resolveDbPath(config, process.env.TRADEBRIEF_DB)); try { … } finally { store.close() }
 * @throws TradebriefError StoreTooNew for a file from a newer tradebrief, StoreUnavailable when it cannot be opened
 */
export function openStore(file: string): Store {
  const memory = file === ':memory:';
  const absolute = memory ? file : path.resolve(file);
  let db: Database.Database;
  try {
    if (!memory) mkdirSync(path.dirname(absolute), { recursive: true });
    db = new Database(absolute);
  } catch (error) {
    throw new TradebriefError('StoreUnavailable', 'user', `cannot open the database ${absolute}: ${(error as Error).message}`, {
      hint: 'Check delivery.dbPath in the config (or TRADEBRIEF_DB) and the permissions of its folder.',
      cause: error,
    });
  }
  try {
    db.pragma('busy_timeout = 5000');
    setJournalModeWal(db);
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, absolute);
  } catch (error) {
    db.close();
    throw error;
  }

  const bind =
    <A extends unknown[], R>(fn: (db: Database.Database, ...args: A) => R) =>
    (...args: A): R =>
      fn(db, ...args);
  return {
    file: absolute,
    addSubscriber: bind(addSubscriber),
    removeSubscriber: bind(removeSubscriber),
    getSubscriber: bind(getSubscriber),
    listSubscribers: bind(listSubscribers),
    subscribersFor: bind(subscribersFor),
    unsubscribe: bind(unsubscribe),
    startRun: bind(startRun),
    finishRun: bind(finishRun),
    listRuns: bind(listRuns),
    planDeliveries: bind(planDeliveries),
    claimDelivery: bind(claimDelivery),
    markSent: bind(markSent),
    markFailed: bind(markFailed),
    reopenDelivery: bind(reopenDelivery),
    recoverAbandoned: bind(recoverAbandoned),
    getDelivery: bind(getDelivery),
    deliveriesFor: bind(deliveriesFor),
    pendingDeliveries: bind(pendingDeliveries),
    editionsSent: bind(editionsSent),
    recipientsOf: bind(recipientsOf),
    ledgerSummary: bind(ledgerSummary),
    transaction: (work) => db.transaction(work).immediate(),
    schemaVersion: () => Number(db.pragma('user_version', { simple: true })),
    close: () => db.close(),
  };
}

/**
 * Switching a fresh file to WAL needs a moment of exclusive access and does not go through the busy handler,
 * so two processes creating the same file at once can see SQLITE_BUSY here; it is persistent, so retrying
 * briefly is enough.
 */
function setJournalModeWal(db: Database.Database): void {
  for (let attempt = 1; ; attempt += 1) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if (!String((error as { code?: string }).code).startsWith('SQLITE_BUSY') || attempt >= 50) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20 * attempt);
    }
  }
}
