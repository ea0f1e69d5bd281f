import { addMonths, monthRange } from './month-keys.js';
import { valueIn, type MonthlyValues } from './monthly-values.js';
import type { SeriesPoint } from './types.js';

/**
 * The trend chart's series: up to `months` months ending with the report month, starting no earlier than the
 * data do, with null where the data have a gap.
 * @example series(new Map([['2022-06', 1], ['2022-08', 5]]), '2022-08', 25) // [{month:'2022-06',valueUsd:1}, {month:'2022-07',valueUsd:null}, {month:'2022-08',valueUsd:5}]
 */
export function series(values: MonthlyValues, month: string, months: number): SeriesPoint[] {
  const earliestCovered = [...values.keys()].reduce((min, key) => (key < min ? key : min), month);
  const windowStart = addMonths(month, -(months - 1));
  const start = windowStart > earliestCovered ? windowStart : earliestCovered;
  return monthRange(start, month).map((key) => ({ month: key, valueUsd: valueIn(values, key) }));
}
