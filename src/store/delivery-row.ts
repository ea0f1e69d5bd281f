/**
 * A deliveries row as SQLite returns it, and its conversion to a Delivery.
 */
import { toDate, toDateOrNull } from './sql.js';
import type { Delivery, DeliveryState } from './types.js';

export interface DeliveryRow {
  id: number;
  report: string;
  month: string;
  edition: number;
  subscriber_email: string;
  subscriber_name: string | null;
  state: DeliveryState;
  attempts: number;
  last_response: string | null;
  message_id: string | null;
  retry_after: string | null;
  claimed_by: string | null;
  planned_at: string;
  sending_at: string | null;
  finished_at: string | null;
}

export function deliveryFromRow(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    report: row.report,
    month: row.month,
    edition: row.edition,
    subscriberEmail: row.subscriber_email,
    subscriberName: row.subscriber_name,
    state: row.state,
    attempts: row.attempts,
    lastResponse: row.last_response,
    messageId: row.message_id,
    retryAfter: toDateOrNull(row.retry_after),
    claimedBy: row.claimed_by,
    plannedAt: toDate(row.planned_at),
    sendingAt: toDateOrNull(row.sending_at),
    finishedAt: toDateOrNull(row.finished_at),
  };
}
