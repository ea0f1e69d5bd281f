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

/**
 * The first of rankByValue(values), found in one pass instead of a sort (a month's top product, every month).
 * @example topByValue(new Map([['b', 5], ['a', 9]])) // { key: 'a', value: 9, rank: 1 }
 */
export function topByValue(values: ReadonlyMap<string, number> | undefined): Ranked | undefined {
  let top: { key: string; value: number } | undefined;
  for (const [key, value] of values ?? []) {
    if (!(value > 0)) continue;
    if (top === undefined || value > top.value || (value === top.value && key < top.key)) top = { key, value };
  }
  return top === undefined ? undefined : { ...top, rank: 1 };
}

/** Rank of each key, for looking up last month's place. @example rankIndex(rankByValue(m)).get('502') // 12 */
export function rankIndex(ranked: readonly Ranked[]): Map<string, number> {
  return new Map(ranked.map((entry) => [entry.key, entry.rank]));
}
