import { describe, expect, it } from 'vitest';
import { countMarks } from '../../src/charts/assert-has-marks.js';
import { planCharts } from '../../src/charts/plan-charts.js';
import { describeProducts } from '../../src/charts/products-spec.js';
import { augustStats } from './fixtures.js';
import { renderChart } from './render.js';
import { axisLabels, markTexts } from './svg-helpers.js';

describe('buildProductsSpec()', () => {
  it('draws the top 10 products as bars', async () => {
    expect(countMarks(await renderChart(augustStats(), 'products')).rect).toBe(10);
  });

  it('labels bars with short labels, telling apart codes that share one and cutting long ones', async () => {
    const names = axisLabels(await renderChart(augustStats(), 'products')).find((labels) => labels.includes('Christmas goods'));
    expect(names?.slice(0, 6)).toEqual(['Christmas goods', 'Toys', 'Chairs', 'Weighing machines', 'Socks (611595)', 'Socks (611596)']);
    expect(names).toContain('Vacuum cleaners, other than with…');
  });

  it("prints each product's value and last month's rank", async () => {
    const texts = markTexts(await renderChart(augustStats(), 'products'));
    expect(texts.slice(0, 3)).toEqual(['US$4.8m · prev 1st', 'US$2.5m · prev 2nd', 'US$2.3m · new']);
  });

  it('is left out when the month has no products', () => {
    expect(planCharts({ ...augustStats(), products: [] }).omitted.map((omitted) => omitted.id)).toContain('products');
  });
});

describe('describeProducts()', () => {
  it('names the two leading products and their values', () => {
    expect(describeProducts(augustStats())).toBe(
      'Bar chart of the top 10 products exported to the US in August 2022: Christmas goods leads with US$4.8 million, followed by toys with US$2.5 million.',
    );
  });
});
