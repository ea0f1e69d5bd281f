/**
 * What the chart stage hands to the HTML renderer: one entry per chart that was drawn, each with its
 * Vega-Lite spec (kept for debugging and for the interactive edition), the rendered SVG and an alt text.
 */
import type { TopLevelSpec } from 'vega-lite';

export type ChartId = 'trend' | 'partners' | 'rank-history' | 'categories' | 'products';

export interface Chart {
  id: ChartId;
  /** Heading for the figure, in the report's words ("Top 15 export markets of Xinjiang, August 2022"). */
  title: string;
  spec: TopLevelSpec;
  svg: string;
  /** One sentence describing the chart with its key numbers, for `alt`/`aria-label`. */
  altText: string;
}

/** A chart before rendering: everything but the SVG. */
export type PlannedChart = Omit<Chart, 'svg'>;

/** A chart deliberately left out, and why (logged, never silently dropped). */
export interface OmittedChart {
  id: ChartId;
  reason: string;
}

/** What a chart module gives for one stats object: the chart, or the reason it cannot be drawn. */
export type ChartPlanEntry = PlannedChart | OmittedChart;
