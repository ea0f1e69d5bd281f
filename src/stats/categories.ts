import type { ColumnTable } from 'arquero';
import type { Category, Reference } from '../data/reference/types.js';
import { pctChange } from './growth.js';
import { highestSince } from './highest-since.js';
import { inCategory } from './labels.js';
import { addMonths, yearAgo } from './month-keys.js';
import { fillMonths, valueIn } from './monthly-values.js';
import { sumQuantities } from './quantities.js';
import { keepRows } from './table-columns.js';
import { sumByMonth } from './trade-table.js';
import type { CategoryStats } from './types.js';

/** The rows of a table whose HS code falls in a category. @example categoryRows(focusTable, christmas).numRows() */
export function categoryRows(table: ColumnTable, category: Category): ColumnTable {
  return keepRows(table, 'hsCode', (hsCode) => typeof hsCode === 'string' && inCategory(category, hsCode));
}

export interface CategoriesInput {
  /** Rows of the focus flow (one partner). */
  table: ColumnTable;
  covered: readonly string[];
  basket: readonly Category[];
  month: string;
  reference: Reference;
  locale: 'en' | 'zh';
}

/**
 * The basket's categories for the report month: value, mom, yoy, rank within the basket (ties by id),
 * "highest since", and quantities per unit.
 * @example categories({ table, covered, basket, month: '2022-08', reference, locale: 'en' })[0].id // "apparel"
 */
export function categories(input: CategoriesInput): CategoryStats[] {
  const { table, covered, month, reference } = input;
  const rows = input.basket.map((category) => {
    const matched = categoryRows(table, category);
    const values = fillMonths(sumByMonth(matched), covered);
    const valueUsd = valueIn(values, month) ?? 0;
    const prevMonthValueUsd = valueIn(values, addMonths(month, -1));
    const yearAgoValueUsd = valueIn(values, yearAgo(month));
    return {
      id: category.id,
      label: input.locale === 'zh' && category.labelZh ? category.labelZh : category.label,
      valueUsd,
      prevMonthValueUsd,
      momPct: pctChange(valueUsd, prevMonthValueUsd),
      yearAgoValueUsd,
      yoyPct: pctChange(valueUsd, yearAgoValueUsd),
      rank: 0,
      ...highestSince(values, month),
      quantities: sumQuantities(matched, month, reference),
    };
  });
  rows.sort((a, b) => b.valueUsd - a.valueUsd || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return rows.map((row, index) => ({ ...row, rank: index + 1 }));
}
