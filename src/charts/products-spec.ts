/**
 * Chart 5, the top products: the report month's top products at the report's HS level as horizontal bars,
 * labelled with what a newsroom calls them (shortLabel), each with its value and last month's rank.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatUsd, monthYear } from '../narrative/format.js';
import { partnerShortName } from '../narrative/rules.js';
import type { ProductStats, StatsJson } from '../stats/types.js';
import { capitalize } from '../narrative/format.js';
import { formatUsdShort, previousRankLabel, truncateLabel, uniqueLabels } from './labels.js';
import { categoryAxisWidth, roomForLabels } from './room-for-labels.js';
import { moneyLabelExpr, themeConfig, type Theme } from './theme.js';

export const TOP_PRODUCTS = 10;
const BAR_STEP = 20;
const AXIS_HEIGHT = 28;
/** Product names run long ("Vacuum cleaners, other than with a self-contained electric motor"). */
const MAX_LABEL_CHARS = 34;

/** The products the chart shows, best first. */
export function topProducts(stats: StatsJson): ProductStats[] {
  return [...stats.products].sort((a, b) => a.rank - b.rank || a.hsCode.localeCompare(b.hsCode)).slice(0, TOP_PRODUCTS);
}

/**
 * @example buildProductsSpec(stats, DEFAULT_THEME) // "Christmas goods" US$4.8m · prev 1st, "toys" …
 */
export function buildProductsSpec(stats: StatsJson, theme: Theme): TopLevelSpec {
  const products = topProducts(stats);
  // Two codes can share a short label (two kinds of socks): the HS code tells them apart.
  const names = uniqueLabels(products.map((product) => ({ label: truncateLabel(capitalize(product.shortLabel), MAX_LABEL_CHARS), key: product.hsCode })));
  const rows = products.map((product, index) => ({
    name: names[index] ?? capitalize(product.shortLabel),
    hsCode: product.hsCode,
    valueUsd: product.valueUsd,
    label: `${formatUsdShort(product.valueUsd)} · ${previousRankLabel(product.prevRank)}`,
  }));
  const axisWidth = categoryAxisWidth(rows.map((row) => row.name), theme.fontSize);
  const xMax = roomForLabels(rows, { width: theme.width, fontSize: theme.fontSize, axisWidth });
  const x = { field: 'valueUsd', type: 'quantitative' as const, scale: { domain: [0, xMax], nice: false }, axis: { title: null, labelExpr: moneyLabelExpr(), tickCount: 4 } };

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: theme.width,
    height: rows.length * BAR_STEP + AXIS_HEIGHT,
    config: themeConfig(theme),
    data: { values: rows },
    encoding: {
      y: {
        field: 'name',
        type: 'nominal',
        sort: null,
        axis: { title: null, ticks: false, domain: false, labelPadding: 6, labelLimit: 0, minExtent: axisWidth, maxExtent: axisWidth },
      },
    },
    layer: [
      // All bars are the report month's trade with the focus partner, hence the accent throughout.
      { mark: { type: 'bar', color: theme.accent }, encoding: { x } },
      { mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4, color: theme.ink }, encoding: { x, text: { field: 'label' } } },
    ],
  };
}

/** One sentence for the products chart's alt text. */
export function describeProducts(stats: StatsJson): string {
  const products = topProducts(stats);
  const [first, second] = products;
  const partner = partnerShortName(stats.focusPartner.iso2, stats.focusPartner.name);
  const direction = stats.flow === 'export' ? `exported to ${partner}` : `imported from ${partner}`;
  const opening = `Bar chart of the top ${products.length} products ${direction} in ${monthYear(stats.month)}`;
  if (first === undefined) return `${opening}.`;
  const secondPart = second === undefined ? '' : `, followed by ${second.shortLabel} with ${formatUsd(second.valueUsd)}`;
  return `${opening}: ${first.shortLabel} leads with ${formatUsd(first.valueUsd)}${secondPart}.`;
}
