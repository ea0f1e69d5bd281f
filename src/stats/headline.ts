import { pctChange, ratio } from './growth.js';
import { highestSince } from './highest-since.js';
import { addMonths, yearAgo } from './month-keys.js';
import { valueIn, type MonthlyValues } from './monthly-values.js';
import { riseStreak } from './rise-streak.js';
import type { HeadlineStats } from './types.js';

/** How many earlier months the "more than double July, almost seven times June" comparison looks at. */
export const MULTIPLE_MONTHS = 3;

/**
 * The headline figures for the focus flow: value, mom, yoy, "the most in N months", rise streak, multiples.
 * @example headline(new Map([['2022-07', 20], ['2022-08', 50]]), '2022-08').momPct // 150
 */
export function headline(values: MonthlyValues, month: string): HeadlineStats {
  const valueUsd = valueIn(values, month);
  const prevMonthValueUsd = valueIn(values, addMonths(month, -1));
  const yearAgoValueUsd = valueIn(values, yearAgo(month));
  const multiples = [];
  for (let back = 1; back <= MULTIPLE_MONTHS; back++) {
    const earlier = addMonths(month, -back);
    const earlierValue = valueIn(values, earlier);
    multiples.push({ month: earlier, valueUsd: earlierValue, ratio: ratio(valueUsd, earlierValue) });
  }
  return {
    valueUsd,
    prevMonthValueUsd,
    momPct: pctChange(valueUsd, prevMonthValueUsd),
    yearAgoValueUsd,
    yoyPct: pctChange(valueUsd, yearAgoValueUsd),
    ...highestSince(values, month),
    riseStreakMonths: riseStreak(values, month),
    prevRiseStreakMonths: riseStreak(values, addMonths(month, -1)),
    multiples,
  };
}
