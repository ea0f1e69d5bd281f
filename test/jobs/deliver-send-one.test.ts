import { describe, expect, it } from 'vitest';
import { createCircuitBreaker } from '../../src/jobs/deliver-circuit-breaker.js';
import { sendOne, type SendOneEffects } from '../../src/jobs/deliver-send-one.js';
import { MailSendError } from '../../src/mail/send-error.js';

const planned = new Date('2022-09-21T00:00:00Z');
const row = { id: 7, subscriberEmail: 'ana@example.org', state: 'planned' as const, plannedAt: planned };
const policy = { maxAttempts: 3, backoffMs: 1000, giveUpAfterHours: 96 };

/** A ledger that records every call and grants claims as told. */
function fakeLedger(claims: boolean[] = []) {
  const calls: string[] = [];
  let claimIndex = 0;
  return {
    calls,
    store: {
      claimDelivery: (id: number, claim: { now: Date }) => {
        calls.push(`claim ${id} at ${claim.now.toISOString()}`);
        return claims[claimIndex++] ?? true;
      },
      markSent: (id: number, outcome: { messageId: string }) => void calls.push(`sent ${id} ${outcome.messageId}`),
      markFailed: (id: number, outcome: { state: string; retryAfter?: Date | null }) =>
        void calls.push(`${outcome.state} ${id}${outcome.retryAfter ? ` until ${outcome.retryAfter.toISOString()}` : ''}`),
    },
  };
}

function effects(ledger: ReturnType<typeof fakeLedger>, replies: (Error | 'ok')[]): SendOneEffects & { sleeps: number[]; sends: number } {
  let clock = planned.getTime();
  const sleeps: number[] = [];
  const state = { sends: 0 };
  return {
    store: ledger.store as unknown as SendOneEffects['store'],
    transport: {
      send: async () => {
        const reply = replies[state.sends++] ?? 'ok';
        if (reply !== 'ok') throw reply;
        return { messageId: '<m@x>', response: '250 ok' };
      },
    },
    claimant: 'host/1/aa',
    now: () => new Date(clock),
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    random: () => 0.5,
    breaker: createCircuitBreaker(10),
    log: () => undefined,
    sleeps,
    get sends() {
      return state.sends;
    },
  };
}

const greylisted = (text = '451 4.7.1 Greylisted') => new MailSendError('greylisted', { command: 'RCPT TO', responseCode: 451, response: text, bodySent: false });

describe('sendOne()', () => {
  it('claims the row before sending and records the 250', async () => {
    const ledger = fakeLedger();
    const result = await sendOne(row, () => ({}), policy, effects(ledger, ['ok']));
    expect(result).toEqual({ email: 'ana@example.org', outcome: 'sent', response: '250 ok' });
    expect(ledger.calls).toEqual(['claim 7 at 2022-09-21T00:00:00.000Z', 'sent 7 <m@x>']);
  });

  it('sends nothing when another process won the claim', async () => {
    const ledger = fakeLedger([false]);
    const run = effects(ledger, ['ok']);
    expect(await sendOne(row, () => ({}), policy, run)).toMatchObject({ outcome: 'skipped' });
    expect(run.sends).toBe(0);
  });

  it('rests the row in failed_transient until its retry time, then claims it again', async () => {
    const ledger = fakeLedger();
    await sendOne(row, () => ({}), policy, effects(ledger, [greylisted(), 'ok']));
    expect(ledger.calls).toEqual([
      'claim 7 at 2022-09-21T00:00:00.000Z',
      'failed_transient 7 until 2022-09-21T00:00:01.000Z',
      'claim 7 at 2022-09-21T00:00:01.000Z',
      'sent 7 <m@x>',
    ]);
  });

  it('waits as long as the server asks', async () => {
    const run = effects(fakeLedger(), [greylisted('451 4.7.1 Greylisted, try again in 30 seconds'), 'ok']);
    await sendOne(row, () => ({}), policy, run);
    expect(run.sleeps).toEqual([30_000]);
  });

  it('stops retrying as soon as the circuit breaker trips', async () => {
    const ledger = fakeLedger();
    const run = { ...effects(ledger, [greylisted(), greylisted(), 'ok']), breaker: createCircuitBreaker(1) };
    expect(await sendOne(row, () => ({}), policy, run)).toMatchObject({ outcome: 'failed_transient' });
    expect(ledger.calls).toHaveLength(2);
  });

  it('records a message that cannot be built as failed_permanent without sending', async () => {
    const ledger = fakeLedger();
    const run = effects(ledger, ['ok']);
    const result = await sendOne(row, () => { throw new Error('The subscriber address "a b" is not a plain email address.'); }, policy, run);
    expect(result).toMatchObject({ outcome: 'failed_permanent', response: expect.stringContaining('not a plain email address') });
    expect(run.sends).toBe(0);
  });

  it('calls onAccepted between the 250 and the ledger write', async () => {
    const ledger = fakeLedger();
    await sendOne(row, () => ({}), policy, { ...effects(ledger, ['ok']), onAccepted: () => ledger.calls.push('accepted') });
    expect(ledger.calls).toEqual(['claim 7 at 2022-09-21T00:00:00.000Z', 'accepted', 'sent 7 <m@x>']);
  });
});
