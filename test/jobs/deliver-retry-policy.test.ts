import { describe, expect, it } from 'vitest';
import { backoffDelayMs, decideRetry, retryHintMs } from '../../src/jobs/deliver-retry-policy.js';

const middle = () => 0.5;

describe('backoffDelayMs()', () => {
  it('doubles the wait with every attempt', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelayMs(attempt, 2000, middle))).toEqual([2000, 4000, 8000, 16000]);
  });

  it('spreads the wait by a quarter either way with the injected random', () => {
    expect(backoffDelayMs(2, 1000, () => 0)).toBe(1500);
    expect(backoffDelayMs(2, 1000, () => 0.999999)).toBe(2500);
  });
});

describe('retryHintMs()', () => {
  it('reads seconds, minutes and hours the server asks for', () => {
    expect(retryHintMs('451 4.7.1 Greylisted, please try again in 300 seconds')).toBe(300_000);
    expect(retryHintMs('421 Too many connections, retry in 5 minutes')).toBe(300_000);
    expect(retryHintMs('452 mailbox busy; try again after 2 min')).toBe(120_000);
    expect(retryHintMs('450 wait 1 hour')).toBe(3_600_000);
    expect(retryHintMs('451 try again later (60s)')).toBe(60_000);
  });

  it('finds no hint in a plain reply, an empty one or a number that is not a wait', () => {
    expect(retryHintMs('451 4.3.0 Temporary failure')).toBeNull();
    expect(retryHintMs('452 4.2.2 Mailbox full, 200 messages')).toBeNull();
    expect(retryHintMs(null)).toBeNull();
    expect(retryHintMs('')).toBeNull();
  });
});

describe('decideRetry()', () => {
  const policy = { maxAttempts: 3, backoffMs: 2000 };

  it('retries within the run while attempts remain, after the backoff', () => {
    expect(decideRetry({ attempt: 1, response: '451 busy' }, policy, middle)).toEqual({ retry: 'now', waitMs: 2000 });
    expect(decideRetry({ attempt: 2, response: '451 busy' }, policy, middle)).toEqual({ retry: 'now', waitMs: 4000 });
  });

  it('hands the row to a later run once the attempts are used up', () => {
    expect(decideRetry({ attempt: 3, response: '451 busy' }, policy, middle)).toEqual({ retry: 'later', retryAfterMs: 8000 });
  });

  it('never comes back sooner than the server asked', () => {
    expect(decideRetry({ attempt: 1, response: '451 try again in 10 seconds' }, policy, middle)).toEqual({ retry: 'now', waitMs: 10_000 });
    expect(decideRetry({ attempt: 3, response: '451 try again in 30 minutes' }, policy, middle)).toEqual({ retry: 'later', retryAfterMs: 1_800_000 });
  });

  it('does not sleep through a long hint inside the run but leaves it for a later one', () => {
    expect(decideRetry({ attempt: 1, response: '451 try again in 1 hour' }, { ...policy, maxWaitMs: 60_000 }, middle)).toEqual({
      retry: 'later',
      retryAfterMs: 3_600_000,
    });
  });
});
