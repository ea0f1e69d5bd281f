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
  it('writes stats.json under out/<report>/<month>/edition-1/ and leaves no temp file behind', async () => {
    const { statsPath, stats } = await generate({ config, report: 'test-us', month: '2022-08', reference }, effects);
    expect(statsPath).toBe(path.join(dir, 'out', 'test-us', '2022-08', 'edition-1', 'stats.json'));
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
    expect(statsPath).toBe(path.join(dir, 'elsewhere', 'test-us', '2022-08', 'edition-1', 'stats.json'));
  });
});

describe('generate() and editions', () => {
  const monthDir = (out: string) => path.join(out, 'test-us', '2022-08');
  /** edition-<n>/ as a complete pdf run leaves it: only the manifest matters for which editions count. */
  const complete = async (out: string, edition: number) => writeFile(path.join(monthDir(out), `edition-${edition}`, 'manifest.json'), '{}', 'utf8');

  it('rewrites the latest complete edition in place, and refuses to when its mailing has begun', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'tradebrief-editions-'));
    const first = await generate({ config, report: 'test-us', month: '2022-08', outDir: out, reference }, effects);
    expect(first.edition).toBe(1);
    await complete(out, 1);
    const asked: [string, number][] = [];
    const again = await generate({ config, report: 'test-us', month: '2022-08', outDir: out, reference }, { ...effects, mailingBegun: (month, edition) => (asked.push([month, edition]), false) });
    expect(again.statsPath).toBe(first.statsPath);
    expect(asked).toEqual([['2022-08', 1]]);
    const refused = await generate({ config, report: 'test-us', month: '2022-08', outDir: out, reference }, { ...effects, mailingBegun: () => true }).catch((caught: unknown) => caught);
    expect(refused).toMatchObject({ code: 'EditionAlreadySent', kind: 'user', hint: expect.stringContaining('tradebrief regenerate --report test-us --month 2022-08') });
  });

  it('compares edition 2 with edition 1 and writes changes.json; unchanged data give an empty list', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'tradebrief-editions-'));
    const other = path.join(dir, 'revised.csv');
    await writeFile(other, canonicalCsv().replace('2022-08,export,65,502,61159600,10,500,', '2022-08,export,65,502,61159600,10,900,'), 'utf8');
    await generate({ config, report: 'test-us', month: '2022-08', outDir: out, reference }, effects);
    await complete(out, 1);
    const same = await generate({ config, report: 'test-us', month: '2022-08', outDir: out, reference, edition: 2 }, effects);
    expect(same.changes).toEqual([]);
    expect(JSON.parse(await readFile(path.join(monthDir(out), 'edition-2', 'changes.json'), 'utf8'))).toEqual({ schemaVersion: 1, report: 'test-us', month: '2022-08', edition: 2, comparedWith: 1, changes: [] });

    const revised = await generate({ config, report: 'test-us', month: '2022-08', outDir: out, reference, edition: 2, dataFiles: [other] }, effects);
    expect(revised.changes?.[0]).toEqual({
      kind: 'figure',
      key: 'headline.valueUsd',
      field: 'Exports to the United States, August 2022',
      before: 'US$3,400',
      after: 'US$3,800',
      beforeValue: 3400,
      afterValue: 3800,
    });
    expect(revised.changes?.map((change) => change.key)).toContain('categories[socks].valueUsd');
    // Edition 1 was left as it was.
    expect((JSON.parse(await readFile(path.join(monthDir(out), 'edition-1', 'stats.json'), 'utf8')) as StatsJson).headline.valueUsd).toBe(3400);
  });

  it('gives a byte-identical report.html when the inputs and the clock are unchanged', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'tradebrief-editions-'));
    const first = await generate({ config, report: 'test-us', month: '2022-08', outDir: out, reference, stage: 'html' }, effects);
    const html = await readFile(first.htmlPath ?? '', 'utf8');
    const again = await generate({ config, report: 'test-us', month: '2022-08', outDir: out, reference, stage: 'html' }, effects);
    expect(again.htmlPath).toBe(first.htmlPath);
    expect(await readFile(again.htmlPath ?? '', 'utf8')).toBe(html);
    expect(html).not.toContain('id="corrections"');
  });

  it('refuses edition n when edition n-1 is not on disk to compare with', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'tradebrief-editions-'));
    await expect(generate({ config, report: 'test-us', month: '2022-08', outDir: out, reference, edition: 3 }, effects)).rejects.toMatchObject({ code: 'PreviousEditionMissing' });
  });
});

describe('describeMonths()', () => {
  it('shows the span and names the gaps', () => {
    expect(describeMonths(['2022-01', '2022-02', '2022-04', '2022-05'])).toBe('2022-01 … 2022-05 (4 months; missing 2022-03)');
    expect(describeMonths(['2022-01', '2022-02'])).toBe('2022-01, 2022-02');
    expect(describeMonths([])).toBe('none');
  });
});
