/**
 * The chart stage of `generate`: plan the charts from stats.json (pure), render each to SVG in Node, and refuse
 * an empty one. Charts left out on purpose are reported through `log` with their reason.
 *
 *   1. plan    planCharts(stats, theme): specs, titles, alt texts, omissions
 *   2. render  renderChartSvg(spec): Vega-Lite -> Vega -> headless View -> SVG string
 *   3. check   assertHasMarks(svg, id): an SVG without marks throws EmptyChart and never reaches the PDF
 */
import type { StatsJson } from '../stats/types.js';
import { assertHasMarks } from './assert-has-marks.js';
import { planCharts } from './plan-charts.js';
import { renderChartSvg } from './render-svg.js';
import { DEFAULT_THEME, type Theme } from './theme.js';
import type { Chart } from './types.js';

export interface BuildChartsOptions {
  theme?: Theme;
  /** Receives one line per omitted chart and per rendering warning. */
  log?: (line: string) => void;
}

/**
 * @example const charts = await buildCharts(stats, { log: console.error }) // [{ id: 'trend', title, spec, svg, altText }, …]
 * @throws TradebriefError EmptyChart when a planned chart renders no marks
 */
export async function buildCharts(stats: StatsJson, options: BuildChartsOptions = {}): Promise<Chart[]> {
  const log = options.log ?? (() => undefined);
  const plan = planCharts(stats, options.theme ?? DEFAULT_THEME);
  for (const omitted of plan.omitted) log(`chart "${omitted.id}" left out: ${omitted.reason}`);
  const charts: Chart[] = [];
  // One at a time: rendering is CPU-bound and the order of warnings in the log stays stable.
  for (const planned of plan.charts) {
    const svg = await renderChartSvg(planned.spec, { onWarning: (message) => log(`chart "${planned.id}": ${message}`) });
    assertHasMarks(svg, planned.id);
    charts.push({ ...planned, svg });
  }
  return charts;
}
