/**
 * Which months of a report a scheduled `run` treats as delivered, so that it neither mails a month twice nor
 * forgets one a crash or an SMTP outage left half-sent.
 *
 * The rule: month M is delivered when some edition of it has a `send` run that FINISHED with outcome ok or
 * partial, and none of that edition's ledger rows is still pending (planned, sending, or failed_transient, which a
 * later send retries). Why both halves:
 *   - the finished run covers a report with no subscribers yet (no ledger rows at all, still done);
 *   - a crash leaves the run unfinished, and a run stopped by the circuit breaker is 'partial' with rows still
 *     planned: either way the month stays due and the next `run` sends only the rest (the ledger guarantees it).
 * Settled failures (failed_permanent, uncertain) do not hold a month back: they need an operator, not a rerun.
 */
import type { DeliveryState, Run } from '../store/index.js';

/** Ledger states a later send will still act on by itself. */
export const PENDING_STATES: readonly DeliveryState[] = ['planned', 'sending', 'failed_transient'];

/**
 * @example deliveredMonths(
 *   [{ kind: 'send', month: '2022-08', edition: 1, outcome: 'ok', finishedAt: new Date() }],
 *   () => false) // ['2022-08']
 * @param hasPending whether the edition still has ledger rows in a PENDING_STATES state
 */
export function deliveredMonths(
  runs: readonly Pick<Run, 'kind' | 'month' | 'edition' | 'outcome' | 'finishedAt'>[],
  hasPending: (month: string, edition: number) => boolean,
): string[] {
  const delivered = new Set<string>();
  for (const run of runs) {
    if (run.kind !== 'send' || run.finishedAt === null || run.edition === null) continue;
    if (run.outcome !== 'ok' && run.outcome !== 'partial') continue;
    if (!hasPending(run.month, run.edition)) delivered.add(run.month);
  }
  return [...delivered].sort();
}
