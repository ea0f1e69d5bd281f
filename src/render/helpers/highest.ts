import type { Messages } from '../messages/types.js';

/**
 * "The most in N months" in words, from stats' highestInMonths/highestSince (DESIGN.md definitions): a window of
 * one month says nothing, so it prints as missing; no higher earlier month in the data reads "highest on record".
 * @example formatHighest(10, '2021-10', en) // "highest in 10 months"
 * @example formatHighest(33, null, en) // "highest on record"
 * @example formatHighest(1, '2022-07', en) // "–"
 */
export function formatHighest(
  highestInMonths: number | null | undefined,
  highestSince: string | null | undefined,
  messages: Messages,
): string {
  if (highestInMonths === null || highestInMonths === undefined || highestInMonths < 2) return messages.missing;
  if (highestSince === null || highestSince === undefined) return messages.highestOnRecord;
  return messages.highestInMonths(highestInMonths);
}
