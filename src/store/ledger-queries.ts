/**
 * Read-only questions about the delivery ledger.
 */
import type { Database } from 'better-sqlite3';
import { deliveryFromRow, type DeliveryRow } from './delivery-row.js';
import { iso, prepared } from './sql.js';
import { DELIVERY_STATES, type Delivery, type EditionKey, type LedgerSummary } from './types.js';

/** One ledger row by id, or null. */
export function getDelivery(db: Database, id: number): Delivery | null {
  const row = prepared(db, 'SELECT * FROM deliveries WHERE id = ?').get(id) as DeliveryRow | undefined;
  return row === undefined ? null : deliveryFromRow(row);
}

/**
 * Every row of one edition, in planning order.
 * @example deliveriesFor(db, { report: 'xinjiang-us', month: '2022-08', edition: 1 }).map((d) => d.state)
 */
export function deliveriesFor(db: Database, key: EditionKey): Delivery[] {
  const rows = prepared(db, 'SELECT * FROM deliveries WHERE report = ? AND month = ? AND edition = ? ORDER BY id').all(
    key.report,
    key.month,
    key.edition,
  ) as DeliveryRow[];
  return rows.map(deliveryFromRow);
}

/**
 * The rows a send should try now: 'planned', and 'failed_transient' whose retry_after has passed. With
 * resend 'uncertain' also the 'uncertain' rows; with resend 'failed' every failed row, due or not. Rows
 * that claimDelivery would refuse (uncertain, failed_permanent, failed_transient not yet due) must go through
 * reopenDelivery(id, row.state) first.
 * @example pendingDeliveries(db, { report: 'xinjiang-us', month: '2022-08', edition: 1, now, resend: 'uncertain' })
 */
export function pendingDeliveries(db: Database, query: EditionKey & { now: Date; resend?: 'failed' | 'uncertain' }): Delivery[] {
  const rows = prepared(
    db,
    `SELECT * FROM deliveries
     WHERE report = @report AND month = @month AND edition = @edition
       AND (state = 'planned'
            OR (state = 'failed_transient' AND (retry_after IS NULL OR retry_after <= @now))
            OR (@resend = 'uncertain' AND state = 'uncertain')
            OR (@resend = 'failed' AND state IN ('failed_permanent', 'failed_transient')))
     ORDER BY id`,
  ).all({ report: query.report, month: query.month, edition: query.edition, now: iso(query.now), resend: query.resend ?? null }) as DeliveryRow[];
  return rows.map(deliveryFromRow);
}

/**
 * Editions of a month that reached at least one subscriber, ascending.
 * @example editionsSent(db, 'xinjiang-us', '2022-08') // [1]
 */
export function editionsSent(db: Database, report: string, month: string): number[] {
  const rows = prepared(db, `SELECT DISTINCT edition FROM deliveries WHERE report = ? AND month = ? AND state = 'sent' ORDER BY edition`).all(
    report,
    month,
  ) as { edition: number }[];
  return rows.map((row) => row.edition);
}

/**
 * Addresses that were sent this edition, sorted.
 * @example recipientsOf(db, 'xinjiang-us', '2022-08', 1) // ["ana@example.org", …]
 */
export function recipientsOf(db: Database, report: string, month: string, edition: number): string[] {
  const rows = prepared(
    db,
    `SELECT subscriber_email FROM deliveries WHERE report = ? AND month = ? AND edition = ? AND state = 'sent' ORDER BY subscriber_email`,
  ).all(report, month, edition) as { subscriber_email: string }[];
  return rows.map((row) => row.subscriber_email);
}

/**
 * How many rows of the edition are in each state (every state present, zeros included).
 * @example ledgerSummary(db, 'xinjiang-us', '2022-08', 1) // { planned: 0, sending: 0, sent: 9, failed_permanent: 1, … }
 */
export function ledgerSummary(db: Database, report: string, month: string, edition: number): LedgerSummary {
  const summary = Object.fromEntries(DELIVERY_STATES.map((state) => [state, 0])) as LedgerSummary;
  const rows = prepared(db, 'SELECT state, count(*) AS count FROM deliveries WHERE report = ? AND month = ? AND edition = ? GROUP BY state').all(
    report,
    month,
    edition,
  ) as { state: keyof LedgerSummary; count: number }[];
  for (const row of rows) summary[row.state] = row.count;
  return summary;
}
