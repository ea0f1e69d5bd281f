import { withCommas } from '../../narrative/format.js';
import type { Messages } from '../messages/types.js';

/**
 * A percentage change with its sign and one decimal, as stats.json holds it (592.8 means +592.8 %).
 * The minus is U+2212, the typographic minus, so it is as wide as the plus and lines up in a table.
 * @example formatPercent(592.8, en) // "+592.8 %" (narrow no-break space before %)
 * @example formatPercent(-3.8, en) // "−3.8 %"
 * @example formatPercent(null, en) // "–"
 */
export function formatPercent(value: number | null | undefined, messages: Messages): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return messages.missing;
  // Always one decimal (127.0, not 127) so a column of changes lines up on the point.
  const [whole = '0', decimal = '0'] = Math.abs(value).toFixed(1).split('.');
  const digits = `${withCommas(Number(whole))}.${decimal}`;
  const sign = digits === '0.0' ? '' : value > 0 ? '+' : '\u2212';
  return messages.percent(`${sign}${digits}`);
}

/**
 * A share of a total: one decimal, no sign.
 * @example formatShare(30.3, en) // "30.3 %"
 */
export function formatShare(value: number | null | undefined, messages: Messages): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return messages.missing;
  return formatPercent(Math.abs(value), messages).replace('+', '');
}
