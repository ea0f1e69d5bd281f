/**
 * Who an edition of a month is for (DESIGN.md "Regenerating a month that was already sent makes a new edition"),
 * one rule for `send`, `send --dry-run`, `regenerate --send` and `run`:
 *
 *   - edition 1, or any edition of a month nobody has received yet: every active subscriber of the report;
 *   - a corrected edition of a month whose earlier mailing FINISHED: only those who received (state 'sent') an
 *     earlier edition and are still active subscribers of the report. Someone who subscribed since gets the next
 *     month, not a correction of a report they never had; someone who unsubscribed gets nothing;
 *   - a corrected edition of a month whose earlier mailing did not finish (an SMTP outage left rows to retry when
 *     the month was regenerated): every active subscriber, so the new edition completes the month's mailing
 *     instead of leaving those still waiting with nothing (`run` only ever mails the latest edition).
 */
import type { Run, Subscriber } from '../store/index.js';
import { deliveredMonths, PENDING_STATES } from './run-delivered-months.js';

/**
 * @param subscribers the active subscribers of the report (store.subscribersFor)
 * @param earlierRecipients addresses that were sent an edition of this month before `edition`
 * @example editionAudience(2, [ana, bo, cy], ['ana@example.org', 'bo@example.org']) // [ana, bo]
 * @example editionAudience(2, [ana, bo, cy], []) // [ana, bo, cy]: nobody had the month yet
 * @example editionAudience(2, [ana, bo, cy], ['ana@example.org'], false) // [ana, bo, cy]: edition 1 never reached bo and cy
 * @param earlierFinished whether the mailing of an earlier edition finished (see earlierMailingFinished)
 */
export function editionAudience<T extends Pick<Subscriber, 'email'>>(
  edition: number,
  subscribers: readonly T[],
  earlierRecipients: readonly string[],
  earlierFinished = true,
): T[] {
  if (edition === 1 || earlierRecipients.length === 0 || !earlierFinished) return [...subscribers];
  const received = new Set(earlierRecipients.map((email) => email.toLowerCase()));
  return subscribers.filter((subscriber) => received.has(subscriber.email.toLowerCase()));
}

/**
 * The addresses that were sent an edition of the month before `edition`, from the ledger.
 * @example earlierRecipients(store, { report: 'xinjiang-us', month: '2022-08', edition: 2 }) // ['ana@example.org', …]
 */
export function earlierRecipients(
  store: { editionsSent(report: string, month: string): number[]; recipientsOf(report: string, month: string, edition: number): string[] },
  key: { report: string; month: string; edition: number },
): string[] {
  const emails = new Set<string>();
  for (const edition of store.editionsSent(key.report, key.month)) {
    if (edition < key.edition) for (const email of store.recipientsOf(key.report, key.month, edition)) emails.add(email);
  }
  return [...emails].sort();
}

/**
 * Whether the mailing of some edition before `key.edition` finished: a `send` of it ended ok or partial and none of
 * its rows is still pending (the rule `run` uses for a delivered month, run-delivered-months.ts).
 * @example earlierMailingFinished(store, { report: 'xinjiang-us', month: '2022-08', edition: 2 }) // true
 */
export function earlierMailingFinished(
  store: {
    listRuns(query: { report: string }): Run[];
    ledgerSummary(report: string, month: string, edition: number): Record<(typeof PENDING_STATES)[number], number>;
  },
  key: { report: string; month: string; edition: number },
): boolean {
  const earlier = store.listRuns({ report: key.report }).filter((run) => run.month === key.month && run.edition !== null && run.edition < key.edition);
  return (
    deliveredMonths(earlier, (month, edition) => {
      const summary = store.ledgerSummary(key.report, month, edition);
      return PENDING_STATES.some((state) => summary[state] > 0);
    }).length > 0
  );
}
