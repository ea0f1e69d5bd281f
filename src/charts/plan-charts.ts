/**
 * Which charts a stats object gets, each with its spec, title and alt text, or the reason it is left out.
 * Pure: the same stats give the same plan. Omissions are deliberate and named (no trade to draw, no rank history
 * in the stats); a chart that is planned must then render marks, or the build fails.
 */
import { capitalize, monthYear } from '../narrative/format.js';
import { partnerShortName } from '../narrative/rules.js';
import type { TopLevelSpec } from 'vega-lite';
import type { StatsJson } from '../stats/types.js';
import { buildCategoriesSpec, chartedCategories, describeCategories } from './categories-spec.js';
import { partnersNoun, possessive } from './labels.js';
import { buildPartnerRankingSpec, describePartnerRanking, topPartners } from './partner-ranking-spec.js';
import { buildProductsSpec, describeProducts, topProducts } from './products-spec.js';
import { buildRankHistorySpec, describeRankHistory, hasRankHistory, RANK_HISTORY_MONTHS } from './rank-history-spec.js';
import type { ChartPlanEntry, OmittedChart, PlannedChart } from './types.js';
import { DEFAULT_THEME, type Theme } from './theme.js';
import { buildTrendSpec, describeTrend, hasTrend } from './trend-spec.js';

export interface ChartPlan {
  charts: PlannedChart[];
  omitted: OmittedChart[];
}

function planTrend(stats: StatsJson, theme: Theme): ChartPlanEntry {
  if (!hasTrend(stats)) return { id: 'trend', reason: `no month in the series has a value for ${stats.title}` };
  return { id: 'trend', title: `${stats.title}, by month (US$)`, spec: buildTrendSpec(stats, theme), altText: describeTrend(stats) };
}

function planPartners(stats: StatsJson, theme: Theme): ChartPlanEntry {
  const shown = topPartners(stats);
  if (shown.length === 0) return { id: 'partners', reason: `no partner has trade in ${monthYear(stats.month)}` };
  return {
    id: 'partners',
    title: `Top ${shown.length} ${partnersNoun(stats.flow)} of ${stats.region.name}, ${monthYear(stats.month)}`,
    spec: buildPartnerRankingSpec(stats, theme),
    altText: describePartnerRanking(stats),
  };
}

function planRankHistory(stats: StatsJson, theme: Theme): ChartPlanEntry {
  if (stats.focusRankHistory === undefined) return { id: 'rank-history', reason: 'the stats carry no focusRankHistory' };
  if (!hasRankHistory(stats)) return { id: 'rank-history', reason: `${capitalize(partnerShortName(stats.focusPartner.iso2, stats.focusPartner.name))} is not ranked in any of the last ${RANK_HISTORY_MONTHS} months` };
  return {
    id: 'rank-history',
    title: `${capitalize(possessive(partnerShortName(stats.focusPartner.iso2, stats.focusPartner.name)))} rank among ${possessive(stats.region.name)} ${partnersNoun(stats.flow)}, last ${RANK_HISTORY_MONTHS} months`,
    spec: buildRankHistorySpec(stats, theme),
    altText: describeRankHistory(stats),
  };
}

function planCategories(stats: StatsJson, theme: Theme): ChartPlanEntry {
  if (chartedCategories(stats).length === 0) return { id: 'categories', reason: 'no basket category has a value this month, last month or a year ago' };
  return { id: 'categories', title: `The basket: ${monthYear(stats.month)} against the month before and a year earlier`, spec: buildCategoriesSpec(stats, theme), altText: describeCategories(stats) };
}

function planProducts(stats: StatsJson, theme: Theme): ChartPlanEntry {
  const products = topProducts(stats);
  if (products.length === 0) return { id: 'products', reason: `no product traded with ${partnerShortName(stats.focusPartner.iso2, stats.focusPartner.name)} in ${monthYear(stats.month)}` };
  return { id: 'products', title: `Top ${products.length} products, ${monthYear(stats.month)}`, spec: buildProductsSpec(stats, theme), altText: describeProducts(stats) };
}

/**
 * @example planCharts(stats).omitted // [{ id: 'rank-history', reason: 'the stats carry no focusRankHistory' }]
 */
export function planCharts(stats: StatsJson, theme: Theme = DEFAULT_THEME): ChartPlan {
  const entries = [planTrend, planPartners, planRankHistory, planCategories, planProducts]
    .map((plan) => plan(stats, theme))
    // The alt text doubles as the spec's description, so a spec saved on its own still says what it shows.
    .map((entry): ChartPlanEntry => ('spec' in entry ? { ...entry, spec: { ...entry.spec, description: entry.altText } as TopLevelSpec } : entry));
  return {
    charts: entries.filter((entry): entry is PlannedChart => 'spec' in entry),
    omitted: entries.filter((entry): entry is OmittedChart => 'reason' in entry),
  };
}
