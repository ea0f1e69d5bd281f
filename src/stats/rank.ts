/**
 * Ranking by value: 1 = largest, ties broken by code so the order never depends on input order.
 * Zero values are not ranked: "fifth biggest partner" needs some trade to be a partner at all.
 */
export interface Ranked {
  key: string;
  value: number;
  rank: number;
}

/** @example rankByValue(new Map([['b', 5], ['a', 5], ['c', 9]])) // [{key:'c',rank:1}, {key:'a',rank:2}, {key:'b',rank:3}] */
export function rankByValue(values: ReadonlyMap<string, number> | undefined): Ranked[] {
  if (values === undefined) return [];
  return [...values]
    .filter(([, value]) => value > 0)
    .sort(([keyA, valueA], [keyB, valueB]) => valueB - valueA || (keyA < keyB ? -1 : keyA > keyB ? 1 : 0))
    .map(([key, value], index) => ({ key, value, rank: index + 1 }));
}

/** Rank of each key, for looking up last month's place. @example rankIndex(rankByValue(m)).get('502') // 12 */
export function rankIndex(ranked: readonly Ranked[]): Map<string, number> {
  return new Map(ranked.map((entry) => [entry.key, entry.rank]));
}
