import { monthParts } from '../../stats/month-keys.js';
import type { Messages } from '../messages/types.js';

export type MonthStyle = 'long' | 'short';

/**
 * A "YYYY-MM" month key in words. Month keys are split as text, never through Date, so no time zone can move them.
 * @example formatMonth('2022-08', 'long', en) // "August 2022"
 * @example formatMonth('2022-08', 'short', en) // "Aug 2022"
 * @example formatMonth('2022-08', 'long', zh) // "2022年8月"
 */
export function formatMonth(month: string | null | undefined, style: MonthStyle, messages: Messages): string {
  if (month === null || month === undefined || month === '') return messages.missing;
  const { year, month: monthNumber } = monthParts(month);
  return style === 'short' ? messages.monthShort(year, monthNumber) : messages.monthLong(year, monthNumber);
}
