import { describe, expect, it } from 'vitest';
import { summarizeData } from '../../src/data/summarize-data.js';
import { aRecord, originsFor } from './helpers/tiny-reference.js';

describe('summarizeData()', () => {
  it('totals each month per flow and keeps currencies apart', () => {
    const records = [
      aRecord({ month: '2022-08', valueUsd: 10 }),
      aRecord({ month: '2022-08', partner: '145', valueUsd: 5 }),
      aRecord({ month: '2022-08', flow: 'import', valueUsd: 7 }),
      aRecord({ month: '2022-07', valueUsd: null, valueCny: 70 }),
    ];
    const summary = summarizeData({ records, origins: originsFor(4), problems: [], files: [] });
    expect(summary.totals).toEqual([
      { month: '2022-07', region: '65', flow: 'export', currency: 'CNY', value: 70, rows: 1 },
      { month: '2022-08', region: '65', flow: 'export', currency: 'USD', value: 15, rows: 2 },
      { month: '2022-08', region: '65', flow: 'import', currency: 'USD', value: 7, rows: 1 },
    ]);
    expect(summary.months).toEqual(['2022-07', '2022-08']);
    expect(summary.partners).toEqual(['145', '502']);
    expect(summary.rows).toBe(4);
  });

  it('keeps a national series (no region) apart from the regional rows of the same month', () => {
    const records = [aRecord({ month: '2022-08', valueUsd: 10 }), aRecord({ month: '2022-08', region: null, valueUsd: 1000 })];
    const summary = summarizeData({ records, origins: originsFor(2), problems: [], files: [] });
    expect(summary.totals.map((total) => [total.region, total.value])).toEqual([[null, 1000], ['65', 10]]);
  });

  it('lists no regions when the data are not broken down by region', () => {
    expect(summarizeData({ records: [aRecord({ region: null })], origins: originsFor(1), problems: [], files: [] }).regions).toEqual([]);
  });
});
