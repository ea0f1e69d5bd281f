import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import type { TradeRecord } from '../../src/data/record.js';
import { RECORD_FIELDS, type TradeColumns } from '../../src/data/trade-columns.js';
import { columnValues, keepRows } from '../../src/stats/table-columns.js';
import { coveredMonths, scopeMonths, sumByMonth, sumByMonthAnd, tradeTable } from '../../src/stats/trade-table.js';
import { record } from './tiny-reference.js';

const records: TradeRecord[] = [
  record('2022-07', '502', '95051000', 5),
  { ...record('2022-07', '145', '95030089', 3), region: '44' },
  record('2022-08', '502', '95051000', 0.1),
  { ...record('2022-08', '145', '95030089', 7), valueUsd: null, valueCny: 7 },
  record('2022-06', '145', '95030089', 0.2),
  { ...record('2022-08', '145', '95030021', 0.7), flow: 'import' },
  record('2022-08', '502', '95030021', 0.2),
];

function asColumns(rows: readonly TradeRecord[]): TradeColumns {
  const columns = Object.fromEntries(RECORD_FIELDS.map((field) => [field, rows.map((row) => row[field])]));
  return { length: rows.length, columns: columns as unknown as TradeColumns['columns'] };
}

describe('tradeTable() from columns', () => {
  const scope = { flow: 'export' as const, regions: ['65'] };

  it('keeps the same rows, columns and order as from records', () => {
    expect(tradeTable(asColumns(records), scope).objects()).toEqual(tradeTable(records, scope).objects());
    expect(tradeTable(asColumns(records), scope).columnNames()).toEqual(tradeTable(records, scope).columnNames());
    expect(tradeTable(asColumns(records), { flow: 'export', regions: null }).numRows()).toBe(5);
  });

  it('lists the months the table would cover without building it', () => {
    const months = coveredMonths(tradeTable(records, scope));
    expect(months).toEqual(['2022-06', '2022-07', '2022-08']);
    expect(scopeMonths(records, scope)).toEqual(months);
    expect(scopeMonths(asColumns(records), scope)).toEqual(months);
    expect(scopeMonths(asColumns(records), { flow: 'import', regions: ['65'] })).toEqual(['2022-08']);
  });
});

describe('sums over columns', () => {
  const table = tradeTable(records, { flow: 'export', regions: null });

  it('adds in row order, as arquero does, with months and keys in first-seen order', () => {
    const rolled = table.groupby('month', 'partner').rollup({ valueUsd: aq.op.sum('valueUsd') }).objects() as { month: string; partner: string; valueUsd: number }[];
    const sums = sumByMonthAnd(table, 'partner');
    expect([...sums.keys()]).toEqual(['2022-07', '2022-08', '2022-06']);
    expect(rolled.map((row) => [row.month, row.partner, row.valueUsd])).toEqual([...sums].flatMap(([month, byKey]) => [...byKey].map(([key, value]) => [month, key, value])));
    expect(sumByMonth(table).get('2022-08')).toBe(0.1 + 0.2);
  });
});

describe('keepRows() / columnValues()', () => {
  it('keeps the rows whose value passes, with every column, from a filtered table too', () => {
    const table = tradeTable(records, { flow: 'export', regions: null });
    const filtered = table.filter((d: { month: string }) => d.month !== '2022-06');
    const kept = keepRows(filtered, 'partner', (partner) => partner === '502');
    expect(kept.objects()).toEqual(filtered.objects().filter((row) => (row as TradeRecord).partner === '502'));
    expect([...(columnValues(filtered, 'month') as string[])]).toEqual(['2022-07', '2022-07', '2022-08', '2022-08']);
  });
});
