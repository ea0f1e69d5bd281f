import type { Problem } from '../../errors.js';
import type { Currency, RecordOrigin, TradeRecord } from '../record.js';
import { recordProblem, withOrigins } from './record-problem.js';
import { RULES } from './rule-ids.js';

/** The currency a record's value is in. */
export function currencyOf(record: TradeRecord): Currency {
  return record.valueUsd !== null ? 'USD' : 'CNY';
}

/**
 * One dataset, one currency: values are never converted, so USD and CNY rows must not be summed together.
 * The dataset's currency is the first record's; each file with rows in the other currency gets one problem
 * at its first such row, with the count (a whole CNY file would otherwise flood the report).
 *
 * @example
 * checkCurrency([usdRecord, cnyRecord], [{ file: 'a.csv', row: 2 }, { file: 'b.csv', row: 2 }])
 * // [{ rule: 'currency.mixed', file: 'b.csv', row: 2, message: '1 row(s) in CNY …' }]
 */
export function checkCurrency(records: readonly TradeRecord[], origins: readonly RecordOrigin[]): Problem[] {
  const first = records[0];
  if (first === undefined) return [];
  const datasetCurrency = currencyOf(first);
  const offenders = new Map<string, { origin: RecordOrigin; count: number; currency: Currency }>();
  for (const [record, origin] of withOrigins(records, origins)) {
    const currency = currencyOf(record);
    if (currency === datasetCurrency) continue;
    const seen = offenders.get(origin.file);
    if (seen) seen.count += 1;
    else offenders.set(origin.file, { origin, count: 1, currency });
  }
  return [...offenders.values()].map(({ origin, count, currency }) =>
    recordProblem(
      'error',
      RULES.currencyMixed,
      origin,
      currency === 'USD' ? 'valueUsd' : 'valueCny',
      `${count} row(s) in ${currency} while the dataset is in ${datasetCurrency} (as ${origins[0]?.file ?? 'the first file'} is): load one currency at a time, values are never converted`,
    ),
  );
}
