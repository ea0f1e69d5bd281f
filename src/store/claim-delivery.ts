/**
 * Step 2 of a send, for one row: take it. This is what keeps two processes from mailing the same subscriber.
 */
import type { Database } from 'better-sqlite3';
import { iso, prepared } from './sql.js';

/**
 * Moves the row to 'sending' for `claimant` if, and only if, it is 'planned' or a 'failed_transient' whose
 * retry_after has passed. One conditional UPDATE: SQLite serialises writers, so of any number of processes
 * exactly one sees `changes === 1`. The statement runs in autocommit mode and the connection uses
 * synchronous=FULL, so when this returns true the claim is durable BEFORE any SMTP traffic: a crash from
 * here on leaves a 'sending' row, which recoverAbandoned turns into 'uncertain', never into a second copy.
 * @example if (claimDelivery(db, row.id, { claimant, now })) await send(row)
 */
export function claimDelivery(db: Database, id: number, claim: { claimant: string; now: Date }): boolean {
  if (db.inTransaction) throw new Error('claimDelivery must not run inside a transaction: the claim has to be committed before sending');
  const now = iso(claim.now);
  const { changes } = prepared(
    db,
    `UPDATE deliveries SET state = 'sending', claimed_by = ?, sending_at = ?
     WHERE id = ? AND (state = 'planned' OR (state = 'failed_transient' AND (retry_after IS NULL OR retry_after <= ?)))`,
  ).run(claim.claimant, now, id, now);
  return changes === 1;
}
