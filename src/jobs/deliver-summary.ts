/**
 * What a send run did, counted from the outcome of each ledger row it looked at: the line the operator reads
 * ("sent 5, failed 1 (permanent), uncertain 0, skipped 0"), the counts and outcome stored in the runs table, and
 * the failures worth naming.
 */

/** What happened to one subscriber's row in this run. */
export type RowOutcome =
  | 'sent'
  | 'failed_permanent'
  | 'failed_transient'
  | 'uncertain'
  /** Not ours to send: another process claimed it first, or an earlier run already settled it. */
  | 'skipped'
  /** Still planned: the run stopped (circuit breaker) before reaching it. */
  | 'not_reached';

export interface RowResult {
  email: string;
  outcome: RowOutcome;
  /** The last SMTP reply or error, already free of secrets. */
  response?: string | null;
}

export interface DeliverySummary {
  sent: number;
  failedPermanent: number;
  failedTransient: number;
  uncertain: number;
  skipped: number;
  notReached: number;
  /** True when the circuit breaker stopped the run. */
  stoppedEarly: boolean;
  /** Every row that did not end `sent` or `skipped`, for the report to the operator. */
  problems: RowResult[];
}

/**
 * @example summarizeDelivery([{ email: 'a@x.test', outcome: 'sent' }], { stoppedEarly: false }).sent // 1
 */
export function summarizeDelivery(results: readonly RowResult[], options: { stoppedEarly: boolean }): DeliverySummary {
  const count = (outcome: RowOutcome): number => results.filter((result) => result.outcome === outcome).length;
  return {
    sent: count('sent'),
    failedPermanent: count('failed_permanent'),
    failedTransient: count('failed_transient'),
    uncertain: count('uncertain'),
    skipped: count('skipped'),
    notReached: count('not_reached'),
    stoppedEarly: options.stoppedEarly,
    problems: results.filter((result) => result.outcome !== 'sent' && result.outcome !== 'skipped' && result.outcome !== 'not_reached'),
  };
}

/**
 * The runs table's outcome: ok when everything this run looked at was delivered or had nothing to do, failed
 * when nothing was delivered although something should have been, partial in between.
 * @example runOutcome(summarizeDelivery([{ email: 'a@x.test', outcome: 'failed_permanent' }, { email: 'b@x.test', outcome: 'sent' }], { stoppedEarly: false })) // 'partial'
 */
export function runOutcome(summary: DeliverySummary): 'ok' | 'partial' | 'failed' {
  const unfinished = summary.failedPermanent + summary.failedTransient + summary.uncertain + summary.notReached;
  if (unfinished === 0 && !summary.stoppedEarly) return 'ok';
  return summary.sent === 0 ? 'failed' : 'partial';
}

/** The four counts the runs table keeps. @example runCounts(summary) // { sent: 5, failed: 1, uncertain: 0, skipped: 0 } */
export function runCounts(summary: DeliverySummary): { sent: number; failed: number; uncertain: number; skipped: number } {
  return { sent: summary.sent, failed: summary.failedPermanent + summary.failedTransient, uncertain: summary.uncertain, skipped: summary.skipped };
}

/**
 * One line for the terminal and the runs table's message.
 * @example formatDeliverySummary(summary) // "sent 5, failed 1 (permanent), uncertain 0, skipped 0"
 */
export function formatDeliverySummary(summary: DeliverySummary): string {
  const failed = summary.failedPermanent + summary.failedTransient;
  const kinds = [
    summary.failedPermanent > 0 ? 'permanent' : '',
    summary.failedTransient > 0 ? 'transient' : '',
  ].filter(Boolean);
  const failedDetail =
    kinds.length === 2 ? ` (${summary.failedPermanent} permanent, ${summary.failedTransient} transient)` : kinds.length === 1 ? ` (${kinds[0]})` : '';
  const parts = [`sent ${summary.sent}`, `failed ${failed}${failedDetail}`, `uncertain ${summary.uncertain}`, `skipped ${summary.skipped}`];
  if (summary.notReached > 0 || summary.stoppedEarly) parts.push(`not reached ${summary.notReached} (left planned)`);
  return parts.join(', ');
}
