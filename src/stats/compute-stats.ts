/**
 * Everything a trade reporter would quote about one month of one report, from the records alone.
 * Pure: records + reference + report definition + month in, a plain stats.json object out (without the
 * narrative, which src/narrative/ writes from this object).
 */
import type { Flow, TradeRecord } from '../data/record.js';
import type { TradeRows } from '../data/trade-columns.js';
import type { Category, Reference } from '../data/reference/types.js';
import { categories } from './categories.js';
import { ecommerce } from './ecommerce.js';
import { headline } from './headline.js';
import { regionLabel, type Locale } from './labels.js';
import { fillMonths } from './monthly-values.js';
import { nationalContext } from './national-context.js';
import { products, type HsLevel } from './products.js';
import { rankPartners } from './rank-partners.js';
import { focusRankHistory } from './focus-rank-history.js';
import { series } from './series.js';
import { coveredMonths, forPartner, sumByMonth, sumByMonthAnd, tradeTable } from './trade-table.js';
import { STATS_SCHEMA_VERSION, type StatsJson } from './types.js';

/** The parts of a report definition the stats need, with categories already resolved. */
export interface StatsDefinition {
  id: string;
  title: string;
  flow: Flow;
  regions: readonly string[];
  focusPartner: string;
  basket: readonly Category[];
  /** The e-commerce channel's category; null for none. */
  ecommerce: Category | null;
  productHsLevel: HsLevel;
  historyMonths: number;
  top: { partners: number; products: number };
  locale: Locale;
  /** National context: which partner in the national series, and who the series is about ("China"). */
  national: { partner: string; label: string } | null;
}

export interface ComputeStatsInput {
  /** The report's rows: records (raw files) or columns (a store). */
  records: TradeRows;
  /** The national series' records, when the report has one. */
  nationalRecords?: readonly TradeRecord[];
  reference: Reference;
  report: StatsDefinition;
  month: string;
}

export type StatsBody = Omit<StatsJson, 'narrative'>;

/** Months in the focus partner's rank history (a year and the same month a year earlier). */
export const RANK_HISTORY_MONTHS = 13;

/**
 * @example computeStats({ records, reference, report, month: '2022-08' }).headline.yoyPct // 592.8
 */
export function computeStats(input: ComputeStatsInput): StatsBody {
  const { report, month, reference } = input;
  const locale = report.locale;
  const table = tradeTable(input.records, { flow: report.flow, regions: report.regions });
  const covered = coveredMonths(table);
  const focusTable = forPartner(table, report.focusPartner);
  const focusValues = fillMonths(sumByMonth(focusTable), covered);

  const byPartner = sumByMonthAnd(table, 'partner');
  const { partners, focus } = rankPartners({ byMonth: byPartner, month, focusPartner: report.focusPartner, reference, locale });
  const headlineStats = headline(focusValues, month);
  const productStats = products({
    table: focusTable,
    covered,
    month,
    level: report.productHsLevel,
    top: report.top.products,
    categories: [...report.basket, ...reference.categories.values()],
    reference,
    locale,
  });

  let national: StatsBody['national'] = null;
  if (report.national !== null && input.nationalRecords !== undefined) {
    national = nationalContext({
      table: tradeTable(input.nationalRecords, { flow: report.flow, regions: null }),
      partner: report.national.partner,
      label: report.national.label,
      month,
      focusYoyPct: headlineStats.yoyPct,
    });
  }

  return {
    schemaVersion: STATS_SCHEMA_VERSION,
    report: report.id,
    title: report.title,
    month,
    flow: report.flow,
    locale,
    region: { code: report.regions.join('+'), name: regionLabel(reference, report.regions, locale) },
    focusPartner: focus,
    coverage: { firstMonth: covered[0] ?? month, lastMonth: covered[covered.length - 1] ?? month, months: covered.length },
    totalValueUsd: [...(byPartner.get(month)?.values() ?? [])].reduce((sum, value) => sum + value, 0),
    headline: headlineStats,
    partners,
    categories: categories({ table: focusTable, covered, basket: report.basket, month, reference, locale }),
    products: productStats.products,
    prevTopProduct: productStats.prevTopProduct,
    ecommerce: report.ecommerce === null ? null : ecommerce(focusTable, report.ecommerce, month, covered, reference),
    national,
    series: series(focusValues, month, report.historyMonths),
    topPartners: report.top.partners,
    focusRankHistory: focusRankHistory(byPartner, month, report.focusPartner, RANK_HISTORY_MONTHS),
  };
}

