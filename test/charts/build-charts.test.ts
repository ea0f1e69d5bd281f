import { describe, expect, it } from 'vitest';
import { assertHasMarks } from '../../src/charts/assert-has-marks.js';
import { buildCharts } from '../../src/charts/build-charts.js';
import { augustStats, statsWithoutFocusTrade } from './fixtures.js';

describe('buildCharts()', () => {
  it('builds the five charts of the flagship month, each with a title, alt text and a non-empty SVG', async () => {
    const log: string[] = [];
    const charts = await buildCharts(augustStats(), { log: (line) => log.push(line) });
    expect(charts.map((chart) => chart.id)).toEqual(['trend', 'partners', 'rank-history', 'categories', 'products']);
    for (const chart of charts) {
      expect(chart.title.length).toBeGreaterThan(0);
      expect(chart.altText).toMatch(/^[A-Z].*\.$/);
      expect(assertHasMarks(chart.svg, chart.id)).toBeGreaterThan(0);
      expect(chart.svg).toMatch(/^<svg[^>]* width="640"/);
    }
    expect(log).toEqual([]);
  });

  it('gives byte-identical SVGs for the same stats, in any time zone', async () => {
    const first = await buildCharts(augustStats());
    const second = await buildCharts(augustStats());
    const zone = process.env.TZ;
    process.env.TZ = 'Pacific/Auckland';
    try {
      const third = await buildCharts(augustStats());
      expect(second.map((chart) => chart.svg)).toEqual(first.map((chart) => chart.svg));
      expect(third.map((chart) => chart.svg)).toEqual(first.map((chart) => chart.svg));
    } finally {
      process.env.TZ = zone;
    }
  });

  it('writes SVGs with no script and no external reference', async () => {
    for (const chart of await buildCharts(augustStats())) {
      expect(chart.svg).not.toMatch(/<script/i);
      expect(chart.svg).not.toMatch(/\shref="(?!#)/);
      expect(chart.svg).not.toMatch(/url\((?!#)/);
      // Only the two namespace declarations may name a URL.
      expect(chart.svg.match(/https?:\/\//g)).toEqual(['http://', 'http://']);
      // No ids either: several charts are inlined in one HTML page, where ids would have to be unique.
      expect(chart.svg).not.toMatch(/\sid="/);
    }
  });

  it('still draws the month without focus-partner trade, leaving out only what has nothing to show, with a reason', async () => {
    const log: string[] = [];
    const charts = await buildCharts(statsWithoutFocusTrade(), { log: (line) => log.push(line) });
    expect(charts.map((chart) => chart.id)).toEqual(['trend', 'partners', 'rank-history', 'categories']);
    expect(log).toEqual(['chart "products" left out: no product traded with the US in August 2022']);
    for (const chart of charts) expect(assertHasMarks(chart.svg, chart.id)).toBeGreaterThan(0);
    expect(charts.find((chart) => chart.id === 'trend')?.altText).toContain('no data for August 2022');
  });

  it('leaves out a trend with no value at all instead of drawing an empty chart', async () => {
    const stats = augustStats();
    const charts = await buildCharts({ ...stats, series: stats.series.map((point) => ({ ...point, valueUsd: null })) });
    expect(charts.map((chart) => chart.id)).not.toContain('trend');
  });
});
