import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { Reference } from '../data/reference/types.js';
import { unitLabel } from './labels.js';
import type { QuantityStats } from './types.js';

const { op } = aq;

/**
 * Quantities of one month summed per unit, first and second quantities together when they share a unit
 * (kilograms of one line and kilograms of another are still kilograms) but never across units.
 * Units are matched on their reference name so "双" and code "02" land in one bucket.
 * @example sumQuantities(table, '2022-08', reference) // [{ unit: '双', unitName: 'Pair', quantity: 7.9e6 }, …]
 */
export function sumQuantities(table: ColumnTable, month: string, reference: Reference): QuantityStats[] {
  const inMonth = table.params({ month }).filter((d: { month: string }, $: { month: string }) => d.month === $.month);
  const byUnit = new Map<string, QuantityStats>();
  for (const [qty, unit] of [['qty1', 'unit1'], ['qty2', 'unit2']] as const) {
    if (inMonth.numRows() === 0) break;
    const rolled = inMonth
      .params({ qty, unit })
      .filter((d: Record<string, unknown>, $: { qty: string; unit: string }) => d[$.qty] != null && d[$.unit] != null)
      .groupby(unit)
      .rollup({ quantity: op.sum(qty) });
    for (const row of rolled.objects() as Record<string, unknown>[]) {
      const recordUnit = String(row[unit]);
      const unitName = unitLabel(reference, recordUnit);
      const entry = byUnit.get(unitName) ?? { unit: recordUnit, unitName, quantity: 0 };
      entry.quantity += (row.quantity as number | undefined) ?? 0;
      byUnit.set(unitName, entry);
    }
  }
  return [...byUnit.values()].sort((a, b) => b.quantity - a.quantity || (a.unitName < b.unitName ? -1 : 1));
}
