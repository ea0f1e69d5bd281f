/**
 * Chart 4, the basket: each category this month, last month and a year ago as grouped horizontal bars. The
 * report month is the accent, last month mid grey, a year ago light grey (three lightness steps, readable in
 * greyscale), with a legend on top and the report month's value printed after its bar. Categories with no value
 * in any of the three months are left out; a missing comparison (null) draws no bar.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatUsd, monthYear } from '../narrative/format.js';
import { addMonths, yearAgo } from '../stats/month-keys.js';
import type { CategoryStats, StatsJson } from '../stats/types.js';
import { capitalize } from '../narrative/format.js';
import { formatUsdShort, shortMonth, truncateLabel, uniqueLabels } from './labels.js';
import { categoryAxisWidth, roomForLabels } from './room-for-labels.js';
import { moneyLabelExpr, themeConfig, type Theme } from './theme.js';

const GROUP_STEP = 30;
const AXIS_AND_LEGEND_HEIGHT = 52;
const MAX_LABEL_CHARS = 24;

function hasValue(value: number | null): value is number {
  return value !== null && value > 0;
}

/** The categories drawn, in the stats' rank order. */
export function chartedCategories(stats: StatsJson): CategoryStats[] {
  return stats.categories.filter((category) => hasValue(category.valueUsd) || hasValue(category.prevMonthValueUsd) || hasValue(category.yearAgoValueUsd));
}

/**
 * @example buildCategoriesSpec(stats, DEFAULT_THEME) // apparel: Aug 2022 US$9.1m, Jul 2022, Aug 2021 bars …
 */
export function buildCategoriesSpec(stats: StatsJson, theme: Theme): TopLevelSpec {
  const categories = chartedCategories(stats);
  const names = uniqueLabels(categories.map((category) => ({ label: truncateLabel(capitalize(category.label), MAX_LABEL_CHARS), key: category.id })));
  const periods = [shortMonth(stats.month), shortMonth(addMonths(stats.month, -1)), shortMonth(yearAgo(stats.month))];
  const [thisMonth = '', lastMonth = '', aYearAgo = ''] = periods;
  const rows = categories.flatMap((category, index) => {
    const name = names[index] ?? capitalize(category.label);
    return [
      { name, period: thisMonth, valueUsd: category.valueUsd },
      { name, period: lastMonth, valueUsd: category.prevMonthValueUsd },
      { name, period: aYearAgo, valueUsd: category.yearAgoValueUsd },
    ].filter((row): row is { name: string; period: string; valueUsd: number } => row.valueUsd !== null);
  });
  // The report month's value sits level with its bar but after the group's longest bar, clear of all three.
  const labels = categories.map((category, index) => ({
    name: names[index] ?? capitalize(category.label),
    period: thisMonth,
    valueUsd: Math.max(category.valueUsd, category.prevMonthValueUsd ?? 0, category.yearAgoValueUsd ?? 0),
    label: formatUsdShort(category.valueUsd),
    bold: true,
  }));
  const axisWidth = categoryAxisWidth(labels.map((row) => row.name), theme.fontSize);
  const xMax = roomForLabels(labels, { width: theme.width, fontSize: theme.fontSize, axisWidth });

  const x = { field: 'valueUsd', type: 'quantitative' as const, scale: { domain: [0, xMax], nice: false }, axis: { title: null, labelExpr: moneyLabelExpr(), tickCount: 4 } };
  const yOffset = { field: 'period', type: 'nominal' as const, sort: periods, scale: { domain: periods, paddingInner: 0.05 } };
  const y = {
    field: 'name',
    type: 'nominal' as const,
    sort: null,
    axis: { title: null, ticks: false, domain: false, labelPadding: 6, labelLimit: 0, minExtent: axisWidth, maxExtent: axisWidth },
  };

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: theme.width,
    height: categories.length * GROUP_STEP + AXIS_AND_LEGEND_HEIGHT,
    config: themeConfig(theme),
    layer: [
      {
        data: { values: rows },
        mark: { type: 'bar' },
        encoding: {
          y,
          yOffset,
          x,
          color: {
            field: 'period',
            type: 'nominal',
            scale: { domain: periods, range: [theme.accent, theme.grey, theme.lightGrey] },
            legend: { title: null, orient: 'top', symbolType: 'square', labelLimit: 200 },
          },
        },
      },
      {
        data: { values: labels },
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4, color: theme.accent, fontWeight: 'bold' },
        encoding: { y, yOffset, x, text: { field: 'label' } },
      },
    ],
  };
}

/** One sentence for the basket chart's alt text. */
export function describeCategories(stats: StatsJson): string {
  const categories = chartedCategories(stats);
  const leader = categories[0];
  const opening = `Grouped bar chart of ${categories.length} basket categor${categories.length === 1 ? 'y' : 'ies'} in ${monthYear(stats.month)} against ${monthYear(addMonths(stats.month, -1))} and ${monthYear(yearAgo(stats.month))}`;
  if (leader === undefined) return `${opening}.`;
  const comparisons = [
    leader.prevMonthValueUsd === null ? null : `${formatUsd(leader.prevMonthValueUsd)} the month before`,
    leader.yearAgoValueUsd === null ? null : `${formatUsd(leader.yearAgoValueUsd)} a year earlier`,
  ].filter((part): part is string => part !== null);
  return `${opening}: ${leader.label} leads with ${formatUsd(leader.valueUsd)}${comparisons.length === 0 ? '' : `, against ${comparisons.join(' and ')}`}.`;
}
