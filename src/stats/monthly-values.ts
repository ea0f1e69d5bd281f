/**
 * A monthly series as the stats read it: a value for every month the data cover (0 when the data cover the
 * month but hold nothing for this key) and no entry for a month the data do not cover. Keeping "no data"
 * (absent) apart from "no trade" (0) is what lets a gap in the files give null instead of a fake fall to zero.
 */
export type MonthlyValues = ReadonlyMap<string, number>;

/**
 * Spreads sparse sums over the months the data cover.
 * @example fillMonths(new Map([['2022-08', 5]]), ['2022-07', '2022-08']) // Map { '2022-07' => 0, '2022-08' => 5 }
 */
export function fillMonths(sums: ReadonlyMap<string, number>, coveredMonths: Iterable<string>): MonthlyValues {
  const filled = new Map<string, number>();
  for (const month of [...coveredMonths].sort()) filled.set(month, sums.get(month) ?? 0);
  return filled;
}

/** The value of a month, or null when the data do not cover it. @example valueIn(new Map([['2022-08', 5]]), '2022-07') // null */
export function valueIn(values: MonthlyValues, month: string): number | null {
  return values.get(month) ?? null;
}
