/**
 * Reads a stats field by the path a sentence lists in `uses` ("headline.valueUsd", "partners[4].rank"),
 * so a test or a reviewer can put every number of the narrative next to its source.
 */

/** @example statsValue({ partners: [{ rank: 1 }] }, 'partners[0].rank') // 1 */
export function statsValue(stats: unknown, path: string): unknown {
  let current: unknown = stats;
  for (const segment of path.match(/[^.[\]]+/g) ?? []) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
