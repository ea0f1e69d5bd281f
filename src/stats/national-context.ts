import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { TradeRecord } from '../data/record.js';
import { pctChange } from './growth.js';
import { addMonths, yearAgo } from './month-keys.js';
import { fillMonths, valueIn, type MonthlyValues } from './monthly-values.js';
import { coveredMonths, forPartner, sumByMonth } from './trade-table.js';
import type { NationalContextStats } from './types.js';

export interface NationalContextInput {
  /** The national series, already scoped to the report's flow (tradeTable with regions null). */
  table: ColumnTable;
  partner: string;
  label: string;
  month: string;
  /** The focus flow's own yoy (headline.yoyPct). */
  focusYoyPct: number | null;
}

/**
 * National context: the country-level yoy for the focus partner, whether the focus flow moved against it
 * ("bucked the trend"), and the last month the national yoy had the same sign ("the first fall since May 2020").
 * @example nationalContext({ table, partner: '502', label: 'China', month: '2022-08', focusYoyPct: 592.8 }).buckedTrend // true
 */
export function nationalContext(input: NationalContextInput): NationalContextStats {
  const values = nationalValues(forPartner(input.table, input.partner));
  const { month } = input;
  const yoyOf = (key: string): number | null => pctChange(valueIn(values, key), valueIn(values, yearAgo(key)));
  const yoyPct = yoyOf(month);
  const sign = yoyPct === null ? null : Math.sign(yoyPct);
  const earliest = [...values.keys()][0] ?? month;

  let lastSameSignMonth: string | null = null;
  let sameSignStreakMonths: number | null = null;
  if (sign !== null) {
    sameSignStreakMonths = 1;
    let streakOpen = true;
    for (let earlier = addMonths(month, -1); earlier >= earliest; earlier = addMonths(earlier, -1)) {
      const earlierYoy = yoyOf(earlier);
      const same = earlierYoy !== null && Math.sign(earlierYoy) === sign;
      if (streakOpen && same) sameSignStreakMonths++;
      else streakOpen = false;
      if (!streakOpen && same) {
        lastSameSignMonth = earlier;
        break;
      }
    }
  }
  const focusSign = input.focusYoyPct === null ? null : Math.sign(input.focusYoyPct);
  return {
    label: input.label,
    partner: input.partner,
    valueUsd: valueIn(values, month),
    yearAgoValueUsd: valueIn(values, yearAgo(month)),
    yoyPct,
    focusYoyPct: input.focusYoyPct,
    buckedTrend: sign === null || focusSign === null || sign === 0 || focusSign === 0 ? null : sign !== focusSign,
    lastSameSignMonth,
    sameSignStreakMonths,
  };
}

/**
 * Monthly totals of a national series. Such files often hold a total line (hsCode null, Comtrade "TOTAL")
 * next to chapter lines; adding them up would count the goods twice, so the total wins, else the coarsest
 * HS level present is summed.
 */
function nationalValues(table: ColumnTable): MonthlyValues {
  const covered = coveredMonths(table);
  const levelOf = (hsCode: string | null): number => (hsCode === null ? 0 : hsCode.length);
  const level = (table.array('hsCode') as (string | null)[]).reduce(
    (min: number, hsCode) => Math.min(min, levelOf(hsCode)),
    Number.POSITIVE_INFINITY,
  );
  const sameLevel = table.filter(aq.escape((d: TradeRecord) => levelOf(d.hsCode) === level));
  return fillMonths(sumByMonth(sameLevel), covered);
}
