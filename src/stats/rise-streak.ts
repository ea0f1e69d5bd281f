import { addMonths } from './month-keys.js';
import type { MonthlyValues } from './monthly-values.js';

/**
 * Consecutive month-on-month rises ending with `month`: 0 when it did not rise, and a month the data do not
 * cover ends the streak (a rise cannot be claimed across a gap).
 * @example riseStreak(new Map([['2022-06', 1], ['2022-07', 2], ['2022-08', 3]]), '2022-08') // 2
 */
export function riseStreak(values: MonthlyValues, month: string): number {
  let streak = 0;
  let later = month;
  for (;;) {
    const laterValue = values.get(later);
    const earlierValue = values.get(addMonths(later, -1));
    if (laterValue === undefined || earlierValue === undefined || !(laterValue > earlierValue)) return streak;
    streak++;
    later = addMonths(later, -1);
  }
}
