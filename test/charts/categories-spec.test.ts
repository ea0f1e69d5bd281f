import { describe, expect, it } from 'vitest';
import { describeCategories } from '../../src/charts/categories-spec.js';
import { planCharts } from '../../src/charts/plan-charts.js';
import { DEFAULT_THEME } from '../../src/charts/theme.js';
import { augustStats } from './fixtures.js';
import { renderChart } from './render.js';
import { attribute, axisLabels, markItems, markTexts } from './svg-helpers.js';

describe('buildCategoriesSpec()', () => {
  it('leaves out categories with no value in any of the three months', async () => {
    const svg = await renderChart(augustStats(), 'categories');
    const names = axisLabels(svg).find((labels) => labels.includes('Apparel'));
    expect(names).toEqual(['Apparel', 'Christmas goods', 'Toys', 'Socks', 'B2C e-commerce', 'Red dates']);
  });

  it('draws one bar per month with a value, none for a missing comparison', async () => {
    const bars = markItems(await renderChart(augustStats(), 'categories'), 'rect');
    // 6 categories x 3 months, less the missing year-ago e-commerce value.
    expect(bars).toHaveLength(17);
  });

  it('tells the three months apart by lightness: accent, grey, light grey', async () => {
    const fills = markItems(await renderChart(augustStats(), 'categories'), 'rect').map((item) => attribute(item.tag, 'fill'));
    expect(new Set(fills)).toEqual(new Set([DEFAULT_THEME.accent, DEFAULT_THEME.grey, DEFAULT_THEME.lightGrey]));
    expect(fills.filter((fill) => fill === DEFAULT_THEME.accent)).toHaveLength(6);
  });

  it("prints the report month's value for each category", async () => {
    expect(markTexts(await renderChart(augustStats(), 'categories'))).toEqual(['US$9.1m', 'US$4.8m', 'US$2.5m', 'US$1.6m', 'US$3,786', 'US$0']);
  });

  it('is left out when no category has a value', () => {
    const stats = augustStats();
    const empty = stats.categories.map((category) => ({ ...category, valueUsd: 0, prevMonthValueUsd: null, yearAgoValueUsd: 0 }));
    expect(planCharts({ ...stats, categories: empty }).omitted.map((omitted) => omitted.id)).toContain('categories');
  });
});

describe('describeCategories()', () => {
  it('names the leading category against the month before and a year earlier', () => {
    expect(describeCategories(augustStats())).toBe(
      'Grouped bar chart of 6 basket categories in August 2022 against July 2022 and August 2021: apparel leads with US$9.1 million, against US$5.6 million the month before and US$1.6 million a year earlier.',
    );
  });
});
