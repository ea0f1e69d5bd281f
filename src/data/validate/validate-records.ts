import type { Problem } from '../../errors.js';
import type { RecordOrigin, TradeRecord } from '../record.js';
import type { Reference } from '../reference/types.js';
import { checkCodes } from './check-codes.js';
import { checkCurrency } from './check-currency.js';
import { checkHsCodes } from './check-hs-codes.js';
import { checkIncompleteMonths, DEFAULT_INCOMPLETE_MONTH_RULE, type IncompleteMonthRule } from './check-incomplete-months.js';
import { checkMonths } from './check-months.js';
import { checkValues } from './check-values.js';
import { findDuplicates } from './find-duplicates.js';

export interface ValidationRules {
  /** false turns the rule off; fields left out take DEFAULT_INCOMPLETE_MONTH_RULE's. */
  incompleteMonth?: IncompleteMonthRule | false;
}

/**
 * Runs every record rule over a whole dataset (all files together, so duplicates across files and mixed
 * currencies are caught). Readers have already reported what is wrong inside single cells.
 *
 * Rules, in order: codes (partner/region/regime) · HS code shape · month range and future · values and
 * quantities · duplicate keys · one currency · incomplete months.
 *
 * @example
 * validateRecords(records, origins, { reference, now: new Date('2026-02-10') }) // Problem[]
 */
export function validateRecords(
  records: readonly TradeRecord[],
  origins: readonly RecordOrigin[],
  context: { reference: Reference; now: Date; rules?: ValidationRules },
): Problem[] {
  const incomplete = context.rules?.incompleteMonth;
  return [
    ...checkCodes(records, origins, context.reference),
    ...checkHsCodes(records, origins),
    ...checkMonths(records, origins, context.now),
    ...checkValues(records, origins),
    ...findDuplicates(records, origins),
    ...checkCurrency(records, origins),
    ...(incomplete === false ? [] : checkIncompleteMonths(records, origins, { ...DEFAULT_INCOMPLETE_MONTH_RULE, ...incomplete })),
  ];
}
