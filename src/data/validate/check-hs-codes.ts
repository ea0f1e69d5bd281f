import type { Problem } from '../../errors.js';
import type { RecordOrigin, TradeRecord } from '../record.js';
import { recordProblem, withOrigins } from './record-problem.js';
import { RULES } from './rule-ids.js';

// HS chapters, headings, subheadings and China's 8-digit lines. A 10-digit code is another country's
// tariff line, and an odd length usually means a spreadsheet dropped a leading zero.
const HS_LENGTHS = new Set([2, 4, 6, 8]);
const DIGITS = /^\d+$/;

/** True for "61", "6115", "611596", "61159600"; false for "6115960000", "611A", "702" (lost zero). */
export function isValidHsCode(code: string): boolean {
  return DIGITS.test(code) && HS_LENGTHS.has(code.length);
}

/**
 * HS codes must be 2, 4, 6 or 8 digits.
 *
 * @example
 * checkHsCodes([{ …, hsCode: '702' }], [{ file: 'f.csv', row: 2 }]) // one 'hs.invalid' problem
 */
export function checkHsCodes(records: readonly TradeRecord[], origins: readonly RecordOrigin[]): Problem[] {
  const problems: Problem[] = [];
  for (const [record, origin] of withOrigins(records, origins)) {
    if (record.hsCode === null || isValidHsCode(record.hsCode)) continue;
    const hint = DIGITS.test(record.hsCode) && record.hsCode.length % 2 === 1 ? ' (a leading zero lost in a spreadsheet?)' : '';
    problems.push(recordProblem('error', RULES.hsCodeInvalid, origin, 'hsCode', `HS code "${record.hsCode}" is not 2, 4, 6 or 8 digits${hint}`));
  }
  return problems;
}
