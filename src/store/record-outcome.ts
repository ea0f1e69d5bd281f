/**
 * Step 3 of a send, for one row: record what the SMTP server said. Only a row in 'sending' can take an outcome
 * (and only from its claimant, when the caller names it); anything else means two writers disagree about a
 * row, which is a bug to stop on, not to paper over.
 */
import type { Database } from 'better-sqlite3';
import { TradebriefError } from '../errors.js';
import { redactSecrets } from './redact-secrets.js';
import { iso, prepared } from './sql.js';
import type { DeliveryState, FailedState } from './types.js';

const FAILED_STATES: readonly FailedState[] = ['failed_permanent', 'failed_transient', 'uncertain'];

/**
 * After the server's 250 for the message: 'sent'. Each recorded outcome counts one attempt.
 *
 * Committed with synchronous=NORMAL (the connection's FULL is restored right after): the one fsync a message
 * costs is the claim's, which must be on disk before SMTP starts. This row needs none of its own: the next
 * claim's or the run's final commit flushes the WAL with it, and if a power cut loses it first the row is
 * still 'sending', which recovery turns into 'uncertain', never into a second copy. Half the fsyncs of a send.
 * @example markSent(db, row.id, { messageId: '<xinjiang-us-2022-08-e1-3f2a@tradebrief.example>', response: '250 2.0.0 OK', now })
 * @throws TradebriefError LedgerConflict when the row is not 'sending' (or is held by another claimant)
 */
export function markSent(db: Database, id: number, outcome: { messageId: string; response: string; now: Date; claimant?: string }): void {
  const statement = prepared(
    db,
    `UPDATE deliveries SET state = 'sent', attempts = attempts + 1, message_id = ?, last_response = ?, retry_after = NULL, finished_at = ?
     WHERE id = ? AND state = 'sending' AND (? IS NULL OR claimed_by = ?)`,
  );
  const run = () => statement.run(outcome.messageId, redactSecrets(outcome.response), iso(outcome.now), id, outcome.claimant ?? null, outcome.claimant ?? null);
  // Inside a caller's transaction the commit is the caller's, and so is its durability.
  const { changes } = db.inTransaction ? run() : withoutOwnFsync(db, run);
  if (changes !== 1) throw conflict(db, id, 'sent', outcome.claimant);
}

/**
 * A failed or unknown outcome: 'failed_permanent' (5xx, never retried), 'failed_transient' (4xx or a
 * connection error before the message body; claimable again once `retryAfter` has passed, at once when it is
 * not given) or 'uncertain' (the connection died after the body: the server may have it).
 * @example markFailed(db, row.id, { state: 'failed_transient', response: '451 4.3.0 try later', retryAfter: new Date(now.getTime() + 2000), now })
 * @throws TradebriefError LedgerConflict when the row is not 'sending' (or is held by another claimant)
 */
export function markFailed(
  db: Database,
  id: number,
  outcome: { state: FailedState; response: string; retryAfter?: Date | null; now: Date; claimant?: string },
): void {
  if (!FAILED_STATES.includes(outcome.state)) throw new TypeError(`markFailed: ${JSON.stringify(outcome.state)} is not one of ${FAILED_STATES.join(', ')}`);
  const retryAfter = outcome.state === 'failed_transient' && outcome.retryAfter ? iso(outcome.retryAfter) : null;
  const { changes } = prepared(
    db,
    `UPDATE deliveries SET state = ?, attempts = attempts + 1, last_response = ?, retry_after = ?, finished_at = ?
     WHERE id = ? AND state = 'sending' AND (? IS NULL OR claimed_by = ?)`,
  ).run(outcome.state, redactSecrets(outcome.response), retryAfter, iso(outcome.now), id, outcome.claimant ?? null, outcome.claimant ?? null);
  if (changes !== 1) throw conflict(db, id, outcome.state, outcome.claimant);
}

function withoutOwnFsync<T>(db: Database, work: () => T): T {
  const level = db.pragma('synchronous', { simple: true });
  db.pragma('synchronous = NORMAL');
  try {
    return work();
  } finally {
    db.pragma(`synchronous = ${Number(level)}`);
  }
}

function conflict(db: Database, id: number, target: DeliveryState, claimant: string | undefined): TradebriefError {
  const row = prepared(db, 'SELECT state, claimed_by FROM deliveries WHERE id = ?').get(id) as { state: DeliveryState; claimed_by: string | null } | undefined;
  const found =
    row === undefined
      ? 'there is no such delivery'
      : row.state !== 'sending'
        ? `it is ${row.state}, not sending`
        : `it is held by ${row.claimed_by ?? 'nobody'}, not ${claimant ?? 'us'}`;
  return new TradebriefError('LedgerConflict', 'permanent', `cannot mark delivery ${id} as ${target}: ${found}`, {
    hint: 'Two senders disagree about this row; check `tradebrief runs` and the deliveries table before sending again.',
  });
}
