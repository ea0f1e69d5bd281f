/**
 * Growth rates the way a trade reporter quotes them. A missing or zero base gives null, never NaN or
 * Infinity: "up 592.8 per cent" needs a year-ago value to be up from.
 */

/** Rounds to one decimal, the precision stats.json keeps for percentages and shares. @example round1(592.849) // 592.8 */
export function round1(value: number): number {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/**
 * Percentage change from `base` to `current`, rounded to one decimal; null when either is missing or the base is zero.
 * @example pctChange(56.8, 8.2) // 592.7
 */
export function pctChange(current: number | null | undefined, base: number | null | undefined): number | null {
  if (current === null || current === undefined || base === null || base === undefined || base === 0) return null;
  return round1(((current - base) / Math.abs(base)) * 100);
}

/**
 * How many times `base` fits into `current`, at full precision; null when either is missing or the base is zero.
 * @example ratio(6.9, 1) // 6.9
 */
export function ratio(current: number | null | undefined, base: number | null | undefined): number | null {
  if (current === null || current === undefined || base === null || base === undefined || base === 0) return null;
  return current / base;
}

/** Share of a total in per cent, one decimal; null on a zero total. @example sharePct(5, 20) // 25 */
export function sharePct(part: number, total: number): number | null {
  if (total === 0) return null;
  return round1((part / total) * 100);
}
