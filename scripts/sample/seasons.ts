/**
 * Shapes over time: Xinjiang's growth and calendar, the seasons of a few products, and the invented path of
 * Xinjiang's exports to the US. All are design inputs of the synthetic sample, indexed by "YYYY-MM".
 */
export type SeasonId = 'christmas' | 'harvest' | 'tomato' | 'cotton';

/** The months the sample covers, "2020-01" … "2022-09". */
export const SAMPLE_MONTHS: readonly string[] = monthRange('2020-01', '2022-09');

/** "YYYY-MM" months from `first` to `last`, both included. */
export function monthRange(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key === last) return months;
    if (months.length > 1200) throw new Error(`monthRange: ${last} is not after ${first}`);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}

function calendarMonth(month: string): number {
  return Number(month.slice(5, 7));
}

// Chinese New Year dents Jan–Feb; the year ends strong. Index 0 = January.
const XINJIANG_CALENDAR = [0.82, 0.68, 0.92, 0.96, 1.0, 1.03, 1.05, 1.06, 1.08, 1.1, 1.14, 1.22];
// The first Covid wave closed borders and factories for a few months in early 2020.
const SHOCKS: Readonly<Record<string, number>> = { '2020-02': 0.55, '2020-03': 0.72, '2020-04': 0.88 };

/**
 * Multiplier on a partner's base monthly value: ~12 % a year growth from Jan 2020, the calendar, the 2020 shock.
 *
 * @example xinjiangLevel('2020-01') // 0.82
 */
export function xinjiangLevel(month: string): number {
  const [year, calMonth] = month.split('-').map(Number) as [number, number];
  const yearsIn = year - 2020 + (calMonth - 1) / 12;
  return Math.pow(1.12, yearsIn) * (XINJIANG_CALENDAR[calMonth - 1] ?? 1) * (SHOCKS[month] ?? 1);
}

const PRODUCT_SEASONS: Readonly<Record<SeasonId, readonly number[]>> = {
  // Christmas goods ship from early summer to reach shelves by November.
  christmas: [0.12, 0.1, 0.15, 0.3, 0.6, 1.3, 2.4, 3.0, 2.7, 1.9, 0.8, 0.2],
  // Dates, dried fruit and vegetables follow the autumn harvest.
  harvest: [1.2, 1.0, 0.8, 0.6, 0.5, 0.5, 0.6, 0.8, 1.2, 1.6, 1.6, 1.4],
  // Tomato paste is made July–September and shipped through the winter.
  tomato: [0.9, 0.8, 0.9, 0.9, 0.9, 0.9, 1.0, 1.2, 1.3, 1.3, 1.1, 1.0],
  // Raw cotton is picked in autumn and sold through the winter.
  cotton: [1.3, 1.1, 1.1, 0.9, 0.8, 0.7, 0.7, 0.7, 0.8, 1.1, 1.3, 1.4],
};

/** Seasonal multiplier of a product group in a month; 1 for groups without a season. */
export function productSeason(season: SeasonId | undefined, month: string): number {
  if (!season) return 1;
  return PRODUCT_SEASONS[season][calendarMonth(month) - 1] ?? 1;
}

/**
 * Xinjiang → US exports before calibration, US$ million. Invented, with the shape the story needs: low in
 * 2020, a collapse after the January 2021 cotton ban, a spike to a peak in October 2021, a trough in spring
 * 2022 before the UFLPA took effect in June 2022, and a summer rebound. The calibrated months
 * (targets.ts) overwrite their own values.
 */
export const US_PATH_MILLION: Readonly<Record<string, number>> = {
  '2020-01': 9.5, '2020-02': 3.6, '2020-03': 5.8, '2020-04': 8.1, '2020-05': 10.4, '2020-06': 13.9,
  '2020-07': 17.5, '2020-08': 19.8, '2020-09': 22.6, '2020-10': 26.4, '2020-11': 20.1, '2020-12': 15.7,
  '2021-01': 12.2, '2021-02': 7.9, '2021-03': 9.6, '2021-04': 10.8, '2021-05': 11.9, '2021-06': 10.2,
  '2021-07': 9.1, '2021-08': 8.2, '2021-09': 31.5, '2021-10': 64.6, '2021-11': 41.8, '2021-12': 33.4,
  '2022-01': 23.9, '2022-02': 14.2, '2022-03': 11.3, '2022-04': 9.4, '2022-05': 9.9, '2022-06': 8.3,
  '2022-07': 25.0, '2022-08': 56.8, '2022-09': 21.05,
};
