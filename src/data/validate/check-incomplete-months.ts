import type { Problem, Severity } from '../../errors.js';
import type { RecordOrigin, TradeRecord } from '../record.js';
import { currencyOf } from './check-currency.js';
import { problemAt } from './problem-list.js';
import { withOrigins } from './record-problem.js';
import { RULES } from './rule-ids.js';

export interface IncompleteMonthRule {
  /** Flag a month whose total is below this share of the median total of the previous months. */
  minShareOfMedian: number;
  /** …or whose partner count is below this share of the median partner count. */
  minPartnerShare: number;
  /** How many months back the median looks. */
  lookbackMonths: number;
  severity: Severity;
}

export const DEFAULT_INCOMPLETE_MONTH_RULE: IncompleteMonthRule = {
  minShareOfMedian: 0.3,
  minPartnerShare: 0.5,
  lookbackMonths: 12,
  severity: 'error',
};

// With fewer earlier months a median says little (one Chinese New Year February would set the bar).
export const MIN_HISTORY_MONTHS = 3;

interface MonthStats {
  total: number;
  partners: Set<string>;
  firstOrigin: RecordOrigin;
}

function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const formatAmount = (value: number): string => Math.round(value).toLocaleString('en-US');

/**
 * Flags months that have data but obviously not all of it (a partial download, a month fetched before its
 * release was complete): total value, or number of partners, far below the median of the previous months
 * present (per flow and currency). Needs at least MIN_HISTORY_MONTHS earlier months to judge.
 *
 * @example
 * // 12 months of ~100 then a month of 10: that month is flagged
 * checkIncompleteMonths(records, origins, DEFAULT_INCOMPLETE_MONTH_RULE)
 */
export function checkIncompleteMonths(records: readonly TradeRecord[], origins: readonly RecordOrigin[], rule: IncompleteMonthRule): Problem[] {
  const groups = new Map<string, Map<string, MonthStats>>();
  for (const [record, origin] of withOrigins(records, origins)) {
    const currency = currencyOf(record);
    const groupKey = `${record.flow} ${currency}`;
    let months = groups.get(groupKey);
    if (!months) groups.set(groupKey, (months = new Map()));
    let stats = months.get(record.month);
    if (!stats) months.set(record.month, (stats = { total: 0, partners: new Set(), firstOrigin: origin }));
    stats.total += (currency === 'USD' ? record.valueUsd : record.valueCny) ?? 0;
    if (record.partner !== null) stats.partners.add(record.partner);
  }

  const problems: Problem[] = [];
  for (const [groupKey, months] of groups) {
    const [flow, currency] = groupKey.split(' ');
    const sorted = [...months.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    sorted.forEach(([month, stats], position) => {
      const history = sorted
        .slice(0, position)
        .filter(([earlier]) => monthIndex(month) - monthIndex(earlier) <= rule.lookbackMonths)
        .map(([, earlier]) => earlier);
      if (history.length < MIN_HISTORY_MONTHS) return;
      const where = { file: stats.firstOrigin.file, column: currency === 'USD' ? 'valueUsd' : 'valueCny' };
      const medianTotal = median(history.map((earlier) => earlier.total));
      if (medianTotal > 0 && stats.total < rule.minShareOfMedian * medianTotal) {
        const share = Math.round((100 * stats.total) / medianTotal);
        problems.push({
          month,
          ...problemAt(rule.severity, RULES.monthIncomplete, where,
            `${month} ${flow} total ${currency} ${formatAmount(stats.total)} is ${share}% of the median of the ${history.length} previous months (${currency} ${formatAmount(medianTotal)}): the month looks incomplete; download it again or lower minShareOfMedian`),
        });
        return;
      }
      const partnerCounts = history.map((earlier) => earlier.partners.size);
      const medianPartners = median(partnerCounts);
      if (medianPartners > 0 && stats.partners.size < rule.minPartnerShare * medianPartners) {
        problems.push({
          month,
          ...problemAt(rule.severity, RULES.monthIncomplete, where,
            `${month} ${flow} has ${stats.partners.size} partners against a median of ${medianPartners} in the ${history.length} previous months: the month looks incomplete; download it again or lower minPartnerShare`),
        });
      }
    });
  }
  return problems;
}
