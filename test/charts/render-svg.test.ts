import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../src/charts/render-svg.js';

describe('renderChartSvg()', () => {
  it('renders a Vega-Lite spec to an SVG string in Node', async () => {
    const svg = await renderChartSvg({ width: 200, height: 100, data: { values: [{ k: 'a', v: 3 }] }, mark: 'bar', encoding: { x: { field: 'v', type: 'quantitative' }, y: { field: 'k', type: 'nominal' } } });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('class="mark-rect role-mark');
  });

  it('refuses to load data from a URL', async () => {
    await expect(renderChartSvg({ data: { url: 'https://example.com/data.json' }, mark: 'bar', encoding: { x: { field: 'v', type: 'quantitative' } } })).rejects.toThrowError(/inline data only/);
  });

  it('reports compile warnings instead of swallowing them', async () => {
    const warnings: string[] = [];
    await renderChartSvg({ data: { values: [{ v: 1 }] }, mark: 'bar', encoding: { x: { field: 'v', type: 'quantitative', aggregate: 'no-such-op' as 'sum' } } }, { onWarning: (line) => warnings.push(line) });
    expect(warnings.join('\n')).toMatch(/no-such-op/);
  });
});
