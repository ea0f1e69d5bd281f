import { describe, expect, it } from 'vitest';
import { assertHasMarks, countMarks } from '../../src/charts/assert-has-marks.js';
import { renderChartSvg } from '../../src/charts/render-svg.js';
import { TradebriefError } from '../../src/errors.js';

const bars =
  '<svg><g class="mark-rect role-mark marks"><path d="M0,0h10v5h-10Z" fill="#1f5f9e"></path><path d="M0,6h4v5h-4Z"></path></g>' +
  '<g class="mark-text role-axis-label"><text>US$20m</text></g></svg>';

describe('countMarks()', () => {
  it('counts the items of each data mark and ignores axis labels', () => {
    expect(countMarks(bars)).toEqual({ rect: 2 });
  });

  it('does not count the white halo drawn under a label', () => {
    const haloed = '<svg><g class="mark-text role-mark report_label_halo_marks"><text>US$56.8m</text></g><g class="mark-text role-mark layer_7_marks"><text>US$56.8m</text></g></svg>';
    expect(countMarks(haloed)).toEqual({ text: 1 });
  });

  it('does not count a line with no geometry or an empty label', () => {
    const blank = '<svg><g class="mark-line role-mark marks"><path d=""></path></g><g class="mark-text role-mark marks"><text></text></g></svg>';
    expect(countMarks(blank)).toEqual({});
  });
});

describe('assertHasMarks()', () => {
  it('returns the number of graphical marks', () => {
    expect(assertHasMarks(bars, 'partners')).toBe(2);
  });

  it('throws EmptyChart (permanent) for a chart with labels only', () => {
    const labelsOnly = '<svg><g class="mark-text role-mark marks"><text>US$56.8m</text></g></svg>';
    expect(() => assertHasMarks(labelsOnly, 'trend')).toThrowError(TradebriefError);
    try {
      assertHasMarks(labelsOnly, 'trend');
    } catch (error) {
      expect(error).toMatchObject({ code: 'EmptyChart', kind: 'permanent' });
      expect((error as Error).message).toContain('"trend"');
    }
  });

  it('catches a real chart rendered from no data', async () => {
    const svg = await renderChartSvg({ width: 200, height: 100, data: { values: [] }, mark: 'bar', encoding: { x: { field: 'v', type: 'quantitative' }, y: { field: 'k', type: 'nominal' } } });
    expect(() => assertHasMarks(svg, 'products')).toThrowError(/rendered no marks/);
  });
});
