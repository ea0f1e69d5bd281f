/**
 * Resume after a crash: rows a dead process left in 'sending'.
 */
import type { Database } from 'better-sqlite3';
import { deliveryFromRow, type DeliveryRow } from './delivery-row.js';
import { iso, prepared } from './sql.js';
import type { Delivery, EditionKey } from './types.js';

/**
 * Every 'sending' row of the edition whose claimant is no longer alive becomes 'uncertain'. The process may
 * have died after the server's 250 and before markSent, so sending again could mail a second copy; the
 * operator decides with --resend uncertain. Rows of live claimants (another process sending right now) are
 * left alone. Returns the rows it changed.
 * @example recoverAbandoned(db, { report: 'xinjiang-us', month: '2022-08', edition: 1, isAlive: isClaimantAlive, now })
 */
export function recoverAbandoned(
  db: Database,
  options: EditionKey & { isAlive: (claimant: string) => boolean; now: Date },
): Delivery[] {
  const stuck = prepared(db, `SELECT * FROM deliveries WHERE report = ? AND month = ? AND edition = ? AND state = 'sending' ORDER BY id`).all(
    options.report,
    options.month,
    options.edition,
  ) as DeliveryRow[];
  const recover = prepared(
    db,
    `UPDATE deliveries SET state = 'uncertain', attempts = attempts + 1, last_response = ?, finished_at = ?
     WHERE id = ? AND state = 'sending' AND claimed_by IS ?`,
  );
  const recovered: Delivery[] = [];
  for (const row of stuck) {
    if (row.claimed_by !== null && options.isAlive(row.claimed_by)) continue;
    const response = `abandoned: the sending process (${row.claimed_by ?? 'unknown'}) died during the SMTP transaction started ${row.sending_at ?? '?'}`;
    // Conditional on the same claimant: if the row moved on meanwhile, it is not ours to touch.
    if (recover.run(response, iso(options.now), row.id, row.claimed_by).changes === 1) {
      recovered.push(deliveryFromRow({ ...row, state: 'uncertain', attempts: row.attempts + 1, last_response: response, finished_at: iso(options.now) }));
    }
  }
  return recovered;
}
