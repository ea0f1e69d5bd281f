/**
 * Chart 1, the trend: the focus flow month by month over the history window (stats.series), the report month
 * marked in the accent and labelled, the same month a year earlier marked in grey, and last year's values drawn
 * as a dashed line offset by 12 months so the year-on-year gap can be read off at every month.
 * Months the data do not cover (valueUsd null) break the line: a gap, never a drop to zero.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatUsd, monthYear } from '../narrative/format.js';
import { addMonths, yearAgo } from '../stats/month-keys.js';
import type { StatsJson } from '../stats/types.js';
import { formatChangeShort, formatUsdShort, monthStartUtc, shortMonth } from './labels.js';
import { moneyLabelExpr, themeConfig, type Theme } from './theme.js';

interface TrendRow {
  month: string;
  /** Which line the row belongs to (the legend entry). */
  series: string;
  t: number;
  valueUsd: number | null;
  /** The value twelve months before, drawn at this month. */
  yearEarlierUsd: number | null;
}

const HEIGHT = 240;
const MONTHLY = 'Monthly value';
const YEAR_EARLIER = 'Same month a year earlier';

function trendRows(stats: StatsJson): TrendRow[] {
  const byMonth = new Map(stats.series.map((point) => [point.month, point.valueUsd]));
  return stats.series.map((point) => ({
    month: point.month,
    series: MONTHLY,
    t: monthStartUtc(point.month),
    valueUsd: point.valueUsd,
    yearEarlierUsd: byMonth.get(addMonths(point.month, -12)) ?? null,
  }));
}

/**
 * Where a marked month's label goes: below the point when the line rises away from it on every side (a trough),
 * where a label above would sit on the line; above otherwise, and always above a point near the axis.
 */
function labelGoesBelow(rows: readonly TrendRow[], row: TrendRow): boolean {
  const index = rows.indexOf(row);
  const value = row.valueUsd;
  if (value === null) return false;
  const max = Math.max(...rows.map((other) => other.valueUsd ?? 0));
  const neighbours = [rows[index - 1]?.valueUsd, rows[index + 1]?.valueUsd].filter((other): other is number => typeof other === 'number');
  return neighbours.length > 0 && neighbours.every((other) => other > value) && value > 0.15 * max;
}

/**
 * Which way a marked month's label runs from its point: towards the lower neighbour, away from the line that
 * climbs past it. The report month, at the right edge, always runs leftwards.
 */
function labelAlign(rows: readonly TrendRow[], row: TrendRow): 'left' | 'right' {
  const index = rows.indexOf(row);
  const after = rows[index + 1]?.valueUsd;
  if (after === undefined || after === null) return 'right';
  const before = rows[index - 1]?.valueUsd ?? null;
  return before === null || after < before ? 'left' : 'right';
}

/** True when the trend has something to draw: at least one month with a value. */
export function hasTrend(stats: StatsJson): boolean {
  return stats.series.some((point) => point.valueUsd !== null);
}

/**
 * @example const spec = buildTrendSpec(stats, DEFAULT_THEME) // line chart, Aug 2022 marked "Aug 2022: US$56.8m, +592.8% y/y"
 */
export function buildTrendSpec(stats: StatsJson, theme: Theme): TopLevelSpec {
  const rows = trendRows(stats);
  const firstMonth = stats.series[0]?.month;
  // Last year's line only where the series reaches back twelve months.
  const yearEarlierRows = rows
    .filter((row) => firstMonth !== undefined && addMonths(row.month, -12) >= firstMonth)
    .map((row) => ({ ...row, series: YEAR_EARLIER }));
  const reportRow = rows.find((row) => row.month === stats.month && row.valueUsd !== null);
  const yearAgoRow = rows.find((row) => row.month === yearAgo(stats.month) && row.valueUsd !== null);

  const x = {
    field: 't',
    type: 'temporal' as const,
    scale: { type: 'utc' as const, nice: false },
    axis: {
      title: null,
      tickCount: { interval: 'month' as const, step: 3 },
      grid: false,
      // "Oct" on every tick, the year under it on the first tick and on each January: short enough for 25 months.
      labelExpr: "datum.index === 0 || utcmonth(datum.value) === 0 ? [utcFormat(datum.value, '%b'), utcFormat(datum.value, '%Y')] : utcFormat(datum.value, '%b')",
      labelOverlap: false,
    },
  };
  // One legend for both lines, told apart by lightness and dash as well as hue (greyscale print).
  const domain = yearEarlierRows.length === 0 ? [MONTHLY] : [MONTHLY, YEAR_EARLIER];
  const lineLegend = {
    type: 'nominal' as const,
    scale: { domain, range: [theme.accent, theme.grey] },
    legend: yearEarlierRows.length === 0 ? null : { title: null, orient: 'top' as const, symbolType: 'stroke', symbolStrokeWidth: 2, labelLimit: 400 },
  };
  const dashLegend = { type: 'nominal' as const, scale: { domain, range: [[1, 0], [4, 3]] }, legend: lineLegend.legend };
  const y = { type: 'quantitative' as const, axis: { title: null, labelExpr: moneyLabelExpr(), tickCount: 5 } };

  const reportLabel =
    reportRow === undefined
      ? null
      : [`${shortMonth(reportRow.month)}: ${formatUsdShort(reportRow.valueUsd ?? 0)}`, ...(stats.headline.yoyPct === null ? [] : [`${formatChangeShort(stats.headline.yoyPct)} y/y`])].join(', ');
  const yearAgoLabel = yearAgoRow === undefined ? null : `${shortMonth(yearAgoRow.month)}: ${formatUsdShort(yearAgoRow.valueUsd ?? 0)}`;

  /** A marked month: a point and its label, drawn over the lines. */
  const highlight = (row: TrendRow, label: string, role: 'report' | 'yearAgo') => {
    const isReport = role === 'report';
    const below = labelGoesBelow(rows, row);
    const align = labelAlign(rows, row);
    const text = {
      data: { values: [{ ...row, label }] },
      mark: {
        type: 'text' as const,
        baseline: below ? ('top' as const) : ('bottom' as const),
        dy: below ? 9 : -9,
        align,
        dx: align === 'right' ? 4 : -4,
        fontWeight: 'bold' as const,
        color: isReport ? theme.accent : theme.muted,
      },
      encoding: { x, y: { ...y, field: 'valueUsd' }, text: { field: 'label' } },
    };
    return [
      {
        data: { values: [row] },
        mark: {
          type: 'point' as const,
          filled: true,
          size: 70,
          strokeWidth: 2,
          fill: isReport ? theme.accent : 'white',
          stroke: isReport ? theme.accent : theme.muted,
          opacity: 1,
        },
        encoding: { x, y: { ...y, field: 'valueUsd' } },
      },
      // A white halo under the label keeps it legible where the line runs behind it.
      { ...text, name: `${role}_label_halo`, mark: { ...text.mark, color: 'white', stroke: 'white', strokeWidth: 4, strokeJoin: 'round' as const } },
      text,
    ];
  };

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: theme.width,
    height: HEIGHT,
    config: themeConfig(theme),
    layer: [
      ...(yearEarlierRows.length === 0
        ? []
        : [
            {
              data: { values: yearEarlierRows },
              mark: { type: 'line' as const, strokeWidth: 1.5, invalid: 'break-paths-filter-domains' as const },
              encoding: { x, y: { ...y, field: 'yearEarlierUsd' }, color: { field: 'series', ...lineLegend }, strokeDash: { field: 'series', ...dashLegend } },
            },
          ]),
      {
        data: { values: rows },
        mark: {
          type: 'line',
          strokeWidth: 2,
          // A lone month between two gaps has no segment to draw: the point keeps it visible.
          point: { filled: true, size: 16, color: theme.accent },
          invalid: 'break-paths-filter-domains',
        },
        encoding: { x, y: { ...y, field: 'valueUsd' }, color: { field: 'series', ...lineLegend }, strokeDash: { field: 'series', ...dashLegend } },
      },
      ...(yearAgoRow === undefined || yearAgoLabel === null ? [] : highlight(yearAgoRow, yearAgoLabel, 'yearAgo')),
      ...(reportRow === undefined || reportLabel === null ? [] : highlight(reportRow, reportLabel, 'report')),
      // A report month without data is said, at the top right where its label would be, not left to guesswork.
      ...(reportRow !== undefined || !rows.some((row) => row.month === stats.month)
        ? []
        : [
            {
              data: { values: [{ t: monthStartUtc(stats.month), label: `${shortMonth(stats.month)}: no data` }] },
              mark: { type: 'text' as const, align: 'right' as const, baseline: 'top' as const, fontWeight: 'bold' as const, color: theme.muted },
              encoding: { x, y: { value: 0 }, text: { field: 'label' } },
            },
          ]),
    ],
  };
}

/** One sentence for the trend chart's alt text. */
export function describeTrend(stats: StatsJson): string {
  const first = stats.series[0]?.month ?? stats.month;
  const last = stats.series[stats.series.length - 1]?.month ?? stats.month;
  const gaps = stats.series.filter((point) => point.valueUsd === null).length;
  const value = stats.headline.valueUsd;
  const yearAgoValue = stats.headline.yearAgoValueUsd;
  const headline =
    value === null
      ? `no data for ${monthYear(stats.month)}`
      : `${formatUsd(value)} in ${monthYear(stats.month)}` + (yearAgoValue === null ? '' : ` against ${formatUsd(yearAgoValue)} a year earlier`);
  const gapNote = gaps === 0 ? '' : gaps === 1 ? '; 1 month without data is left as a gap' : `; ${gaps} months without data are left as gaps`;
  return `Line chart of ${stats.title} by month from ${monthYear(first)} to ${monthYear(last)}: ${headline}${gapNote}.`;
}
