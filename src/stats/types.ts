/**
 * stats.json, the contract between compute and everything after it (DESIGN.md "stats.json").
 * The field names DESIGN.md lists are fixed; everything else here is an addition. Money in whole US dollars at
 * full precision, percentages and shares rounded to one decimal (592.8 means +592.8 %), null (never NaN or
 * Infinity) when a value cannot be computed.
 */
import type { Flow } from '../data/record.js';

export const STATS_SCHEMA_VERSION = 1;

export interface LabelledCode {
  code: string;
  name: string;
}

export interface FocusPartnerStats {
  code: string;
  iso2: string | null;
  name: string;
  /** Rank among all partners in the report month; null when there was no trade with it. */
  rank: number | null;
  prevRank: number | null;
  sharePct: number | null;
  /** The partners ranked above it, best first. */
  above: { code: string; iso2: string | null; name: string; rank: number }[];
}

/** An earlier month compared with the report month: `ratio` 2.1 reads "more than double July". */
export interface MonthMultiple {
  month: string;
  valueUsd: number | null;
  ratio: number | null;
}

export interface HeadlineStats {
  valueUsd: number | null;
  prevMonthValueUsd: number | null;
  momPct: number | null;
  yearAgoValueUsd: number | null;
  yoyPct: number | null;
  highestInMonths: number | null;
  highestSince: string | null;
  riseStreakMonths: number;
  /** The rise streak as it stood last month, so a fall can say which run it ended. */
  prevRiseStreakMonths: number;
  /** The report month against each of the few months before it, latest first. */
  multiples: MonthMultiple[];
}

export interface PartnerStats {
  code: string;
  iso2: string | null;
  name: string;
  valueUsd: number;
  sharePct: number | null;
  rank: number;
  prevRank: number | null;
  prevMonthValueUsd: number | null;
  yearAgoValueUsd: number | null;
  yoyPct: number | null;
}

export interface QuantityStats {
  /** The unit as the records carry it (GACC name such as "双", or a code). */
  unit: string;
  /** English unit name from the reference ("Pair"), or the unit itself when unknown. */
  unitName: string;
  quantity: number;
}

export interface CategoryStats {
  id: string;
  label: string;
  valueUsd: number;
  prevMonthValueUsd: number | null;
  momPct: number | null;
  yearAgoValueUsd: number | null;
  yoyPct: number | null;
  rank: number;
  highestInMonths: number | null;
  highestSince: string | null;
  /** Summed per unit, never across units (pairs and kilograms stay apart); largest first. */
  quantities: QuantityStats[];
}

export interface ProductStats {
  hsCode: string;
  /** Nomenclature label in the report's locale. */
  label: string;
  /** What a newsroom calls it: the most specific category that covers the code, else the nomenclature label. */
  shortLabel: string;
  valueUsd: number;
  prevMonthValueUsd: number | null;
  yoyPct: number | null;
  rank: number;
  prevRank: number | null;
  /** Months in a row at rank 1 ending with the report month; 0 when not at rank 1. */
  topStreakMonths: number;
  /** The same for the month before, so "ended a two-month run at the top" can be said. */
  prevTopStreakMonths: number;
}

/** Last month's top product, wherever it stands now (rank null when it was not traded this month). */
export type PrevTopProductStats = Omit<ProductStats, 'rank'> & { rank: number | null };

export interface EcommerceStats {
  /** The category used for the channel (e.g. "ecommerce-b2c", CN 98050000). */
  categoryId: string;
  valueUsd: number;
  /** Sum of the second statistical quantity (件, items); null when the records carry none. */
  items: number | null;
  itemsUnit: string | null;
  /** English name of that unit ("Number of item"). */
  itemsUnitName: string | null;
  prevMonthValueUsd: number | null;
  yearAgoValueUsd: number | null;
}

export interface NationalContextStats {
  /** Who the national series is about ("China"). */
  label: string;
  partner: string;
  valueUsd: number | null;
  yearAgoValueUsd: number | null;
  yoyPct: number | null;
  /** The report's own focus flow year on year (headline.yoyPct), repeated for the comparison. */
  focusYoyPct: number | null;
  /** True when the focus flow moved against the national one (one rose, the other fell). */
  buckedTrend: boolean | null;
  /** The last earlier month whose national yoy had the same sign; null when none in the data. */
  lastSameSignMonth: string | null;
  /** Consecutive months, ending with the report month, with the same yoy sign. */
  sameSignStreakMonths: number | null;
}

export interface FocusRankPoint {
  month: string;
  rank: number | null;
}

export interface SeriesPoint {
  month: string;
  /** Null for a month the data do not cover. */
  valueUsd: number | null;
}

export interface NarrativeSentence {
  id: string;
  text: string;
  /** Paths of the stats fields the sentence states, e.g. "headline.valueUsd", "partners[4].rank". */
  uses: string[];
}

export interface StatsJson {
  schemaVersion: typeof STATS_SCHEMA_VERSION;
  report: string;
  title: string;
  month: string;
  flow: Flow;
  locale: string;
  region: LabelledCode;
  focusPartner: FocusPartnerStats;
  /** Months the data cover for this flow and region, first and last (for "since records began"). */
  coverage: { firstMonth: string; lastMonth: string; months: number };
  /** The flow's total over all partners in the report month. */
  totalValueUsd: number;
  headline: HeadlineStats;
  partners: PartnerStats[];
  categories: CategoryStats[];
  products: ProductStats[];
  /** How many partners the report's ranking chart and table show (config `top.partners`); `partners` lists all. */
  topPartners: number;
  /** The product at rank 1 last month, wherever it stands now; null when last month had no products. */
  prevTopProduct: PrevTopProductStats | null;
  ecommerce: EcommerceStats | null;
  national: NationalContextStats | null;
  series: SeriesPoint[];
  /**
   * The focus partner's rank among all partners for each of the last 13 months, oldest first, ending with the
   * report month; rank null for a month with no trade with it (or not covered). Optional for older stats.json
   * files: the rank-history chart is left out without it.
   */
  focusRankHistory?: FocusRankPoint[];
  narrative: NarrativeSentence[];
}
