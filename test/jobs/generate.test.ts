import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig, type Config } from '../../src/config.js';
import { loadReference } from '../../src/data/reference/load-reference.js';
import { DataError } from '../../src/errors.js';
import { describeMonths, generate } from '../../src/jobs/generate.js';
import { monthRange } from '../../src/stats/month-keys.js';
import type { StatsJson } from '../../src/stats/types.js';

const HEADER = 'month,flow,region,partner,hsCode,regime,valueUsd,qty1,unit1,qty2,unit2';
const now = new Date('2026-11-27T00:00:00Z');
const reference = loadReference();

/** 2021-01 … 2022-08 complete (US grows each month), 2022-09 a partial download worth almost nothing. */
function canonicalCsv(): string {
  const lines = [HEADER];
  monthRange('2021-01', '2022-08').forEach((month, index) => {
    lines.push(`${month},export,65,145,84713000,10,100000,,,,`);
    lines.push(`${month},export,65,146,84713000,10,50000,,,,`);
    lines.push(`${month},export,65,502,95051000,10,${1000 + index * 100},10,千克,,`);
    lines.push(`${month},export,65,502,61159600,10,500,200,双,3,千克`);
  });
  lines.push('2022-09,export,65,145,84713000,10,10,,,,', '2022-09,export,65,146,84713000,10,10,,,,', '2022-09,export,65,502,95051000,10,1,1,千克,,');
  return `${lines.join('\n')}\n`;
}

const configInput = {
  outDir: 'out',
  reports: [
    {
      id: 'test-us',
      title: 'Test exports to the US',
      flow: 'export',
      regions: ['65'],
      focusPartner: '502',
      data: [{ path: 'trade.csv', format: 'canonical' }],
      basket: ['christmas', 'socks'],
      wording: { exporters: 'Xinjiang entities' },
    },
  ],
};

let dir: string;
let config: Config;
const logs: string[] = [];
const effects = { now, log: (line: string) => logs.push(line) };

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tradebrief-generate-'));
  await writeFile(path.join(dir, 'trade.csv'), canonicalCsv(), 'utf8');
  config = parseConfig(configInput, { baseDir: dir, configFile: path.join(dir, 'tradebrief.config.json') });
});


describe('generate()', () => {
  it('writes stats.json under out/<report>/<month>/ and leaves no temp file behind', async () => {
    const { statsPath, stats } = await generate({ config, report: 'test-us', month: '2022-08', reference }, effects);
    expect(statsPath).toBe(path.join(dir, 'out', 'test-us', '2022-08', 'stats.json'));
    const written = JSON.parse(await readFile(statsPath, 'utf8')) as StatsJson;
    expect(written).toEqual(JSON.parse(JSON.stringify(stats)));
    expect(written).toMatchObject({ schemaVersion: 1, report: 'test-us', month: '2022-08', flow: 'export' });
    expect(written.headline).toMatchObject({ valueUsd: 3400, prevMonthValueUsd: 3300, riseStreakMonths: 19 });
    expect(written.narrative[0]?.text).toBe('Xinjiang entities exported US$3,400 worth of goods to the US in August, the highest in data going back to January 2021.');
    expect(await readdir(path.dirname(statsPath))).toEqual(['stats.json']);
  });

  it('refuses a month with no data and names the months that are available', async () => {
    const error = await generate({ config, report: 'test-us', month: '2023-01', reference }, effects).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).message).toContain('no export data for 2023-01');
    expect((error as DataError).message).toContain('2021-01 … 2022-08 (20 months)');
  });

  it('refuses a month that looks incomplete, with the reason', async () => {
    const error = await generate({ config, report: 'test-us', month: '2022-09', reference }, effects).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).message).toMatch(/2022-09 looks incomplete .*complete months available: 2021-01 … 2022-08/);
    expect((error as DataError).problems[0]?.rule).toBe('month.incomplete');
  });

  it('takes "latest" as the latest complete month', async () => {
    const { stats } = await generate({ config, report: 'test-us', month: 'latest', reference }, effects);
    expect(stats.month).toBe('2022-08');
  });

  it('reports an incomplete month anyway when the rule is only a warning', async () => {
    const lenient = parseConfig({ ...configInput, validation: { incompleteMonth: { severity: 'warning' } } }, { baseDir: dir });
    logs.length = 0;
    const { stats } = await generate({ config: lenient, report: 'test-us', month: '2022-09', reference }, effects);
    expect(stats.headline).toMatchObject({ valueUsd: 1, momPct: -100 });
    expect(logs.some((line) => line.includes('warning') && line.includes('2022-09 export total'))).toBe(true);
  });

  it('reports a config mistake before reading any data', async () => {
    const broken = parseConfig(
      { ...configInput, reports: [{ ...configInput.reports[0], basket: ['xmas'], data: [{ path: 'missing.csv' }] }] },
      { baseDir: dir },
    );
    await expect(generate({ config: broken, report: 'test-us', month: '2022-08', reference }, effects)).rejects.toThrow(
      'reports[0].basket[0]: unknown category "xmas"',
    );
  });

  it('reads --data files instead of the report\'s own', async () => {
    const other = path.join(dir, 'other.csv');
    await writeFile(other, `${HEADER}\n2022-08,export,65,502,95051000,10,77,,,,\n`, 'utf8');
    const { stats, statsPath } = await generate(
      { config, report: 'test-us', month: '2022-08', dataFiles: [other], outDir: path.join(dir, 'elsewhere'), reference },
      effects,
    );
    expect(stats.headline.valueUsd).toBe(77);
    expect(statsPath).toBe(path.join(dir, 'elsewhere', 'test-us', '2022-08', 'stats.json'));
  });
});

describe('describeMonths()', () => {
  it('shows the span and names the gaps', () => {
    expect(describeMonths(['2022-01', '2022-02', '2022-04', '2022-05'])).toBe('2022-01 … 2022-05 (4 months; missing 2022-03)');
    expect(describeMonths(['2022-01', '2022-02'])).toBe('2022-01, 2022-02');
    expect(describeMonths([])).toBe('none');
  });
});
