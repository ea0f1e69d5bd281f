import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeFireTime, startScheduler, type Scheduler } from '../../src/jobs/schedule.js';

// croner waits with the global setTimeout and reads the global Date; vitest's fake timers replace both, so
// these tests move the clock by hours in microseconds and never wait real minutes.
let scheduler: Scheduler | undefined;
let lines: string[];
// Held ticks still open when a test fails are let go, so that afterEach's stop() does not wait forever.
let releaseHeld: Array<() => void> = [];
const log = (line: string): void => void lines.push(line);

beforeEach(() => {
  vi.useFakeTimers();
  lines = [];
});

afterEach(async () => {
  for (const release of releaseHeld) release();
  releaseHeld = [];
  await scheduler?.stop();
  scheduler = undefined;
  vi.useRealTimers();
});

/** A tick that records the instant it was called at. */
function recordingTick(calls: string[]): () => Promise<void> {
  return async () => void calls.push(new Date().toISOString());
}

/** A tick that stays in flight until `finish()` is called. */
function heldTick(): { tick: () => Promise<void>; finish: () => void; calls: () => number } {
  let count = 0;
  let release: (() => void) | undefined;
  return {
    tick: () => {
      count += 1;
      return new Promise<void>((resolve) => {
        release = resolve;
        releaseHeld.push(resolve);
      });
    },
    finish: () => release?.(),
    calls: () => count,
  };
}

describe('startScheduler()', () => {
  it('next fires "0 9 21 * *" in Asia/Shanghai at 09:00 local on the 21st, which is 01:00 UTC', () => {
    vi.setSystemTime(new Date('2022-10-20T12:00:00Z'));
    scheduler = startScheduler({ cron: '0 9 21 * *', timeZone: 'Asia/Shanghai', tick: async () => {}, log });
    expect(scheduler.nextRun()?.toISOString()).toBe('2022-10-21T01:00:00.000Z');
    expect(lines).toEqual(['next run 2022-10-21 09:00 Asia/Shanghai (2022-10-21T01:00:00Z)']);
  });

  it('calls tick at the fire time and not a second before', async () => {
    vi.setSystemTime(new Date('2022-10-20T12:00:00Z'));
    const calls: string[] = [];
    scheduler = startScheduler({ cron: '0 9 21 * *', timeZone: 'Asia/Shanghai', tick: recordingTick(calls), log });
    await vi.advanceTimersByTimeAsync(13 * 3600_000 - 1000); // 2022-10-21T00:59:59Z
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toEqual(['2022-10-21T01:00:00.000Z']);
    expect(lines.at(-1)).toBe('next run 2022-11-21 09:00 Asia/Shanghai (2022-11-21T01:00:00Z)');
  });

  it('runs a daily 02:30 at 03:00 on the Pacific/Auckland spring-forward day, when 02:00-03:00 does not exist', async () => {
    // NZ clocks went from 02:00 NZST (+12) to 03:00 NZDT (+13) on 2022-09-25. croner treats "30 2 * * *" as a
    // fixed-time job: it runs once, at the first valid local time after the gap, and keeps 02:30 on other days.
    vi.setSystemTime(new Date('2022-09-23T14:00:00Z'));
    const calls: string[] = [];
    scheduler = startScheduler({ cron: '30 2 * * *', timeZone: 'Pacific/Auckland', tick: recordingTick(calls), log });
    await vi.advanceTimersByTimeAsync(2 * 24 * 3600_000);
    expect(calls).toEqual([
      '2022-09-23T14:30:00.000Z', // 24 Sep 02:30 NZST
      '2022-09-24T14:00:00.000Z', // 25 Sep 03:00 NZDT: 02:30 did not exist
      '2022-09-25T13:30:00.000Z', // 26 Sep 02:30 NZDT
    ]);
  });

  it('runs a daily 02:30 once on the Pacific/Auckland fall-back day, when 02:00-03:00 happens twice', async () => {
    // On 2022-04-03 NZ clocks went back from 03:00 NZDT (+13) to 02:00 NZST (+12): croner runs at the first 02:30.
    vi.setSystemTime(new Date('2022-04-02T12:00:00Z'));
    const calls: string[] = [];
    scheduler = startScheduler({ cron: '30 2 * * *', timeZone: 'Pacific/Auckland', tick: recordingTick(calls), log });
    await vi.advanceTimersByTimeAsync(2 * 24 * 3600_000);
    expect(calls).toEqual(['2022-04-02T13:30:00.000Z', '2022-04-03T14:30:00.000Z']);
  });

  it('skips a fire time that comes while the previous tick is still running, and says so', async () => {
    vi.setSystemTime(new Date('2022-10-21T00:59:30Z'));
    const held = heldTick();
    scheduler = startScheduler({ cron: '* * * * *', timeZone: 'UTC', tick: held.tick, log });
    await vi.advanceTimersByTimeAsync(3 * 60_000);
    expect(held.calls()).toBe(1);
    expect(lines.filter((line) => line.startsWith('tick skipped'))).toEqual([
      'tick skipped: 2022-10-21 01:01 UTC (2022-10-21T01:01:00Z) came while the previous tick was still running',
      'tick skipped: 2022-10-21 01:02 UTC (2022-10-21T01:02:00Z) came while the previous tick was still running',
    ]);

    // The skipped fire times are not made up late: the next tick is the next fire time, 01:03.
    held.finish();
    await vi.advanceTimersByTimeAsync(29_000);
    expect(held.calls()).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(held.calls()).toBe(2);
  });

  it('keeps going after a failed tick and logs why it failed', async () => {
    vi.setSystemTime(new Date('2022-10-21T00:59:30Z'));
    let calls = 0;
    const tick = async (): Promise<void> => {
      calls += 1;
      if (calls === 1) throw new Error('run failed for --all (exit 65)');
    };
    scheduler = startScheduler({ cron: '* * * * *', timeZone: 'UTC', tick, log });
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(calls).toBe(2);
    expect(lines.some((line) => /^tick failed after .*: run failed for --all \(exit 65\)$/.test(line))).toBe(true);
    expect(lines.filter((line) => line.startsWith('tick finished'))).toHaveLength(1);
  });

  it('stop() waits for the tick in flight, and no tick comes after it', async () => {
    vi.setSystemTime(new Date('2022-10-21T00:59:30Z'));
    const held = heldTick();
    const running = startScheduler({ cron: '* * * * *', timeZone: 'UTC', tick: held.tick, log });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(held.calls()).toBe(1);

    let stopped = false;
    const stopping = running.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(stopped).toBe(false);

    held.finish();
    await stopping;
    expect(stopped).toBe(true);
    expect(running.nextRun()).toBeNull();
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(held.calls()).toBe(1);
  });

  it('fires a one-off instant once, then has no next run', async () => {
    vi.setSystemTime(new Date('2022-10-21T00:59:30Z'));
    const calls: string[] = [];
    scheduler = startScheduler({ cron: new Date('2022-10-21T01:00:00Z'), timeZone: 'Asia/Shanghai', tick: recordingTick(calls), log });
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(calls).toEqual(['2022-10-21T01:00:00.000Z']);
    expect(scheduler.nextRun()).toBeNull();
    expect(lines.at(-1)).toBe('no further runs scheduled');
  });

  it('refuses a cron pattern it cannot read', () => {
    expect(() => startScheduler({ cron: '0 9 32 * *', timeZone: 'UTC', tick: async () => {}, log })).toThrow();
  });
});

describe('describeFireTime()', () => {
  it('shows the local time in the zone, then the UTC instant', () => {
    expect(describeFireTime(new Date('2022-09-24T14:00:00Z'), 'Pacific/Auckland')).toBe('2022-09-25 03:00 Pacific/Auckland (2022-09-24T14:00:00Z)');
  });
});
