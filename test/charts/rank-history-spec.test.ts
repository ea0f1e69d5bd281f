import { describe, expect, it } from 'vitest';
import { countMarks } from '../../src/charts/assert-has-marks.js';
import { planCharts } from '../../src/charts/plan-charts.js';
import { describeRankHistory } from '../../src/charts/rank-history-spec.js';
import { DEFAULT_THEME } from '../../src/charts/theme.js';
import { augustStats } from './fixtures.js';
import { renderChart } from './render.js';
import { attribute, axisLabels, markItems, markTexts } from './svg-helpers.js';

/** The vertical position of each rank point, in data order. */
function pointYs(svg: string): number[] {
  return markItems(svg, 'symbol').map((item) => Number(/translate\([^,]+,([^)]+)\)/.exec(attribute(item.tag, 'transform') ?? '')?.[1]));
}

describe('buildRankHistorySpec()', () => {
  it('puts rank 1 at the top: a better rank is drawn higher', async () => {
    // Ranked months: 12, 10, 14, 11, 9, 13, 12, 15, 11, 10, 12, 5 (one month without trade).
    const ys = pointYs(await renderChart(augustStats(), 'rank-history'));
    expect(ys).toHaveLength(12);
    const [rank5, rank9, rank15] = [ys[11], ys[4], ys[7]];
    expect(rank5).toBeLessThan(rank9!);
    expect(rank9).toBeLessThan(rank15!);
    expect(axisLabels(await renderChart(augustStats(), 'rank-history'))[1]).toEqual(['1st', '5th', '10th', '15th']);
  });

  it('breaks the line at a month without trade and labels every ranked month', async () => {
    const svg = await renderChart(augustStats(), 'rank-history');
    const path = attribute(markItems(svg, 'line')[0]?.tag ?? '', 'd') ?? '';
    expect(path.split('M').length - 1).toBe(2);
    expect(markTexts(svg).filter((text) => text === '5th')).toHaveLength(1);
    expect(countMarks(svg).text).toBe(12);
  });

  it('marks the report month in the accent', async () => {
    const svg = await renderChart(augustStats(), 'rank-history');
    const fills = markItems(svg, 'symbol').map((item) => attribute(item.tag, 'fill'));
    expect(fills.filter((fill) => fill === DEFAULT_THEME.accent)).toHaveLength(1);
    expect(fills[11]).toBe(DEFAULT_THEME.accent);
  });

  it('is left out, with a reason, when the stats carry no rank history', () => {
    const { focusRankHistory: _dropped, ...stats } = augustStats();
    const plan = planCharts(stats);
    expect(plan.charts.map((chart) => chart.id)).not.toContain('rank-history');
    expect(plan.omitted).toContainEqual({ id: 'rank-history', reason: 'the stats carry no focusRankHistory' });
  });

  it('is left out when the focus partner was never ranked', () => {
    const stats = augustStats();
    const plan = planCharts({ ...stats, focusRankHistory: stats.focusRankHistory?.map((point) => ({ ...point, rank: null })) });
    expect(plan.omitted.map((omitted) => omitted.id)).toContain('rank-history');
  });
});

describe('describeRankHistory()', () => {
  it('gives the first and last rank with their months', () => {
    expect(describeRankHistory(augustStats())).toBe("Line chart of the US's rank among Xinjiang's export markets from August 2021 (12th) to August 2022 (5th).");
  });
});
