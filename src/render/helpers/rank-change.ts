import type { Messages } from '../messages/types.js';
import { formatOrdinal } from './ordinal.js';

/**
 * How a rank moved since last month. A smaller number is a better rank, so 5 after 12 is "up".
 * @example formatRankChange(5, 12, en) // "up from 12th"
 * @example formatRankChange(4, 3, en) // "down from 3rd"
 * @example formatRankChange(2, 2, en) // "unchanged"
 * @example formatRankChange(9, null, en) // "new"
 */
export function formatRankChange(rank: number | null | undefined, prevRank: number | null | undefined, messages: Messages): string {
  if (rank === null || rank === undefined) return messages.missing;
  if (prevRank === null || prevRank === undefined) return messages.newEntry;
  if (rank === prevRank) return messages.unchanged;
  const previous = formatOrdinal(prevRank, messages);
  return rank < prevRank ? messages.upFrom(previous) : messages.downFrom(previous);
}
