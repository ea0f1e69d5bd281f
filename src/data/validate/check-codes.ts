import type { Problem } from '../../errors.js';
import type { RecordOrigin, TradeRecord } from '../record.js';
import type { Reference } from '../reference/types.js';
import { recordProblem, withOrigins } from './record-problem.js';
import { RULES } from './rule-ids.js';

/**
 * Partner, region and regime codes must be in the GACC code lists: codes are what everything joins on,
 * so an unknown one would silently fall out of every ranking and total.
 *
 * @example
 * checkCodes([{ …, partner: '999' }], [{ file: 'f.csv', row: 2 }], reference)
 * // [{ rule: 'partner.unknown', file: 'f.csv', row: 2, column: 'partner', … }]
 */
export function checkCodes(records: readonly TradeRecord[], origins: readonly RecordOrigin[], reference: Reference): Problem[] {
  const problems: Problem[] = [];
  for (const [record, origin] of withOrigins(records, origins)) {
    if (record.partner !== null && !reference.partners.has(record.partner)) {
      problems.push(recordProblem('error', RULES.partnerUnknown, origin, 'partner', `partner code "${record.partner}" is not in the GACC partner list (expected a 3-digit code such as 502)`));
    }
    if (record.region !== null && !reference.regions.has(record.region)) {
      problems.push(recordProblem('error', RULES.regionUnknown, origin, 'region', `registration-place code "${record.region}" is not in the GACC list (expected a 2-digit province code such as 65)`));
    }
    if (record.regime !== null && !reference.regimes.has(record.regime)) {
      problems.push(recordProblem('error', RULES.regimeUnknown, origin, 'regime', `trade-mode code "${record.regime}" is not in the GACC list (expected a code such as 10)`));
    }
  }
  return problems;
}
