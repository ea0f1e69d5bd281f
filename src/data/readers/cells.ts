/**
 * Cell parsers shared by the readers. They never throw and never guess: a cell is a number, missing, or
 * wrong in a named way, and the reader turns "wrong" into a problem at that file, row and column.
 */

export type NumberCell =
  | { kind: 'number'; value: number }
  | { kind: 'missing' }
  | { kind: 'not-numeric' }
  | { kind: 'not-finite' };

/** GACC writes "?" for a missing value; spreadsheets leave the cell empty. */
export function isMissingCell(raw: string | undefined): boolean {
  if (raw === undefined) return true;
  const text = raw.trim();
  return text === '' || text === '?';
}

// Either plain digits or correctly grouped thousands ("2,709", "10,261,740"); "1,2,3" is neither.
// No nested quantifiers over the same characters, so no catastrophic backtracking on long garbage.
const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const NOT_FINITE = /^[+-]?(?:nan|inf|infinity|#num!|#div\/0!)$/i;

/**
 * Parses a value or quantity cell: thousands separators accepted, "?" and "" are missing.
 *
 * @example
 * parseNumberCell('"10,261,740"'.slice(1, -1)) // { kind: 'number', value: 10261740 }
 * parseNumberCell('1,2,3') // { kind: 'not-numeric' }
 */
export function parseNumberCell(raw: string | undefined): NumberCell {
  if (isMissingCell(raw)) return { kind: 'missing' };
  const text = (raw ?? '').trim();
  if (NOT_FINITE.test(text)) return { kind: 'not-finite' };
  if (!NUMBER.test(text)) return { kind: 'not-numeric' };
  const value = Number(text.replaceAll(',', ''));
  // "1e999" passes the pattern but overflows.
  return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'not-finite' };
}

/**
 * "202601" or "2026-01" -> "2026-01"; anything else -> null. The range (month 13, year 1899) is the
 * validator's business, so a typo is reported with its rule rather than as "not a month".
 *
 * @example
 * normalizeMonth('202601') // '2026-01'
 */
export function normalizeMonth(raw: string | undefined): string | null {
  const match = /^(\d{4})-?(\d{2})$/.exec((raw ?? '').trim());
  return match ? `${match[1]}-${match[2]}` : null;
}

/** A code or unit cell: trimmed text, or null when missing ("?" or empty). */
export function textCell(raw: string | undefined): string | null {
  return isMissingCell(raw) ? null : (raw ?? '').trim();
}

/**
 * A quantity and its unit, with GACC's convention that "0" with unit "?" means "no quantity recorded"
 * (e.g. no second unit): both become null. A non-zero quantity without a unit is kept so the validator
 * can report it (it cannot be summed with anything).
 *
 * @example
 * quantityWithUnit(0, null) // { qty: null, unit: null }
 */
export function quantityWithUnit(qty: number | null, unit: string | null): { qty: number | null; unit: string | null } {
  if (unit === null && (qty === null || qty === 0)) return { qty: null, unit: null };
  return { qty, unit };
}
