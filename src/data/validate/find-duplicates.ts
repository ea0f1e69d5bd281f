import type { Problem } from '../../errors.js';
import type { RecordOrigin, TradeRecord } from '../record.js';
import { currencyOf } from './check-currency.js';
import { recordProblem, withOrigins } from './record-problem.js';
import { RULES } from './rule-ids.js';

/**
 * The identity of a canonical row (DESIGN.md "Data model"). The currency is part of it so that a USD and a
 * CNY download of the same query are reported once, as mixed currencies, not row by row as duplicates.
 */
export function recordKey(record: TradeRecord): string {
  // \u0001 cannot occur in a code, so distinct keys never collide; null and "" stay distinct.
  return [record.month, record.flow, record.region, record.partner, record.hsCode, record.regime, currencyOf(record)]
    .map((part) => (part === null ? '\u0000' : part))
    .join('\u0001');
}

/**
 * Rows with the same (month, flow, region, partner, HS code, regime) would be counted twice. Each repeat is
 * reported at its own row and names the first one (often an overlapping second download).
 *
 * @example
 * findDuplicates([a, a], [{ file: 'f.csv', row: 2 }, { file: 'g.csv', row: 7 }])
 * // [{ rule: 'row.duplicate', file: 'g.csv', row: 7, message: '… same key as f.csv:2 …' }]
 */
export function findDuplicates(records: readonly TradeRecord[], origins: readonly RecordOrigin[]): Problem[] {
  const problems: Problem[] = [];
  const firstSeen = new Map<string, RecordOrigin>();
  for (const [record, origin] of withOrigins(records, origins)) {
    const key = recordKey(record);
    const first = firstSeen.get(key);
    if (first === undefined) {
      firstSeen.set(key, origin);
      continue;
    }
    const what = [
      record.month,
      record.flow,
      `region ${record.region ?? 'all'}`,
      `partner ${record.partner ?? 'all'}`,
      `HS ${record.hsCode ?? 'all'}`,
      `regime ${record.regime ?? 'all'}`,
    ].join(', ');
    problems.push(recordProblem('error', RULES.rowDuplicate, origin, undefined, `duplicate row: same key (${what}) as ${first.file}:${first.row}`));
  }
  return problems;
}
