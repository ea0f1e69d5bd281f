/**
 * Which months a scheduled `run` should produce (DESIGN.md "Scheduling semantics", RELIABILITY.md B2): the
 * trigger (cron, systemd, Kubernetes) only wakes the job; this pure function decides. A month is due when its
 * data are in, it is past its release day in the configured time zone (GACC publishes month M around the 20th
 * of M+1), and it has not been delivered. Oldest first, like partitions.
 */
import { addMonths, monthsBetween } from '../stats/month-keys.js';

export interface DueMonthsInput {
  /** Months the report's data cover, complete ones only. */
  dataMonths: readonly string[];
  /** Months already delivered (any edition). */
  delivered: readonly string[];
  /**
   * Months whose mailing began (a `send` of some edition started) and is not delivered: an SMTP outage or a crash
   * left rows to retry. Always due, oldest first, wherever the delivered cursor is and however late: the ledger
   * itself gives up on rows older than giveUpAfterHours, so resuming them can only finish the month.
   */
  unfinished?: readonly string[];
  now: Date;
  /** IANA zone of the release calendar, e.g. "Asia/Shanghai". */
  timeZone: string;
  /** Day of M+1 from which month M counts as published (default 20). */
  releaseDay: number;
  /** At most this many months per run (default 3). */
  catchUp: number;
  /** A month released more than this many days ago is generated but not mailed without `sendLate`. */
  maxSendLatenessDays: number;
  sendLate: boolean;
}

export interface DueMonth {
  month: string;
  /** False when the month is too late to mail without --send-late. */
  mail: boolean;
  /** Why it is not mailed, when it is not. */
  reason?: string;
}

export interface DueMonthsResult {
  due: DueMonth[];
  /** Why nothing (more) is due, in words for the log: "2022-10: data not published yet; expected after …". */
  notes: string[];
}

/** The calendar date of `now` in `timeZone`, as "YYYY-MM-DD". */
export function localDate(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string): string => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** "YYYY-MM-DD" on which month M's data count as published: `releaseDay` of M+1. */
export function releaseDate(month: string, releaseDay: number): string {
  return `${addMonths(month, 1)}-${String(releaseDay).padStart(2, '0')}`;
}

/** Whole days from date a to date b (both "YYYY-MM-DD", calendar days, no zone involved). */
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * @example dueMonths({ dataMonths: ['2022-01','2022-02','2022-03'], delivered: ['2022-01'], now: new Date('2022-04-21T01:00:00+08:00'),
 *   timeZone: 'Asia/Shanghai', releaseDay: 20, catchUp: 3, maxSendLatenessDays: 45, sendLate: false }).due
 *   // [{ month: '2022-02', mail: false, reason: … }, { month: '2022-03', mail: true }]
 */
export function dueMonths(input: DueMonthsInput): DueMonthsResult {
  const today = localDate(input.now, input.timeZone);
  const published = input.dataMonths.filter((month) => releaseDate(month, input.releaseDay) <= today).sort();
  const notes: string[] = [];
  const latestData = [...input.dataMonths].sort().at(-1);
  // The month after the latest published one: say when it is expected, so "nothing to do" is explained.
  const latestPublished = published.at(-1);
  const next = latestPublished === undefined ? latestData : addMonths(latestPublished, 1);
  if (next !== undefined) {
    const inData = input.dataMonths.includes(next);
    notes.push(
      `${next}: ${inData ? 'data present but not published yet' : 'data not published yet'}; expected after ${releaseDate(next, input.releaseDay)} ${input.timeZone}`,
    );
  }

  const delivered = new Set(input.delivered);
  const lastDelivered = [...input.delivered].sort().at(-1);
  let candidates: string[];
  if (lastDelivered === undefined) {
    // First run: only the latest complete month; a new deployment does not mail two years of history.
    candidates = latestPublished === undefined ? [] : [latestPublished];
  } else {
    candidates = published.filter((month) => month > lastDelivered && !delivered.has(month));
    const gaps = monthsBetween(lastDelivered, latestPublished ?? lastDelivered) - candidates.length;
    if (gaps > 0) notes.push(`${gaps} month(s) after ${lastDelivered} have no complete data and are skipped`);
  }
  const unfinished = [...new Set(input.unfinished ?? [])].filter((month) => !delivered.has(month)).sort();
  for (const month of unfinished) notes.push(`${month}: its mailing began and is not finished; resuming it`);
  candidates = [...new Set([...unfinished, ...candidates])].sort();
  if (candidates.length > input.catchUp) {
    notes.push(`${candidates.length} months are due; this run takes the oldest ${input.catchUp} (--catch-up), the rest follow on the next run`);
    candidates = candidates.slice(0, input.catchUp);
  }
  if (candidates.length === 0 && lastDelivered !== undefined) notes.unshift(`everything up to ${lastDelivered} is delivered`);

  const due = candidates.map((month): DueMonth => {
    if (unfinished.includes(month)) return { month, mail: true };
    const late = daysBetween(releaseDate(month, input.releaseDay), today);
    if (late > input.maxSendLatenessDays && !input.sendLate) {
      return { month, mail: false, reason: `released ${late} days ago (more than maxSendLatenessDays ${input.maxSendLatenessDays}): generated but not mailed without --send-late` };
    }
    return { month, mail: true };
  });
  return { due, notes };
}
