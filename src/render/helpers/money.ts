import type { Messages } from '../messages/types.js';

/**
 * A US-dollar figure as the report's locale prints it; the dash for a missing one. The English rules are the
 * narrative's own (src/narrative/format.ts), so the tables and the sentences never disagree.
 * @example formatMoney(56_803_412, en) // "US$56.8 million"
 * @example formatMoney(3786, en) // "US$3,786"
 * @example formatMoney(null, en) // "–"
 */
export function formatMoney(valueUsd: number | null | undefined, messages: Messages): string {
  if (valueUsd === null || valueUsd === undefined || !Number.isFinite(valueUsd)) return messages.missing;
  return messages.money(valueUsd);
}
