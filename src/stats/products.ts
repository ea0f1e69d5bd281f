import type { ColumnTable } from 'arquero';
import type { Category, Reference } from '../data/reference/types.js';
import { pctChange } from './growth.js';
import { productLabel, type Locale } from './labels.js';
import { addMonths, yearAgo } from './month-keys.js';
import { rankByValue, rankIndex, topByValue } from './rank.js';
import { columnValues } from './table-columns.js';
import { sumByMonthAnd } from './trade-table.js';
import type { PrevTopProductStats, ProductStats } from './types.js';

export type HsLevel = 2 | 4 | 6 | 8;

export interface ProductsInput {
  /** Rows of the focus flow (one partner). */
  table: ColumnTable;
  covered: readonly string[];
  month: string;
  level: HsLevel;
  /** How many products to list (the ranking itself always covers all of them). */
  top: number;
  /** Categories tried for a short name, basket first. */
  categories: readonly Category[];
  reference: Reference;
  locale: Locale;
}

/**
 * Products at the report's HS level: value, rank, last month's rank, and months in a row at the top.
 * Codes shorter than the level (a chapter total) cannot be placed at it and are left out.
 * @example products({ …, level: 6 }).products[0].hsCode // "950510"
 */
export function products(input: ProductsInput): { products: ProductStats[]; prevTopProduct: PrevTopProductStats | null } {
  const { month, level } = input;
  const hsCodes = columnValues(input.table, 'hsCode') as ArrayLike<string | null>;
  const product = Array.from(hsCodes, (hsCode) => (hsCode !== null && hsCode.length >= level ? hsCode.slice(0, level) : null));
  const withProduct = input.table.assign({ product });
  const byMonth = sumByMonthAnd(withProduct, 'product');
  const topOf = new Map<string, string>();
  for (const covered of input.covered) {
    const first = topByValue(byMonth.get(covered));
    if (first !== undefined) topOf.set(covered, first.key);
  }
  const topStreak = (code: string, until: string): number => {
    let streak = 0;
    for (let at = until; topOf.get(at) === code; at = addMonths(at, -1)) streak++;
    return streak;
  };
  const previousMonth = addMonths(month, -1);
  const previous = byMonth.get(previousMonth);
  const yearBefore = byMonth.get(yearAgo(month));
  const covers = (key: string): boolean => input.covered.includes(key);
  const describe = (code: string, value: number): Omit<ProductStats, 'rank' | 'prevRank'> => ({
    hsCode: code,
    label: productLabel(input.reference, code, input.locale),
    shortLabel: shortLabel(code, input.categories, input.reference, input.locale),
    valueUsd: value,
    prevMonthValueUsd: covers(previousMonth) ? (previous?.get(code) ?? 0) : null,
    yoyPct: pctChange(value, covers(yearAgo(month)) ? (yearBefore?.get(code) ?? 0) : null),
    topStreakMonths: topStreak(code, month),
    prevTopStreakMonths: topStreak(code, previousMonth),
  });

  const prevRanked = rankByValue(previous);
  const prevRanks = rankIndex(prevRanked);
  const ranked = rankByValue(byMonth.get(month));
  const listed = ranked
    .slice(0, input.top)
    .map(({ key, value, rank }) => ({ ...describe(key, value), rank, prevRank: prevRanks.get(key) ?? null }));
  const prevTop = prevRanked[0];
  let prevTopProduct: PrevTopProductStats | null = null;
  if (prevTop !== undefined) {
    const now = ranked.find((entry) => entry.key === prevTop.key);
    prevTopProduct = { ...describe(prevTop.key, now?.value ?? 0), rank: now?.rank ?? null, prevRank: 1 };
  }
  return { products: listed, prevTopProduct };
}

/**
 * What a newsroom calls a product: the most specific category that covers the whole code (socks for 611596,
 * Christmas goods for 950510), as long as it is at least a 4-digit heading; else the nomenclature label up to
 * its first comma or semicolon.
 * @example shortLabel('950510', [christmas], reference, 'en') // "Christmas goods"
 */
export function shortLabel(code: string, categories: readonly Category[], reference: Reference, locale: Locale): string {
  let best: { category: Category; length: number } | undefined;
  for (const category of categories) {
    const excluded = (category.exclude ?? []).some((prefix) => code.startsWith(prefix) || prefix.startsWith(code));
    if (excluded) continue;
    for (const prefix of category.prefixes) {
      const covers = prefix.length <= code.length && code.startsWith(prefix) && prefix.length >= Math.min(4, code.length);
      if (covers && (best === undefined || prefix.length > best.length)) best = { category, length: prefix.length };
    }
  }
  if (best !== undefined) return locale === 'zh' && best.category.labelZh ? best.category.labelZh : best.category.label;
  // The nomenclature's head noun: "Weighing machines; other than …" -> "Weighing machines",
  // "Tools, interchangeable; for drilling" -> "Tools".
  const label = productLabel(reference, code, locale);
  return label.split(/[;,]/)[0]?.trim() || label;
}
