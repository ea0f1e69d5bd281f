/**
 * `send --resend failed|uncertain`: put a finished row back in the queue, for exactly one process to send.
 */
import type { Database } from 'better-sqlite3';
import { prepared } from './sql.js';
import type { ReopenableState } from './types.js';

const REOPENABLE: readonly ReopenableState[] = ['uncertain', 'failed_permanent', 'failed_transient'];

/**
 * Moves the row from `fromState` back to 'planned' (clearing its claim and retry_after; attempts are kept) in
 * one conditional UPDATE, so when two processes reopen the same row only one gets true. 'sent' can never be
 * reopened: mailing a month again is a new edition.
 * @example if (reopenDelivery(db, row.id, 'uncertain') && claimDelivery(db, row.id, { claimant, now })) await send(row)
 */
export function reopenDelivery(db: Database, id: number, fromState: ReopenableState): boolean {
  if (!REOPENABLE.includes(fromState)) throw new TypeError(`reopenDelivery: ${JSON.stringify(fromState)} cannot be reopened (only ${REOPENABLE.join(', ')})`);
  const { changes } = prepared(
    db,
    `UPDATE deliveries SET state = 'planned', claimed_by = NULL, retry_after = NULL, sending_at = NULL, finished_at = NULL
     WHERE id = ? AND state = ?`,
  ).run(id, fromState);
  return changes === 1;
}
