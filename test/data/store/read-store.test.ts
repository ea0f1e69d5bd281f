import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataError } from '../../../src/errors.js';
import { loadDataFiles } from '../../../src/data/load.js';
import { loadReference } from '../../../src/data/reference/load-reference.js';
import { importFiles } from '../../../src/data/store/import-files.js';
import { loadStoreColumns, loadStoreData } from '../../../src/data/store/read-store.js';
import { isColumns, rowsToRecords } from '../../../src/data/trade-columns.js';
import { findReport, loadConfig } from '../../../src/config.js';
import { statsDefinition } from '../../../src/jobs/report-data.js';
import { computeStats, RANK_HISTORY_MONTHS } from '../../../src/stats/compute-stats.js';
import { addMonths } from '../../../src/stats/month-keys.js';

const reference = loadReference();
const now = new Date('2022-10-21T01:00:00Z');
const SAMPLE = path.resolve('data/sample/gacc/xinjiang-exports-*.csv');
const quiet = { reference, now, log: () => {} };
const HEADER = '"数据年月","商品编码","商品名称","贸易伙伴编码","贸易伙伴名称","贸易方式编码","贸易方式名称","注册地编码","注册地名称","第一数量","第一计量单位","第二数量","第二计量单位","美元",';
const row = (month: string, partner: string, region: string, value: string) =>
  `"${month}","95051000","圣诞节用品","${partner}","x","10","一般贸易","${region}","y","100","千克","0","?","${value}",`;

describe('loadStoreData() on the imported sample', () => {
  const store = path.join(mkdtempSync(path.join(tmpdir(), 'store-')), 'store');
  const rules = { incompleteMonth: { minShareOfMedian: 0.3, minPartnerShare: 0.5, lookbackMonths: 12, severity: 'warning' as const } };

  beforeAll(async () => {
    await importFiles([{ path: SAMPLE, flow: 'export' }], store, quiet);
  }, 120_000);

  it('gives the same records, in the same order, and the same file list as reading the raw files', async () => {
    const raw = await loadDataFiles([{ path: SAMPLE, flow: 'export' }], { reference, now, rules });
    const stored = await loadStoreData(store, { flow: 'export', regions: ['65'] }, { now, rules });
    expect(stored.records).toHaveLength(raw.records.length);
    expect(stored.records).toEqual(raw.records);
    expect(stored.files).toEqual(raw.files);
  }, 120_000);

  it('finds the same incomplete months as the raw files, from the totals kept at import', async () => {
    const strict = { incompleteMonth: { minShareOfMedian: 0.9, minPartnerShare: 0.95, lookbackMonths: 12, severity: 'warning' as const } };
    const raw = await loadDataFiles([{ path: SAMPLE, flow: 'export' }], { reference, now, rules: strict });
    const stored = await loadStoreData(store, { flow: 'export', regions: ['65'] }, { now, rules: strict });
    const incomplete = (problems: { rule: string }[]) => problems.filter((problem) => problem.rule === 'month.incomplete');
    expect(incomplete(raw.problems).length).toBeGreaterThan(0);
    expect(incomplete(stored.problems)).toEqual(incomplete(raw.problems));
  }, 120_000);

  it('reads no rows for a region the store does not hold, and refuses months after now', async () => {
    expect((await loadStoreData(store, { flow: 'export', regions: ['44'] }, { now, rules })).records).toEqual([]);
    expect((await loadStoreData(store, { flow: 'import', regions: ['65'] }, { now, rules })).records).toEqual([]);
    await expect(loadStoreData(store, { flow: 'export', regions: ['65'] }, { now: new Date('2022-08-15T00:00:00Z'), rules })).rejects.toThrow(/2022-09 is in the future/);
  });

  it.each(['2020-04', '2021-02', '2021-12', '2022-08', '2022-09'])('gives the same stats for %s when it reads only the window the month needs', async (month) => {
    const config = await loadConfig('tradebrief.config.json');
    const report = findReport(config, 'xinjiang-us');
    const definition = statsDefinition(report, reference);
    const all = await loadStoreData(store, { flow: 'export', regions: ['65'] }, { now, rules });
    const window = { first: addMonths(month, -RANK_HISTORY_MONTHS), last: month, focusPartner: report.focusPartner };
    const windowed = await loadStoreData(store, { flow: 'export', regions: ['65'], window }, { now, rules });
    expect(windowed.records.length).toBeLessThan(all.records.length);
    expect(computeStats({ records: windowed.records, reference, report: definition, month })).toEqual(computeStats({ records: all.records, reference, report: definition, month }));
  }, 120_000);

  it.each(['2021-02', '2022-08'])('gives the same rows as columns, and the same stats from them, for %s with its window', async (month) => {
    const config = await loadConfig('tradebrief.config.json');
    const report = findReport(config, 'xinjiang-us');
    const definition = statsDefinition(report, reference);
    const window = { first: addMonths(month, -RANK_HISTORY_MONTHS), last: month, focusPartner: report.focusPartner };
    const records = await loadStoreData(store, { flow: 'export', regions: ['65'], window }, { now, rules });
    const columns = await loadStoreColumns(store, { flow: 'export', regions: ['65'], window }, { now, rules });
    expect(isColumns(columns.records)).toBe(true);
    expect(rowsToRecords(columns.records)).toEqual(records.records);
    const fromColumns = computeStats({ records: columns.records, reference, report: definition, month });
    expect(JSON.stringify(fromColumns)).toBe(JSON.stringify(computeStats({ records: records.records, reference, report: definition, month })));
  }, 120_000);

  it('says how to make a store when there is none', async () => {
    await expect(loadStoreData(path.join(tmpdir(), 'no-such-store'), { flow: 'export', regions: ['65'] }, { now })).rejects.toThrow(DataError);
  });
});

describe('loadStoreData() with several regions', () => {
  it('reads only the regions asked for and keeps the rows in the order of the source file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'store-'));
    const file = path.join(dir, 'mixed.csv');
    writeFileSync(file, `${[HEADER, row('202207', '502', '65', '1'), row('202207', '502', '44', '2'), row('202207', '145', '65', '3'), row('202207', '502', '32', '4'), row('202207', '145', '44', '5')].join('\n')}\n`);
    const store = path.join(dir, 'store');
    await importFiles([{ path: file, flow: 'export' }], store, quiet);
    const raw = await loadDataFiles([{ path: file, flow: 'export' }], { reference, now });
    const stored = await loadStoreData(store, { flow: 'export', regions: ['65', '44'] }, { now });
    expect(stored.records.map((record) => record.valueUsd)).toEqual([1, 2, 3, 5]);
    expect(stored.records).toEqual(raw.records.filter((record) => record.region !== '32'));
    const columns = await loadStoreColumns(store, { flow: 'export', regions: ['65', '44'] }, { now });
    expect(rowsToRecords(columns.records)).toEqual(stored.records);
  });
});
