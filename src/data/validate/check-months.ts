import type { Problem } from '../../errors.js';
import type { RecordOrigin, TradeRecord } from '../record.js';
import { MONTH_PATTERN } from '../record.js';
import { recordProblem, withOrigins } from './record-problem.js';
import { RULES } from './rule-ids.js';

/** No customs series tradebrief reads starts earlier (Comtrade monthly data begin in the 1960s); earlier is a typo. */
export const EARLIEST_MONTH = '1950-01';

/** "YYYY-MM" of a date in UTC. */
export function monthOf(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/**
 * Months must be real (01–12, not before 1950) and not after the month of `now`.
 *
 * @example
 * checkMonths([{ …, month: '2022-13' }], [{ file: 'f.csv', row: 2 }], new Date('2026-01-15')) // 'month.out-of-range'
 */
export function checkMonths(records: readonly TradeRecord[], origins: readonly RecordOrigin[], now: Date): Problem[] {
  const problems: Problem[] = [];
  const currentMonth = monthOf(now);
  for (const [record, origin] of withOrigins(records, origins)) {
    if (!MONTH_PATTERN.test(record.month) || record.month < EARLIEST_MONTH) {
      problems.push(recordProblem('error', RULES.monthOutOfRange, origin, 'month', `month ${record.month} is not a valid month between ${EARLIEST_MONTH} and ${currentMonth}`));
    } else if (record.month > currentMonth) {
      problems.push(recordProblem('error', RULES.monthFuture, origin, 'month', `month ${record.month} is in the future (today is in ${currentMonth})`));
    }
  }
  return problems;
}
