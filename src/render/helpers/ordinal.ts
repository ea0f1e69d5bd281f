import type { Messages } from '../messages/types.js';

/**
 * A rank as an ordinal in the report's locale.
 * @example formatOrdinal(21, en) // "21st"
 * @example formatOrdinal(5, zh) // "第5位"
 */
export function formatOrdinal(rank: number | null | undefined, messages: Messages): string {
  if (rank === null || rank === undefined || !Number.isInteger(rank) || rank < 1) return messages.missing;
  return messages.ordinal(rank);
}
