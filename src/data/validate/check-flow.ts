import type { Problem } from '../../errors.js';
import type { Flow, RecordOrigin, TradeRecord } from '../record.js';
import { recordProblem, withOrigins } from './record-problem.js';
import { RULES } from './rule-ids.js';

/**
 * Rows of another flow than the one the file was given as (canonical and Comtrade files carry a flow per row).
 *
 * @example
 * checkFlow([{ …, flow: 'import' }], [{ file: 'f.csv', row: 2 }], 'export') // one 'flow.mixed' problem
 */
export function checkFlow(records: readonly TradeRecord[], origins: readonly RecordOrigin[], expected: Flow): Problem[] {
  const problems: Problem[] = [];
  for (const [record, origin] of withOrigins(records, origins)) {
    if (record.flow !== expected) {
      problems.push(recordProblem('error', RULES.flowMixed, origin, 'flow', `row is ${record.flow} but the file was given as ${expected}`));
    }
  }
  return problems;
}
