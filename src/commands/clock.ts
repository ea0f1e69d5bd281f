/**
 * The clock a command hands its job (`--now`). Commands are the only place that reads the real clock.
 */
import { UsageError } from '../errors.js';

/**
 * The job's clock. With --now the run starts at that time and the clock moves on from there, so backoff waits
 * still pass (a frozen clock would never reach a retry_after).
 * @example const clock = startClock('2022-10-21T09:00:00+08:00'); clock().toISOString() // "2022-10-21T01:00:00.000Z" (and ticking)
 * @throws UsageError for a --now that is not a date
 */
export function startClock(now: string | undefined): () => Date {
  if (now === undefined) return () => new Date();
  const offset = nowOption(now).getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}

/**
 * The instant a command treats as "now": --now when given, else the real clock (for jobs that take one Date).
 * @example nowOption('2026-02-10') // 2026-02-10T00:00:00.000Z
 * @throws UsageError for a --now that is not a date
 */
export function nowOption(now: string | undefined): Date {
  if (now === undefined) return new Date();
  const instant = new Date(now);
  if (Number.isNaN(instant.getTime())) throw new UsageError(`--now ${JSON.stringify(now)} is not an ISO date such as 2026-02-10 or 2026-02-10T08:00:00Z`);
  return instant;
}
