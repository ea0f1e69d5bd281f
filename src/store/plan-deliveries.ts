/**
 * Step 1 of a send: one ledger row per subscriber for this (report, month, edition), in one transaction.
 */
import type { Database } from 'better-sqlite3';
import { requireEmail } from './subscribers.js';
import { iso, prepared } from './sql.js';
import type { EditionKey } from './types.js';

/**
 * Inserts a 'planned' row for every subscriber that has none yet (INSERT OR IGNORE on the UNIQUE key), so
 * planning again, from a rerun or a second process, adds only newcomers and never resets a row.
 * @example planDeliveries(db, { report: 'xinjiang-us', month: '2022-08', edition: 1, subscribers: [{ email: 'ana@example.org', name: 'Ana' }], now })
 * // -> { planned: 1, alreadyPlanned: 0 }
 */
export function planDeliveries(
  db: Database,
  plan: EditionKey & { subscribers: readonly { email: string; name?: string | null }[]; now: Date },
): { planned: number; alreadyPlanned: number } {
  const insert = prepared(
    db,
    `INSERT OR IGNORE INTO deliveries (report, month, edition, subscriber_email, subscriber_name, state, planned_at)
     VALUES (?, ?, ?, ?, ?, 'planned', ?)`,
  );
  return db.transaction(() => {
    let planned = 0;
    for (const subscriber of plan.subscribers) {
      planned += insert.run(plan.report, plan.month, plan.edition, requireEmail(subscriber.email), subscriber.name ?? null, iso(plan.now)).changes;
    }
    return { planned, alreadyPlanned: plan.subscribers.length - planned };
  }).immediate();
}
