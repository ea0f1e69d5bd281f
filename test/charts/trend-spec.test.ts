import { describe, expect, it } from 'vitest';
import { countMarks } from '../../src/charts/assert-has-marks.js';
import { planCharts } from '../../src/charts/plan-charts.js';
import { DEFAULT_THEME } from '../../src/charts/theme.js';
import { describeTrend } from '../../src/charts/trend-spec.js';
import { augustStats, statsWithGaps } from './fixtures.js';
import { renderChart } from './render.js';
import { attribute, axisLabels, markItems, markTexts } from './svg-helpers.js';

/** The path of the focus series: the solid accent line. */
function focusLinePath(svg: string): string {
  const line = markItems(svg, 'line').find((item) => attribute(item.tag, 'stroke') === DEFAULT_THEME.accent);
  return attribute(line?.tag ?? '', 'd') ?? '';
}

const subpaths = (path: string) => path.split('M').length - 1;

describe('buildTrendSpec()', () => {
  it('draws the series as one unbroken line when no month is missing', async () => {
    expect(subpaths(focusLinePath(await renderChart(augustStats(), 'trend')))).toBe(1);
  });

  it('breaks the line at missing months instead of dropping to zero', async () => {
    const complete = await renderChart(augustStats(), 'trend');
    const gappy = await renderChart(statsWithGaps(['2021-02', '2022-03']), 'trend');
    expect(subpaths(focusLinePath(gappy))).toBe(3);
    // The two missing months have no point either.
    expect((countMarks(complete).symbol ?? 0) - (countMarks(gappy).symbol ?? 0)).toBe(2);
  });

  it('keeps a lone month between two gaps visible as a point', async () => {
    const svg = await renderChart(statsWithGaps(['2021-01', '2021-03']), 'trend');
    expect(countMarks(svg).symbol).toBe(25 - 2 + 2);
  });

  it('labels the report month with its value and year-on-year change, and the month a year earlier', async () => {
    const texts = markTexts(await renderChart(augustStats(), 'trend'));
    expect(texts).toEqual(['Aug 2021: US$8.2m', 'Aug 2022: US$56.8m, +592.8% y/y']);
  });

  it('runs a label away from the line that climbs past its point, over a white halo', async () => {
    const svg = await renderChart(augustStats(), 'trend');
    const yearAgoLabel = markItems(svg, 'text').find((item) => item.content === 'Aug 2021: US$8.2m');
    // September 2021 is far higher than July: the label runs left (anchored at its end).
    expect(attribute(yearAgoLabel?.tag ?? '', 'text-anchor')).toBe('end');
    expect(svg).toMatch(/yearAgo_label_halo_marks[^>]*>\s*<text[^>]*stroke="white"/);
  });

  it('says so when the report month itself has no data', async () => {
    const texts = markTexts(await renderChart(statsWithGaps(['2022-08']), 'trend'));
    expect(texts).toEqual(['Aug 2021: US$8.2m', 'Aug 2022: no data']);
  });

  it("draws last year's values as a dashed second line with a legend", async () => {
    const svg = await renderChart(augustStats(), 'trend');
    const dashed = markItems(svg, 'line').filter((item) => attribute(item.tag, 'stroke-dasharray') === '4,3');
    expect(dashed).toHaveLength(1);
    expect(svg).toContain('Same month a year earlier');
  });

  it('labels the value axis in US$ with m suffixes and the time axis by month', async () => {
    const [months, money] = axisLabels(await renderChart(augustStats(), 'trend'));
    expect(money).toContain('US$20m');
    expect(months?.[0]).toBe('Oct 2020');
    expect(months).toContain('Jan 2022');
  });

  it('is left out, with a reason, when no month has a value', () => {
    const stats = augustStats();
    const plan = planCharts({ ...stats, series: stats.series.map((point) => ({ ...point, valueUsd: null })) });
    expect(plan.charts.map((chart) => chart.id)).not.toContain('trend');
    expect(plan.omitted.find((omitted) => omitted.id === 'trend')?.reason).toMatch(/no month/);
  });
});

describe('describeTrend()', () => {
  it('states the window, the month and a year earlier, and the gaps', () => {
    expect(describeTrend(statsWithGaps(['2021-02']))).toBe(
      'Line chart of Xinjiang exports to the United States by month from August 2020 to August 2022: US$56.8 million in August 2022 against US$8.2 million a year earlier; 1 month without data is left as a gap.',
    );
  });
});
