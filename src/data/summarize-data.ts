import type { FileSummary, LoadedData } from './load.js';
import type { Currency, Flow } from './record.js';

export interface MonthTotal {
  month: string;
  /** The region the total covers; null for rows not broken down by region (a national series). */
  region: string | null;
  flow: Flow;
  currency: Currency;
  value: number;
  rows: number;
}

export interface DataSummary {
  files: FileSummary[];
  rows: number;
  months: string[];
  /** Distinct region codes; empty when no file is broken down by region. */
  regions: string[];
  partners: string[];
  totals: MonthTotal[];
}

const distinctSorted = (values: Iterable<string | null>): string[] =>
  [...new Set([...values].filter((value): value is string => value !== null))].sort();

/**
 * What a dataset covers, for `data check`: files, months, rows, regions, partners and the total value per
 * month, region, flow and currency (each currency kept apart: values are never converted; a national series
 * is kept apart from the regional files, so the two are never added up).
 *
 * @example
 * summarizeData(data).totals // [{ month: '2024-01', region: null, flow: 'export', currency: 'USD', value: 447062632, rows: 1 }, …]
 */
export function summarizeData(data: LoadedData): DataSummary {
  const totals = new Map<string, MonthTotal>();
  for (const record of data.records) {
    const currency: Currency = record.valueUsd !== null ? 'USD' : 'CNY';
    const key = `${record.month} ${record.region ?? '*'} ${record.flow} ${currency}`;
    let total = totals.get(key);
    if (!total) totals.set(key, (total = { month: record.month, region: record.region, flow: record.flow, currency, value: 0, rows: 0 }));
    total.value += (currency === 'USD' ? record.valueUsd : record.valueCny) ?? 0;
    total.rows += 1;
  }
  return {
    files: data.files,
    rows: data.records.length,
    months: distinctSorted(data.records.map((record) => record.month)),
    regions: distinctSorted(data.records.map((record) => record.region)),
    partners: distinctSorted(data.records.map((record) => record.partner)),
    totals: [...totals.values()].sort((a, b) => a.month.localeCompare(b.month) || (a.region ?? '').localeCompare(b.region ?? '') || a.flow.localeCompare(b.flow) || a.currency.localeCompare(b.currency)),
  };
}
