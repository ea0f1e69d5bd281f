/**
 * The in-process scheduler behind `tradebrief schedule`, for people without cron: it only wakes the job
 * (DESIGN.md "Scheduling semantics"); what is due is decided by `tradebrief run` on each tick.
 *
 * Guarantees:
 * - ticks never overlap: croner's `protect` skips a fire time that comes while a tick is still running (it is
 *   not run late: the next tick is the next fire time), and the skip is logged once;
 * - a failed tick is logged and the next fire time still comes;
 * - the next fire time is logged, in the configured zone and in UTC, after start and after every tick;
 * - `stop()` cancels the timer and resolves once the tick in flight (if any) has finished.
 *
 * Time: croner reads the global clock and `setTimeout` (it has no clock hook). That is the one place below
 * the CLI that does, and on purpose: a scheduler has to wait for real time. Tests drive it with vitest's fake
 * timers (`vi.useFakeTimers()` fakes `Date` and `setTimeout` together, which is all croner uses).
 *
 * DST (what croner 11 does, and the tests assert): a fixed-time pattern such as `30 2 * * *` whose local time
 * falls in a spring-forward gap runs once at the first valid time after the gap (03:00), and when the time
 * occurs twice in the autumn it runs once, at the first occurrence.
 */
import { Cron } from 'croner';

export interface SchedulerOptions {
  /** Five- or six-field cron pattern, e.g. "0 9 21 * *"; or one instant, to fire once (rehearsals, tests). */
  cron: string | Date;
  /** IANA zone the pattern is read in, e.g. "Asia/Shanghai". */
  timeZone: string;
  /** The work of one tick; a rejection is logged, never thrown out of the scheduler. */
  tick: () => Promise<void>;
  log: (line: string) => void;
}

export interface Scheduler {
  /** When the next tick fires, or null when there is none (a one-off that has fired, or stopped). */
  nextRun(): Date | null;
  /** Cancels future ticks and resolves when the tick in flight, if any, has finished. */
  stop(): Promise<void>;
}

/**
 * Starts a cron schedule that calls `tick` on each fire time, one tick at a time.
 * @example
 * const scheduler = startScheduler({ cron: '0 9 21 * *', timeZone: 'Asia/Shanghai', tick: runDueMonths, log: console.error });
 * // logs: next run 2022-10-21 09:00 Asia/Shanghai (2022-10-21T01:00:00Z)
 * await scheduler.stop();
 * @throws TypeError when the cron pattern or the time zone is invalid (croner's message).
 */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const { timeZone, log } = options;
  let inFlight: Promise<void> | null = null;
  let stopped = false;
  let lastSkipped: string | null = null;

  const logNext = (): void => {
    const next = stopped ? null : job.nextRun();
    log(next === null ? 'no further runs scheduled' : `next run ${describeFireTime(next, timeZone)}`);
  };

  const runTick = async (): Promise<void> => {
    const started = performance.now();
    try {
      await options.tick();
      log(`tick finished in ${formatSeconds(performance.now() - started)}`);
    } catch (error) {
      // The scheduler outlives a failed run: the next fire time retries, and the run itself alerts the operator.
      log(`tick failed after ${formatSeconds(performance.now() - started)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const job = new Cron(
    options.cron,
    {
      timezone: timeZone,
      // A one-off instant already past fires at once instead of never (croner's default drops it).
      allowPast: options.cron instanceof Date,
      // croner re-checks a blocked fire time every 30 s until the tick ends; say so once per fire time.
      protect: (self) => {
        const skipped = self.previousRuns(1)[0];
        const key = skipped?.toISOString() ?? 'unknown';
        if (key === lastSkipped) return;
        lastSkipped = key;
        log(`tick skipped: ${skipped ? describeFireTime(skipped, timeZone) : 'a fire time'} came while the previous tick was still running`);
      },
    },
    async () => {
      if (stopped) return;
      inFlight = runTick();
      try {
        await inFlight;
      } finally {
        inFlight = null;
        logNext();
      }
    },
  );
  logNext();

  return {
    nextRun: () => (stopped ? null : job.nextRun()),
    async stop() {
      stopped = true;
      job.stop();
      if (inFlight !== null) {
        log('stopping: waiting for the tick in flight to finish');
        await inFlight;
      }
    },
  };
}

/**
 * A fire time as the operator reads it: local time in `timeZone`, then the UTC instant.
 * @example describeFireTime(new Date('2022-10-21T01:00:00Z'), 'Asia/Shanghai') // '2022-10-21 09:00 Asia/Shanghai (2022-10-21T01:00:00Z)'
 */
export function describeFireTime(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '??';
  const utc = instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')} ${timeZone} (${utc})`;
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
