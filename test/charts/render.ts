/** Renders one planned chart of a stats object, failing the test on any Vega warning. */
import { planCharts } from '../../src/charts/plan-charts.js';
import { renderChartSvg } from '../../src/charts/render-svg.js';
import type { ChartId } from '../../src/charts/types.js';
import type { StatsJson } from '../../src/stats/types.js';

export async function renderChart(stats: StatsJson, id: ChartId): Promise<string> {
  const chart = planCharts(stats).charts.find((planned) => planned.id === id);
  if (chart === undefined) throw new Error(`chart "${id}" was not planned`);
  const warnings: string[] = [];
  const svg = await renderChartSvg(chart.spec, { onWarning: (line) => warnings.push(line) });
  if (warnings.length > 0) throw new Error(`chart "${id}" rendered with warnings: ${warnings.join('; ')}`);
  return svg;
}
