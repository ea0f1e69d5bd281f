/**
 * When to try a transient SMTP failure again (RELIABILITY.md B1): inside this run with exponential backoff up to
 * `maxAttempts`, or later, in another run, by leaving the ledger row `failed_transient` with a `retry_after`.
 *
 * A server that says how long to wait ("451 4.7.1 Greylisted, try again in 300 seconds") is believed, as Postal
 * does: we never come back sooner than it asked. A hint longer than `maxWaitMs` is not slept through inside a run
 * (that would hold every other subscriber up); the row is handed to a later run instead.
 */

export interface RetryPolicy {
  /** SMTP attempts per subscriber within one run (config delivery.retry.maxAttempts). */
  maxAttempts: number;
  /** Wait before the 2nd attempt; each later wait doubles (config delivery.retry.backoffMs). */
  backoffMs: number;
  /** The longest wait slept through inside a run; longer hints go to a later run. Default 5 minutes. */
  maxWaitMs?: number;
}

export type RetryDecision =
  /** Sleep `waitMs`, then attempt again in this run. */
  | { retry: 'now'; waitMs: number }
  /** Stop for this run; the row may be claimed again from `retryAfterMs` after now. */
  | { retry: 'later'; retryAfterMs: number };

const DEFAULT_MAX_WAIT_MS = 5 * 60_000;
/** ± this share of the computed wait, so many senders retrying together do not retry in lockstep. */
const JITTER = 0.25;

/**
 * The wait before attempt `attempt + 1` after attempt `attempt` (1-based) failed: backoffMs * 2^(attempt-1),
 * spread by ±25 % with `random` (injected, in [0, 1), so tests are exact).
 * @example backoffDelayMs(1, 2000, () => 0.5) // 2000
 * @example backoffDelayMs(3, 2000, () => 0.5) // 8000
 */
export function backoffDelayMs(attempt: number, backoffMs: number, random: () => number): number {
  const base = backoffMs * 2 ** Math.max(0, attempt - 1);
  return Math.round(base * (1 - JITTER + 2 * JITTER * random()));
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };

/**
 * The wait a reply asks for, in ms, or null when it names none. Reads the common phrasings: "try again in 300
 * seconds", "retry in 5 minutes", "please try again later (60s)", "try again after 2 min".
 * @example retryHintMs('451 4.7.1 Greylisted, please try again in 300 seconds') // 300000
 * @example retryHintMs('451 4.3.0 Temporary failure') // null
 */
export function retryHintMs(response: string | null | undefined): number | null {
  if (!response) return null;
  const match = /(?:try again|retry|wait)[^0-9\r\n]{0,24}(\d{1,6})\s*(s|sec|secs|seconds?|m|mins?|minutes?|h|hours?)\b/i.exec(response);
  if (match === null) return null;
  const [, amount, unit] = match;
  const unitMs = UNIT_MS[(unit ?? 's').charAt(0).toLowerCase()];
  if (amount === undefined || unitMs === undefined) return null;
  return Number(amount) * unitMs;
}

/**
 * What to do after attempt `attempt` (1-based, within this run) failed transiently with `response`.
 * Within the attempt budget: retry now, after the longer of the backoff and the server's hint (unless the hint
 * exceeds maxWaitMs). Past it: later, no sooner than the hint and the next step of the backoff schedule.
 * @example decideRetry({ attempt: 1, response: '451 busy' }, { maxAttempts: 3, backoffMs: 2000 }, () => 0.5) // { retry: 'now', waitMs: 2000 }
 * @example decideRetry({ attempt: 3, response: '451 busy' }, { maxAttempts: 3, backoffMs: 2000 }, () => 0.5) // { retry: 'later', retryAfterMs: 8000 }
 */
export function decideRetry(
  failure: { attempt: number; response: string | null | undefined },
  policy: RetryPolicy,
  random: () => number,
): RetryDecision {
  const hintMs = retryHintMs(failure.response) ?? 0;
  const backoffMs = backoffDelayMs(failure.attempt, policy.backoffMs, random);
  const waitMs = Math.max(hintMs, backoffMs);
  if (failure.attempt < policy.maxAttempts && waitMs <= (policy.maxWaitMs ?? DEFAULT_MAX_WAIT_MS)) return { retry: 'now', waitMs };
  return { retry: 'later', retryAfterMs: waitMs };
}
