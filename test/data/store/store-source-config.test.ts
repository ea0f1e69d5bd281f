import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config.js';

const report = (data: unknown[]) => ({
  reports: [{ id: 'xinjiang-us', title: 'Xinjiang exports to the United States', flow: 'export', regions: ['65'], focusPartner: '502', data }],
});
const parse = (input: unknown) => parseConfig(input, { baseDir: '/srv/reports', configFile: '/srv/reports/tradebrief.config.json' });

describe('a store in a report\'s data list', () => {
  it('takes { "store": "<dir>" }, resolved against the config\'s folder like a file path', () => {
    expect(parse(report([{ store: 'data/store' }])).reports[0]?.data).toEqual([{ path: '/srv/reports/data/store', format: 'store', encoding: 'auto' }]);
  });

  it('takes { "path": "<dir>", "format": "store" } too, beside raw files', () => {
    const data = parse(report([{ path: 'gacc/*.csv', flow: 'export' }, { path: 'store', format: 'store' }])).reports[0]?.data;
    expect(data?.map((source) => source.format)).toEqual(['auto', 'store']);
  });

  it('names the key when a store entry has one it does not know', () => {
    expect(() => parse(report([{ store: 'data/store', regions: ['65'] }]))).toThrow(/reports\.0\.data\.0|reports\[0\]\.data\[0\]/);
  });
});
