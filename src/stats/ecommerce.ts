import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { Category, Reference } from '../data/reference/types.js';
import { categoryRows } from './categories.js';
import { unitLabel } from './labels.js';
import { addMonths, yearAgo } from './month-keys.js';
import { fillMonths, valueIn } from './monthly-values.js';
import { sumByMonth } from './trade-table.js';
import type { EcommerceStats } from './types.js';

const { op } = aq;

/**
 * The e-commerce channel (B2C, CN 98050000) for the report month: value and items, the items being the
 * second statistical quantity (件) of the line; the first is kilograms and is not what a reader counts.
 * @example ecommerce(focusTable, b2c, '2022-08', covered, reference) // { valueUsd: 3786, items: 45, itemsUnit: '件', … }
 */
export function ecommerce(
  table: ColumnTable,
  category: Category,
  month: string,
  covered: readonly string[],
  reference: Reference,
): EcommerceStats {
  const matched = categoryRows(table, category);
  const values = fillMonths(sumByMonth(matched), covered);
  const inMonth = matched
    .params({ month })
    .filter((d: { month: string; qty2: number | null }, $: { month: string }) => d.month === $.month && d.qty2 !== null);
  let items: number | null = null;
  let itemsUnit: string | null = null;
  if (inMonth.numRows() > 0) {
    const byUnit = inMonth.groupby('unit2').rollup({ items: op.sum('qty2') }).orderby(aq.desc('items')).objects() as {
      unit2: string | null;
      items: number | undefined;
    }[];
    // One CN line has one second unit; should files disagree, the bigger count wins rather than adding units.
    const first = byUnit[0];
    if (first !== undefined) {
      items = first.items ?? 0;
      itemsUnit = first.unit2;
    }
  }
  return {
    categoryId: category.id,
    valueUsd: valueIn(values, month) ?? 0,
    items,
    itemsUnit,
    itemsUnitName: itemsUnit === null ? null : unitLabel(reference, itemsUnit),
    prevMonthValueUsd: valueIn(values, addMonths(month, -1)),
    yearAgoValueUsd: valueIn(values, yearAgo(month)),
  };
}
