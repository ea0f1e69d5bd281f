/**
 * The one arquero table the stats work on: the rows of one flow (and region set), with a USD value, built from
 * records (raw files) or straight from a store's columns. The sums the stats ask for most (per month, per month
 * and partner or product) are one pass over the columns, not arquero group-bys: same groups, same order of
 * addition, so the same floating-point results. Filters take their inputs as params or escaped functions,
 * never as expression strings built from data.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { Flow, TradeRecord } from '../data/record.js';
import { columnValues, keepRows } from './table-columns.js';
import { isColumns, RECORD_FIELDS, type TradeColumns, type TradeRows } from '../data/trade-columns.js';

const { op } = aq;

export interface TradeScope {
  flow: Flow;
  /** Registration places to keep; null keeps every row (a national series has region null). */
  regions: readonly string[] | null;
}

/**
 * Builds the table of one flow and region set, from records (raw files) or columns (a store). Rows without a
 * USD value (an RMB file) are left out: the stats are in dollars and a yuan figure is never converted silently.
 * @example tradeTable(records, { flow: 'export', regions: ['65'] }).numRows()
 */
export function tradeTable(rows: TradeRows, scope: TradeScope): ColumnTable {
  if (isColumns(rows)) return columnsTable(rows, scope);
  const records = rows as readonly TradeRecord[];
  const table = aq.from(records.length > 0 ? records : [emptyRecord()]).filter((d: TradeRecord) => d.valueUsd !== null);
  const inFlow = table.params({ flow: scope.flow }).filter((d: TradeRecord, $: { flow: Flow }) => d.flow === $.flow);
  if (scope.regions === null) return inFlow.reify();
  return inFlow
    .params({ regions: [...scope.regions] })
    .filter((d: TradeRecord, $: { regions: string[] }) => op.includes($.regions, d.region))
    .reify();
}

/** The rows of `scope` (same test as for records), straight from the columns; no copy when every row is in. */
function columnsTable(rows: TradeColumns, scope: TradeScope): ColumnTable {
  const { columns } = rows;
  const regions = scope.regions === null ? null : new Set<string | null>(scope.regions);
  let first = 0;
  while (first < rows.length && inScope(rows, first, scope, regions)) first += 1;
  const data: Record<string, ArrayLike<unknown>> = {};
  if (first === rows.length) {
    // A store gives only the scope's rows: the table then uses the columns as they are.
    for (const field of RECORD_FIELDS) data[field] = columns[field];
    return aq.table(data);
  }
  const kept: number[] = [];
  for (let index = 0; index < rows.length; index += 1) if (inScope(rows, index, scope, regions)) kept.push(index);
  for (const field of RECORD_FIELDS) {
    const column = columns[field] as ArrayLike<unknown>;
    data[field] = kept.map((index) => column[index]);
  }
  return aq.table(data);
}

function inScope(rows: TradeColumns, index: number, scope: TradeScope, regions: ReadonlySet<string | null> | null): boolean {
  const { columns } = rows;
  const value = columns.valueUsd[index];
  if (value === null || value === undefined || columns.flow[index] !== scope.flow) return false;
  if (scope.regions === null) return true;
  const region = columns.region[index] ?? null;
  return regions === null || regions.has(region);
}

/**
 * The months tradeTable(rows, scope) would cover, without building the table (choosing a month needs no more).
 * @example scopeMonths(records, { flow: 'export', regions: ['65'] }) // ["2020-01", …]
 */
export function scopeMonths(rows: TradeRows, scope: TradeScope): string[] {
  const months = new Set<string>();
  const regions = scope.regions === null ? null : new Set<string | null>(scope.regions);
  if (isColumns(rows)) {
    for (let index = 0; index < rows.length; index += 1) if (inScope(rows, index, scope, regions)) months.add(rows.columns.month[index] as string);
    return [...months].sort();
  }
  for (const record of rows as readonly TradeRecord[]) {
    if (record.valueUsd === null || record.flow !== scope.flow || (regions !== null && !regions.has(record.region))) continue;
    months.add(record.month);
  }
  return [...months].sort();
}

/** Keeps the rows of one partner. @example forPartner(table, '502') */
export function forPartner(table: ColumnTable, partner: string): ColumnTable {
  return keepRows(table, 'partner', (value) => value === partner);
}

/** The months a table covers, sorted. @example coveredMonths(table) // ["2020-01", …] */
export function coveredMonths(table: ColumnTable): string[] {
  const months = new Set<string>();
  const column = columnValues(table, 'month') as ArrayLike<string>;
  for (let index = 0; index < column.length; index += 1) months.add(column[index] as string);
  return [...months].sort();
}

/** Sum of valueUsd per month. @example sumByMonth(table).get('2022-08') */
export function sumByMonth(table: ColumnTable): Map<string, number> {
  const sums = new Map<string, number>();
  const months = columnValues(table, 'month') as ArrayLike<string>;
  const values = columnValues(table, 'valueUsd') as ArrayLike<number | null>;
  // One pass over the columns, adding in row order from 0, as arquero's op.sum does (same floating-point result).
  for (let index = 0; index < months.length; index += 1) {
    const value = values[index];
    if (value === null || value === undefined || Number.isNaN(value)) continue;
    const month = months[index] as string;
    sums.set(month, (sums.get(month) ?? 0) + value);
  }
  return sums;
}

/**
 * Sum of valueUsd per month and key column (partner, product …); rows with a null key are left out. Months
 * and keys come in the order they first appear (arquero's group order), sums add in row order.
 * @example sumByMonthAnd(table, 'partner').get('2022-08')?.get('502')
 */
export function sumByMonthAnd(table: ColumnTable, key: string): Map<string, Map<string, number>> {
  const sums = new Map<string, Map<string, number>>();
  const months = columnValues(table, 'month') as ArrayLike<string>;
  const keys = columnValues(table, key);
  const values = columnValues(table, 'valueUsd') as ArrayLike<number | null>;
  let lastMonth: string | undefined;
  let byKey: Map<string, number> | undefined;
  for (let index = 0; index < months.length; index += 1) {
    const keyValue = keys[index];
    if (keyValue === null || keyValue === undefined) continue;
    const month = months[index] as string;
    if (month !== lastMonth || byKey === undefined) {
      // Rows come grouped by month: look the month's map up only when the month changes.
      byKey = sums.get(month);
      if (byKey === undefined) {
        byKey = new Map<string, number>();
        sums.set(month, byKey);
      }
      lastMonth = month;
    }
    const name = String(keyValue);
    const value = values[index];
    const sum = byKey.get(name) ?? 0;
    byKey.set(name, value === null || value === undefined || Number.isNaN(value) ? sum : sum + value);
  }
  return sums;
}

function emptyRecord(): TradeRecord {
  // arquero needs one row to learn the columns; it is filtered out at once (valueUsd null).
  return {
    month: '0000-01', flow: 'export', region: null, partner: null, partnerIso2: null, hsCode: null, regime: null,
    valueUsd: null, valueCny: null, qty1: null, unit1: null, qty2: null, unit2: null,
  };
}
