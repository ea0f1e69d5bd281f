/**
 * `send --dry-run`: who would get this edition, and why the others would not, computed from the subscribers and
 * the ledger rows as they are, without writing anything. It follows the same rules as a real send: a row is sent
 * when it is planned (or new), a failed_transient whose retry_after has passed, or reopened by --resend.
 */
import type { Delivery, Subscriber } from '../store/index.js';

export interface RecipientPlan {
  email: string;
  name: string | null;
  send: boolean;
  /** Why: "new", "planned", "retry (failed_transient)", "already sent", "uncertain: use --resend uncertain" … */
  reason: string;
}

/**
 * @example planRecipients([ana], [], { now, resend: undefined }) // [{ email: 'ana@example.org', name: 'Ana', send: true, reason: 'new' }]
 */
export function planRecipients(
  subscribers: readonly Pick<Subscriber, 'email' | 'name'>[],
  rows: readonly Pick<Delivery, 'subscriberEmail' | 'state' | 'retryAfter'>[],
  options: { now: Date; resend?: 'failed' | 'uncertain' | undefined },
): RecipientPlan[] {
  const rowOf = new Map(rows.map((row) => [row.subscriberEmail, row]));
  const active = new Set(subscribers.map((subscriber) => subscriber.email));
  const plans = subscribers.map((subscriber): RecipientPlan => {
    const row = rowOf.get(subscriber.email);
    const decision = row === undefined ? { send: true, reason: 'new' } : decide(row, options);
    return { email: subscriber.email, name: subscriber.name, ...decision };
  });
  // Rows planned earlier for someone who has unsubscribed since: never sent (the suppression check before each send).
  for (const row of rows) {
    if (!active.has(row.subscriberEmail) && row.state !== 'sent') {
      plans.push({ email: row.subscriberEmail, name: null, send: false, reason: `no longer subscribed (${row.state})` });
    }
  }
  return plans;
}

function decide(row: Pick<Delivery, 'state' | 'retryAfter'>, options: { now: Date; resend?: 'failed' | 'uncertain' | undefined }): { send: boolean; reason: string } {
  switch (row.state) {
    case 'planned':
      return { send: true, reason: 'planned' };
    case 'sent':
      return { send: false, reason: 'already sent' };
    case 'sending':
      return { send: false, reason: 'being sent by another process (or abandoned by a crashed one)' };
    case 'uncertain':
      return options.resend === 'uncertain'
        ? { send: true, reason: 'resend (uncertain)' }
        : { send: false, reason: 'uncertain: the server may have it; use --resend uncertain' };
    case 'failed_permanent':
      return options.resend === 'failed'
        ? { send: true, reason: 'resend (failed_permanent)' }
        : { send: false, reason: 'failed permanently; use --resend failed' };
    case 'failed_transient': {
      if (options.resend === 'failed') return { send: true, reason: 'resend (failed_transient)' };
      const due = row.retryAfter === null || row.retryAfter.getTime() <= options.now.getTime();
      return due ? { send: true, reason: 'retry (failed_transient)' } : { send: false, reason: `failed_transient, not before ${row.retryAfter?.toISOString()}` };
    }
  }
}
