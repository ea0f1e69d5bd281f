/**
 * Step 5 of a send, for one ledger row: claim it, send it, record what happened (RELIABILITY.md B1 "Our promise").
 *
 *   claim       one atomic UPDATE to 'sending', committed before any SMTP traffic; lost to another process -> skipped
 *   send        one SMTP transaction through the transport (which never retries on its own)
 *   record      250 -> sent; 5xx -> failed_permanent, never again; after the body -> uncertain, never again unless
 *               asked; 4xx or a connection error before the body -> failed_transient, then (attempts and the
 *               circuit breaker permitting) sleep the backoff and claim again
 *
 * Between two attempts the row rests in 'failed_transient' with its retry_after, not in 'sending': a crash while
 * we sleep must leave a row the next run may send, not one it has to call uncertain.
 */
import type { SendMailOptions } from 'nodemailer';
import { classifySendError, sendErrorSummary } from '../mail/classify-send-error.js';
import type { MailTransport } from '../mail/transport.js';
import type { Delivery, Store } from '../store/index.js';
import type { CircuitBreaker } from './deliver-circuit-breaker.js';
import { decideRetry, type RetryPolicy } from './deliver-retry-policy.js';
import type { RowResult } from './deliver-summary.js';

export interface SendOneEffects {
  store: Pick<Store, 'claimDelivery' | 'markSent' | 'markFailed'>;
  transport: Pick<MailTransport, 'send'>;
  claimant: string;
  /** The clock; it must move on while `sleep` waits. */
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  breaker: CircuitBreaker;
  log: (line: string) => void;
  /** Called between the server's 250 and the ledger write: the crash test's hook for RFC 1047's window. */
  onAccepted?: () => void;
}

export interface SendOnePolicy extends RetryPolicy {
  /** A failed_transient row planned longer ago than this is given up (failed_permanent) instead of tried again. */
  giveUpAfterHours: number;
}

/**
 * @example const result = await sendOne(row, () => composeFor(row), { maxAttempts: 3, backoffMs: 2000, giveUpAfterHours: 96 }, effects)
 *   // { email: 'ana@example.org', outcome: 'sent', response: '250 2.0.0 OK' }
 */
export async function sendOne(
  row: Pick<Delivery, 'id' | 'subscriberEmail' | 'state' | 'plannedAt'>,
  compose: () => SendMailOptions,
  policy: SendOnePolicy,
  effects: SendOneEffects,
): Promise<RowResult> {
  const { store, claimant, now, breaker } = effects;
  const email = row.subscriberEmail;
  let claimAt = now();

  if (!store.claimDelivery(row.id, { claimant, now: claimAt })) return { email, outcome: 'skipped' };

  // RFC 5321 §4.5.4.1: retrying ends after a configured time; the row then stops being pending for good.
  const ageHours = (claimAt.getTime() - row.plannedAt.getTime()) / 3_600_000;
  if (row.state === 'failed_transient' && ageHours > policy.giveUpAfterHours) {
    const response = `gave up: still failing ${Math.floor(ageHours)} hours after it was planned (delivery.retry.giveUpAfterHours ${policy.giveUpAfterHours})`;
    store.markFailed(row.id, { state: 'failed_permanent', response, now: now(), claimant });
    return { email, outcome: 'failed_permanent', response };
  }

  let firstMessage: SendMailOptions;
  try {
    firstMessage = compose();
  } catch (error) {
    // This subscriber's message cannot be built (say, an address the mail layer refuses): no attempt helps.
    const response = `not sent: ${error instanceof Error ? error.message : String(error)}`;
    store.markFailed(row.id, { state: 'failed_permanent', response, now: now(), claimant });
    return { email, outcome: 'failed_permanent', response };
  }

  for (let attempt = 1; ; attempt += 1) {
    // A fresh message object per attempt: nodemailer may consume what it was given (attachment streams).
    const message = attempt === 1 ? firstMessage : compose();
    try {
      const sent = await effects.transport.send(message);
      effects.onAccepted?.();
      store.markSent(row.id, { messageId: sent.messageId, response: sent.response, now: now(), claimant });
      breaker.recordAnswer();
      return { email, outcome: 'sent', response: sent.response };
    } catch (error) {
      const kind = classifySendError(error);
      const response = sendErrorSummary(error);
      if (kind === 'permanent') {
        store.markFailed(row.id, { state: 'failed_permanent', response, now: now(), claimant });
        breaker.recordAnswer();
        return { email, outcome: 'failed_permanent', response };
      }
      if (kind === 'uncertain') {
        store.markFailed(row.id, { state: 'uncertain', response, now: now(), claimant });
        return { email, outcome: 'uncertain', response };
      }
      const tripped = breaker.recordTransient();
      const decision = decideRetry({ attempt, response }, policy, effects.random);
      const failedAt = now();
      if (tripped || decision.retry === 'later') {
        const waitMs = decision.retry === 'later' ? decision.retryAfterMs : decision.waitMs;
        store.markFailed(row.id, { state: 'failed_transient', response, retryAfter: new Date(failedAt.getTime() + waitMs), now: failedAt, claimant });
        return { email, outcome: 'failed_transient', response };
      }
      const retryAt = new Date(failedAt.getTime() + decision.waitMs);
      store.markFailed(row.id, { state: 'failed_transient', response, retryAfter: retryAt, now: failedAt, claimant });
      effects.log(`${email}: ${response}; attempt ${attempt + 1} of ${policy.maxAttempts} in ${formatWait(decision.waitMs)}`);
      await effects.sleep(decision.waitMs);
      // Timers may fire a hair early; the claim must not be refused for a millisecond.
      claimAt = new Date(Math.max(now().getTime(), retryAt.getTime()));
      if (!store.claimDelivery(row.id, { claimant, now: claimAt })) return { email, outcome: 'skipped' };
    }
  }
}

function formatWait(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
