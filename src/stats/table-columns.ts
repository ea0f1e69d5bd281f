/**
 * Column access for the hot loops of the stats: a column's values as an indexable array (the table's own
 * array when it is neither filtered nor ordered, so no copy), and a row filter on one column that builds the
 * kept rows' table directly. arquero's `table.array()` copies through a callback per row and `filter()` calls
 * a function per row with a row object; at a few hundred thousand rows per report both show in the profile.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';

/**
 * The values of column `name` in the table's row order.
 * @example columnValues(table, 'valueUsd')[0] // 4803215
 */
export function columnValues(table: ColumnTable, name: string): ArrayLike<unknown> {
  const column = table.column(name) as unknown;
  if (!table.isFiltered() && !table.isOrdered() && (Array.isArray(column) || ArrayBuffer.isView(column))) return column as ArrayLike<unknown>;
  return table.array(name) as ArrayLike<unknown>;
}

/**
 * The rows whose value in column `name` passes `test`, as a new table (same columns, same order).
 * @example keepRows(table, 'partner', (partner) => partner === '502').numRows()
 */
export function keepRows(table: ColumnTable, name: string, test: (value: unknown) => boolean): ColumnTable {
  const values = columnValues(table, name);
  const kept: number[] = [];
  for (let row = 0; row < values.length; row += 1) if (test(values[row])) kept.push(row);
  const data: Record<string, ArrayLike<unknown>> = {};
  for (const columnName of table.columnNames()) data[columnName] = pick(columnValues(table, columnName), kept);
  return aq.table(data);
}

function pick(values: ArrayLike<unknown>, rows: readonly number[]): ArrayLike<unknown> {
  if (values instanceof Float64Array) return Float64Array.from(rows, (row) => values[row] as number);
  return rows.map((row) => values[row]);
}
