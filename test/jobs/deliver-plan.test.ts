import { describe, expect, it } from 'vitest';
import { planRecipients } from '../../src/jobs/deliver-plan.js';
import type { DeliveryState } from '../../src/store/index.js';

const now = new Date('2022-09-21T01:00:00Z');
const subscriber = (email: string) => ({ email, name: null });
const row = (subscriberEmail: string, state: DeliveryState, retryAfter: Date | null = null) => ({ subscriberEmail, state, retryAfter });

describe('planRecipients()', () => {
  it('sends to new and planned subscribers and skips those already sent', () => {
    const plans = planRecipients([subscriber('a@x.test'), subscriber('b@x.test'), subscriber('c@x.test')], [row('b@x.test', 'planned'), row('c@x.test', 'sent')], { now });
    expect(plans.map((plan) => [plan.email, plan.send, plan.reason])).toEqual([
      ['a@x.test', true, 'new'],
      ['b@x.test', true, 'planned'],
      ['c@x.test', false, 'already sent'],
    ]);
  });

  it('retries a transient failure only once its retry_after has passed', () => {
    const later = new Date(now.getTime() + 60_000);
    expect(planRecipients([subscriber('a@x.test')], [row('a@x.test', 'failed_transient', later)], { now })[0]?.send).toBe(false);
    expect(planRecipients([subscriber('a@x.test')], [row('a@x.test', 'failed_transient', now)], { now })[0]?.send).toBe(true);
  });

  it('resends uncertain and failed rows only when asked for that kind', () => {
    const rows = [row('a@x.test', 'uncertain'), row('b@x.test', 'failed_permanent')];
    const subscribers = [subscriber('a@x.test'), subscriber('b@x.test')];
    expect(planRecipients(subscribers, rows, { now }).map((plan) => plan.send)).toEqual([false, false]);
    expect(planRecipients(subscribers, rows, { now, resend: 'uncertain' }).map((plan) => plan.send)).toEqual([true, false]);
    expect(planRecipients(subscribers, rows, { now, resend: 'failed' }).map((plan) => plan.send)).toEqual([false, true]);
  });

  it('names rows of people who unsubscribed since they were planned, and never sends them', () => {
    expect(planRecipients([], [row('gone@x.test', 'planned')], { now })).toEqual([
      { email: 'gone@x.test', name: null, send: false, reason: 'no longer subscribed (planned)' },
    ]);
  });
});
