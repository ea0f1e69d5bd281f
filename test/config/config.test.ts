import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULTS, findReport, loadConfig, parseConfig, resolveBasket, resolveEcommerce } from '../../src/config.js';
import { ConfigError, UsageError } from '../../src/errors.js';
import { tinyReference } from '../stats/tiny-reference.js';

const minimalReport = {
  id: 'xj-us',
  title: 'Xinjiang exports to the US',
  flow: 'export',
  regions: ['65'],
  focusPartner: '502',
  data: [{ path: 'data/x-*.csv', format: 'gacc', flow: 'export' }],
};

function parse(input: unknown) {
  return parseConfig(input, { baseDir: '/srv/reports', configFile: '/srv/reports/tradebrief.config.json' });
}

function errorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig()', () => {
  it('fills every default from one place', () => {
    const report = parse({ reports: [minimalReport] }).reports[0];
    expect(report).toMatchObject({
      productHsLevel: DEFAULTS.productHsLevel,
      historyMonths: 25,
      top: { partners: 15, products: 10 },
      locale: 'en',
      basket: [],
      ecommerce: 'ecommerce-b2c',
    });
    expect(report?.data[0]).toMatchObject({ encoding: 'auto' });
  });

  it("resolves data paths and the output folder against the config file's folder", () => {
    const config = parse({ outDir: 'reports-out', reports: [{ ...minimalReport, national: { data: [{ path: '../national.csv' }] } }] });
    expect(config.outDir).toBe('/srv/reports/reports-out');
    expect(config.reports[0]?.data[0]?.path).toBe('/srv/reports/data/x-*.csv');
    expect(config.reports[0]?.national?.data[0]?.path).toBe('/srv/national.csv');
    expect(config.reports[0]?.national?.label).toBe('China');
  });

  it('freezes what it returns', () => {
    const config = parse({ reports: [minimalReport] });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.reports[0]?.data[0])).toBe(true);
  });

  it('names the bad key and echoes the bad value', () => {
    const error = errorOf(() => parse({ reports: [{ ...minimalReport, focusPartner: 'US' }] }));
    expect(error.message).toContain('reports[0].focusPartner: expected a 3-digit GACC partner code, got "US"');
    expect(error.message).toContain('/srv/reports/tradebrief.config.json');
  });

  it('reports every problem at once', () => {
    const error = errorOf(() => parse({ reports: [{ ...minimalReport, productHsLevel: 5, regions: ['Xinjiang'], flow: 'both' }] }));
    expect(error.message).toContain('reports[0].productHsLevel: expected 2, 4, 6 or 8, got 5');
    expect(error.message).toContain('reports[0].regions[0]: expected a 2-digit GACC registration-place code (65 = Xinjiang), got "Xinjiang"');
    expect(error.message).toContain('reports[0].flow: expected "export" or "import", got "both"');
  });

  it('refuses unknown keys, so a typo does not silently fall back to a default', () => {
    expect(errorOf(() => parse({ reports: [{ ...minimalReport, focusPartnr: '502' }] })).message).toMatch(/reports\[0\].*focusPartnr/);
  });

  it('checks the time zone is a real IANA zone', () => {
    expect(parse({ reports: [minimalReport] }).timeZone).toBe('Asia/Shanghai');
    expect(errorOf(() => parse({ timeZone: 'China/Urumqi', reports: [minimalReport] })).message).toContain(
      'timeZone: expected an IANA time zone such as "Asia/Shanghai", got "China/Urumqi"',
    );
  });

  it('refuses two reports with one id', () => {
    expect(errorOf(() => parse({ reports: [minimalReport, minimalReport] })).message).toContain('reports[1].id: "xj-us" is defined twice');
  });

  it('asks for at least one report', () => {
    expect(errorOf(() => parse({ reports: [] })).message).toContain('reports: expected at least one report definition');
  });
});

describe('resolveBasket() and resolveEcommerce()', () => {
  it('looks ids up in the reference and keeps inline rules', () => {
    const report = parse({
      reports: [{ ...minimalReport, basket: ['socks', { id: 'machinery', label: 'machinery', prefixes: ['84'] }] }],
    }).reports[0]!;
    expect(resolveBasket(report, tinyReference).map((category) => [category.id, category.prefixes])).toEqual([
      ['socks', ['6115']],
      ['machinery', ['84']],
    ]);
    expect(resolveEcommerce(report, tinyReference)?.prefixes).toEqual(['98050000']);
  });

  it('names the basket entry that is not a known category', () => {
    const report = parse({ reports: [{ ...minimalReport, basket: ['socks', 'xmas'] }] }).reports[0]!;
    expect(() => resolveBasket(report, tinyReference, 0)).toThrow('reports[0].basket[1]: unknown category "xmas"');
  });

  it('turns the e-commerce channel off with false', () => {
    const report = parse({ reports: [{ ...minimalReport, ecommerce: false }] }).reports[0]!;
    expect(resolveEcommerce(report, tinyReference)).toBeNull();
  });
});

describe('findReport()', () => {
  it('lists the report ids when the one asked for does not exist', () => {
    const config = parse({ reports: [minimalReport] });
    expect(findReport(config, 'xj-us').id).toBe('xj-us');
    expect(() => findReport(config, 'xj-kz')).toThrow(UsageError);
    try {
      findReport(config, 'xj-kz');
    } catch (error) {
      expect((error as UsageError).hint).toContain('xj-us');
    }
  });
});

describe('loadConfig()', () => {
  it('loads the shipped config with its two reports', async () => {
    const config = await loadConfig(path.resolve('tradebrief.config.json'));
    expect(config.reports.map((report) => [report.id, report.focusPartner])).toEqual([
      ['xinjiang-us', '502'],
      ['xinjiang-kz', '145'],
    ]);
    expect(config.reports[0]?.data[0]?.path).toBe(path.resolve('data/sample/gacc/xinjiang-exports-*.csv'));
  });

  it('says which file is missing or not JSON', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tradebrief-config-'));
    await expect(loadConfig(path.join(dir, 'nope.json'))).rejects.toThrow(/cannot read config file/);
    await writeFile(path.join(dir, 'bad.json'), '{ "reports": [', 'utf8');
    await expect(loadConfig(path.join(dir, 'bad.json'))).rejects.toThrow(/bad\.json: not valid JSON/);
  });
});
