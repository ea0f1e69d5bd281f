import type { Problem } from '../../errors.js';
import type { RecordOrigin, TradeRecord } from '../record.js';
import { recordProblem, withOrigins } from './record-problem.js';
import { RULES } from './rule-ids.js';

/**
 * Values and quantities must not be negative (customs statistics have no negative trade), and a quantity
 * needs its unit: quantities are only ever summed within one unit.
 *
 * @example
 * checkValues([{ …, valueUsd: -5 }], [{ file: 'f.csv', row: 2 }]) // one 'value.negative' problem
 */
export function checkValues(records: readonly TradeRecord[], origins: readonly RecordOrigin[]): Problem[] {
  const problems: Problem[] = [];
  for (const [record, origin] of withOrigins(records, origins)) {
    for (const field of ['valueUsd', 'valueCny'] as const) {
      const value = record[field];
      if (value !== null && value < 0) problems.push(recordProblem('error', RULES.valueNegative, origin, field, `value ${value} is negative: expected 0 or more`));
    }
    for (const [qtyField, unitField] of [['qty1', 'unit1'], ['qty2', 'unit2']] as const) {
      const qty = record[qtyField];
      if (qty === null) continue;
      if (qty < 0) problems.push(recordProblem('error', RULES.qtyNegative, origin, qtyField, `quantity ${qty} is negative: expected 0 or more`));
      if (record[unitField] === null) {
        problems.push(recordProblem('error', RULES.qtyUnitMissing, origin, unitField, `quantity ${qty} has no unit: expected a unit such as 千克 or 双`));
      }
    }
  }
  return problems;
}
