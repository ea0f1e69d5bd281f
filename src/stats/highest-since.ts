import { addMonths, monthsBetween } from './month-keys.js';
import type { MonthlyValues } from './monthly-values.js';

export interface HighestSince {
  /** N when `month` is the highest of the last N months (itself included); the whole record when nothing was higher. */
  highestInMonths: number | null;
  /** The last earlier month with a higher value ("YYYY-MM"); null when no earlier month in the data is higher. */
  highestSince: string | null;
}

/**
 * "The most in 10 months", "the highest since October 2020" (DESIGN.md definitions). Walks back month by
 * month; months the data do not cover are skipped, not read as zero, so a gap never makes a record.
 * @example highestSince(new Map([['2021-10', 9], ['2021-11', 1], ['2021-12', 5]]), '2021-12') // { highestInMonths: 2, highestSince: '2021-10' }
 */
export function highestSince(values: MonthlyValues, month: string): HighestSince {
  const current = values.get(month);
  // A month with nothing is no high, even when every month before it was nothing too.
  if (current === undefined || current <= 0) return { highestInMonths: null, highestSince: null };
  const earliest = [...values.keys()].reduce((min, key) => (key < min ? key : min), month);
  for (let earlier = addMonths(month, -1); earlier >= earliest; earlier = addMonths(earlier, -1)) {
    const value = values.get(earlier);
    if (value !== undefined && value > current) {
      return { highestInMonths: monthsBetween(earlier, month), highestSince: earlier };
    }
  }
  return { highestInMonths: monthsBetween(earliest, month) + 1, highestSince: null };
}
