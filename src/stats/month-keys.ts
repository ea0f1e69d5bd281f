/**
 * Month-key arithmetic on "YYYY-MM" strings. Months are counted as integers (year * 12 + month index),
 * never through Date, so no time zone can move a month boundary.
 */
import { MONTH_PATTERN } from '../data/record.js';

/** A month as a plain count of months since year 0 (January 2022 = 2022 * 12). */
function toIndex(month: string): number {
  const match = MONTH_PATTERN.exec(month);
  if (match === null) throw new RangeError(`not a month key (expected YYYY-MM): "${month}"`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

function fromIndex(index: number): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** True for a well-formed "YYYY-MM". @example isMonthKey('2022-13') // false */
export function isMonthKey(value: string): boolean {
  return MONTH_PATTERN.test(value);
}

/** Builds a month key. @example monthKey(2022, 8) // "2022-08" */
export function monthKey(year: number, month: number): string {
  return fromIndex(year * 12 + month - 1);
}

/** Shifts a month. @example addMonths('2022-01', -1) // "2021-12" */
export function addMonths(month: string, count: number): string {
  return fromIndex(toIndex(month) + count);
}

/** Months from `from` to `to` (positive when `to` is later). @example monthsBetween('2021-10', '2022-08') // 10 */
export function monthsBetween(from: string, to: string): number {
  return toIndex(to) - toIndex(from);
}

/** The same month a year before. @example yearAgo('2022-08') // "2021-08" */
export function yearAgo(month: string): string {
  return addMonths(month, -12);
}

/** Every month from `from` to `to`, both included; empty when `to` is before `from`. @example monthRange('2021-11', '2022-01') // ["2021-11","2021-12","2022-01"] */
export function monthRange(from: string, to: string): string[] {
  const months: string[] = [];
  for (let index = toIndex(from); index <= toIndex(to); index++) months.push(fromIndex(index));
  return months;
}

/** Year and 1-based month of a key. @example monthParts('2022-08') // { year: 2022, month: 8 } */
export function monthParts(month: string): { year: number; month: number } {
  const index = toIndex(month);
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}
