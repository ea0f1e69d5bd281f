import type { FocusRankPoint } from './types.js';
import { addMonths } from './month-keys.js';
import { rankByValue, rankIndex } from './rank.js';

/**
 * The focus partner's rank among all partners in each of the `months` months ending with `month`, oldest first.
 * rank is null for a month the data cover without trade with the partner, and for a month they do not cover.
 * @example focusRankHistory(byPartner, '2022-08', '502', 13).at(-1) // { month: '2022-08', rank: 5 }
 */
export function focusRankHistory(
  byMonth: ReadonlyMap<string, ReadonlyMap<string, number>>,
  month: string,
  focusPartner: string,
  months: number,
): FocusRankPoint[] {
  const history: FocusRankPoint[] = [];
  for (let back = months - 1; back >= 0; back -= 1) {
    const key = addMonths(month, -back);
    history.push({ month: key, rank: rankIndex(rankByValue(byMonth.get(key))).get(focusPartner) ?? null });
  }
  return history;
}
