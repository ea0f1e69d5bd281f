import { describe, expect, it } from 'vitest';
import { nationalContext } from '../../src/stats/national-context.js';
import { tradeTable } from '../../src/stats/trade-table.js';
import { record } from './tiny-reference.js';

/** A national series (region null) with yoy signs: 2020-05 down, then up every month, then 2022-08 down. */
function national(values: Record<string, number>, hsCode: string | null = null) {
  return Object.entries(values).map(([month, value]) => record(month, '502', hsCode, value, { region: null }));
}

const series = national({
  '2019-05': 100, '2019-06': 100, '2019-07': 100, '2019-08': 100,
  '2020-05': 90, '2020-06': 110, '2020-07': 110, '2020-08': 110,
  '2021-05': 95, '2021-06': 120, '2021-07': 120, '2021-08': 120,
  '2022-05': 96, '2022-06': 130, '2022-07': 130, '2022-08': 119,
});

describe('nationalContext()', () => {
  const table = tradeTable(series, { flow: 'export', regions: null });

  it('finds the last month with the same yoy sign: the first fall since May 2020', () => {
    const context = nationalContext({ table, partner: '502', label: 'China', month: '2022-08', focusYoyPct: 592.8 });
    expect(context).toMatchObject({
      valueUsd: 119,
      yearAgoValueUsd: 120,
      yoyPct: -0.8,
      buckedTrend: true,
      lastSameSignMonth: '2020-05',
      sameSignStreakMonths: 1,
    });
  });

  it('counts a run of rises up to a gap in the data, and says the focus flow went the same way', () => {
    const context = nationalContext({ table, partner: '502', label: 'China', month: '2022-07', focusYoyPct: 3 });
    // July, June and May 2022 rose; April is not in the data, so the run stops there. Before the gap, the
    // latest rise is August 2021.
    expect(context).toMatchObject({ yoyPct: 8.3, buckedTrend: false, sameSignStreakMonths: 3, lastSameSignMonth: '2021-08' });
  });

  it('gives nulls when there is no year-ago month', () => {
    const context = nationalContext({ table, partner: '502', label: 'China', month: '2019-08', focusYoyPct: 5 });
    expect(context).toMatchObject({ yoyPct: null, buckedTrend: null, lastSameSignMonth: null, sameSignStreakMonths: null });
  });

  it('uses the total line and does not add the chapter lines to it', () => {
    const withChapters = [
      ...national({ '2021-08': 100, '2022-08': 90 }),
      ...national({ '2021-08': 60, '2022-08': 80 }, '61'),
      ...national({ '2021-08': 40, '2022-08': 10 }, '95'),
    ];
    const context = nationalContext({
      table: tradeTable(withChapters, { flow: 'export', regions: null }),
      partner: '502',
      label: 'China',
      month: '2022-08',
      focusYoyPct: null,
    });
    expect(context).toMatchObject({ valueUsd: 90, yoyPct: -10, buckedTrend: null });
  });
});
