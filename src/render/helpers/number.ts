import { withCommas } from '../../narrative/format.js';
import type { Messages } from '../messages/types.js';

/**
 * A count or quantity with thousands separators: whole numbers from 10 up, one decimal below (0.4 kg stays 0.4).
 * @example formatNumber(7_912_306, en) // "7,912,306"
 * @example formatNumber(2.25, en) // "2.3"
 */
export function formatNumber(value: number | null | undefined, messages: Messages): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return messages.missing;
  if (Math.abs(value) >= 10 || Number.isInteger(value)) return withCommas(Math.round(value));
  return withCommas(Math.round(value * 10) / 10);
}
