/**
 * The figures of a stats.json that are aggregates of the data (sums, ranks, growth, streaks, "highest since"),
 * in one plain shape both sides of the stats benchmark produce: `figuresOfStats` takes them from our
 * computeStats output, bench/stats/duckdb-queries.ts answers them with SQL. Names and labels are left out
 * (they are code-list lookups, not data), and so is the national series (a Comtrade file, not the GACC data).
 */
import type { HeadlineStats } from '../../src/stats/types.js';
import type { StatsBody } from '../../src/stats/compute-stats.js';

export interface ProductFigures {
  hsCode: string;
  valueUsd: number;
  prevMonthValueUsd: number | null;
  yoyPct: number | null;
  rank: number | null;
  prevRank: number | null;
  topStreakMonths: number;
  prevTopStreakMonths: number;
}

export interface StatsFigures {
  coverage: { firstMonth: string; lastMonth: string; months: number };
  totalValueUsd: number;
  /** The same shape as stats.json's headline, so both sides are compared field by field. */
  headline: HeadlineStats;
  focusPartner: { rank: number | null; prevRank: number | null; sharePct: number | null; above: string[] };
  partners: {
    code: string;
    valueUsd: number;
    sharePct: number | null;
    rank: number;
    prevRank: number | null;
    prevMonthValueUsd: number | null;
    yearAgoValueUsd: number | null;
    yoyPct: number | null;
  }[];
  categories: {
    id: string;
    valueUsd: number;
    prevMonthValueUsd: number | null;
    momPct: number | null;
    yearAgoValueUsd: number | null;
    yoyPct: number | null;
    rank: number;
    highestInMonths: number | null;
    highestSince: string | null;
    quantities: { unitName: string; quantity: number }[];
  }[];
  products: ProductFigures[];
  prevTopProduct: ProductFigures | null;
  ecommerce: {
    categoryId: string;
    valueUsd: number;
    items: number | null;
    itemsUnit: string | null;
    prevMonthValueUsd: number | null;
    yearAgoValueUsd: number | null;
  } | null;
  series: { month: string; valueUsd: number | null }[];
  focusRankHistory: { month: string; rank: number | null }[];
}

function productFigures(product: Omit<ProductFigures, 'rank'> & { rank: number | null }): ProductFigures {
  const { hsCode, valueUsd, prevMonthValueUsd, yoyPct, rank, prevRank, topStreakMonths, prevTopStreakMonths } = product;
  return { hsCode, valueUsd, prevMonthValueUsd, yoyPct, rank, prevRank, topStreakMonths, prevTopStreakMonths };
}

/** The data figures of our stats.json body. @example figuresOfStats(computeStats(input)).headline.yoyPct // 592.8 */
export function figuresOfStats(stats: StatsBody): StatsFigures {
  const { headline } = stats;
  return {
    coverage: { ...stats.coverage },
    totalValueUsd: stats.totalValueUsd,
    headline: {
      valueUsd: headline.valueUsd,
      prevMonthValueUsd: headline.prevMonthValueUsd,
      momPct: headline.momPct,
      yearAgoValueUsd: headline.yearAgoValueUsd,
      yoyPct: headline.yoyPct,
      highestInMonths: headline.highestInMonths,
      highestSince: headline.highestSince,
      riseStreakMonths: headline.riseStreakMonths,
      prevRiseStreakMonths: headline.prevRiseStreakMonths,
      multiples: headline.multiples.map(({ month, valueUsd, ratio }) => ({ month, valueUsd, ratio })),
    },
    focusPartner: {
      rank: stats.focusPartner.rank,
      prevRank: stats.focusPartner.prevRank,
      sharePct: stats.focusPartner.sharePct,
      above: stats.focusPartner.above.map((partner) => partner.code),
    },
    partners: stats.partners.map(({ code, valueUsd, sharePct, rank, prevRank, prevMonthValueUsd, yearAgoValueUsd, yoyPct }) => ({
      code, valueUsd, sharePct, rank, prevRank, prevMonthValueUsd, yearAgoValueUsd, yoyPct,
    })),
    categories: stats.categories.map((category) => ({
      id: category.id,
      valueUsd: category.valueUsd,
      prevMonthValueUsd: category.prevMonthValueUsd,
      momPct: category.momPct,
      yearAgoValueUsd: category.yearAgoValueUsd,
      yoyPct: category.yoyPct,
      rank: category.rank,
      highestInMonths: category.highestInMonths,
      highestSince: category.highestSince,
      quantities: category.quantities.map(({ unitName, quantity }) => ({ unitName, quantity })),
    })),
    products: stats.products.map(productFigures),
    prevTopProduct: stats.prevTopProduct === null ? null : productFigures(stats.prevTopProduct),
    ecommerce:
      stats.ecommerce === null
        ? null
        : {
            categoryId: stats.ecommerce.categoryId,
            valueUsd: stats.ecommerce.valueUsd,
            items: stats.ecommerce.items,
            itemsUnit: stats.ecommerce.itemsUnit,
            prevMonthValueUsd: stats.ecommerce.prevMonthValueUsd,
            yearAgoValueUsd: stats.ecommerce.yearAgoValueUsd,
          },
    series: stats.series.map(({ month, valueUsd }) => ({ month, valueUsd })),
    focusRankHistory: (stats.focusRankHistory ?? []).map(({ month, rank }) => ({ month, rank })),
  };
}
