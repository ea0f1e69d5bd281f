/**
 * The one arquero table the stats work on: the records of one flow (and region set), with a USD value.
 * Filters take their inputs as params or escaped functions, never as expression strings built from data.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { Flow, TradeRecord } from '../data/record.js';

const { op } = aq;

export interface TradeScope {
  flow: Flow;
  /** Registration places to keep; null keeps every row (a national series has region null). */
  regions: readonly string[] | null;
}

/**
 * Builds the table of one flow and region set. Rows without a USD value (an RMB file) are left out: the stats
 * are in dollars and a yuan figure is never converted silently.
 * @example tradeTable(records, { flow: 'export', regions: ['65'] }).numRows()
 */
export function tradeTable(records: readonly TradeRecord[], scope: TradeScope): ColumnTable {
  const table = aq.from(records.length > 0 ? records : [emptyRecord()]).filter((d: TradeRecord) => d.valueUsd !== null);
  const inFlow = table.params({ flow: scope.flow }).filter((d: TradeRecord, $: { flow: Flow }) => d.flow === $.flow);
  if (scope.regions === null) return inFlow.reify();
  return inFlow
    .params({ regions: [...scope.regions] })
    .filter((d: TradeRecord, $: { regions: string[] }) => op.includes($.regions, d.region))
    .reify();
}

/** Keeps the rows of one partner. @example forPartner(table, '502') */
export function forPartner(table: ColumnTable, partner: string): ColumnTable {
  return table.params({ partner }).filter((d: TradeRecord, $: { partner: string }) => d.partner === $.partner).reify();
}

/** The months a table covers, sorted. @example coveredMonths(table) // ["2020-01", …] */
export function coveredMonths(table: ColumnTable): string[] {
  if (table.numRows() === 0) return [];
  const months = table.rollup({ months: op.array_agg_distinct('month') }).get('months', 0) as string[];
  return [...months].sort();
}

/** Sum of valueUsd per month. @example sumByMonth(table).get('2022-08') */
export function sumByMonth(table: ColumnTable): Map<string, number> {
  const sums = new Map<string, number>();
  if (table.numRows() === 0) return sums;
  const rolled = table.groupby('month').rollup({ valueUsd: op.sum('valueUsd') });
  for (const row of rolled.objects() as { month: string; valueUsd: number | undefined }[]) {
    sums.set(row.month, row.valueUsd ?? 0);
  }
  return sums;
}

/**
 * Sum of valueUsd per month and key column (partner, product …); rows with a null key are left out.
 * @example sumByMonthAnd(table, 'partner').get('2022-08')?.get('502')
 */
export function sumByMonthAnd(table: ColumnTable, key: string): Map<string, Map<string, number>> {
  const sums = new Map<string, Map<string, number>>();
  if (table.numRows() === 0) return sums;
  const rolled = table
    .params({ key })
    .filter((d: Record<string, unknown>, $: { key: string }) => d[$.key] != null)
    .groupby('month', key)
    .rollup({ valueUsd: op.sum('valueUsd') });
  for (const row of rolled.objects() as Record<string, unknown>[]) {
    const month = row.month as string;
    const byKey = sums.get(month) ?? new Map<string, number>();
    byKey.set(String(row[key]), (row.valueUsd as number | undefined) ?? 0);
    sums.set(month, byKey);
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
