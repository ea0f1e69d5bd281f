/**
 * The stats benchmark's check (bench/stats/): DuckDB's SQL answers the sample's press figures on their own, our
 * computeStats gives the same figures field by field, and the comparison catches a figure that differs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareFigures } from '../../bench/stats/compare.js';
import { writeUtf8Sample } from '../../bench/stats/data-sets.js';
import { loadLookups, loadTrade } from '../../bench/stats/duckdb-load.js';
import { createMacros, queryFigures } from '../../bench/stats/duckdb-queries.js';
import { figuresOfStats, type StatsFigures } from '../../bench/stats/figures.js';
import { loadReference, oursOnce } from '../../bench/stats/ours.js';
import { findReport, loadConfig } from '../../src/config.js';
import { unitName } from '../../src/data/reference/unit-name.js';
import { statsDefinition } from '../../src/jobs/report-data.js';

describe('the stats benchmark check on data/sample (xinjiang-us, 2022-08)', () => {
  let dir: string;
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;
  let duckdb: StatsFigures;
  let ours: StatsFigures;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'stats-check-'));
    const { csvFiles, configFile } = await writeUtf8Sample(dir);
    const config = await loadConfig(configFile);
    const reference = loadReference();
    const definition = statsDefinition(findReport(config, 'xinjiang-us'), reference);
    instance = await DuckDBInstance.create(':memory:');
    connection = await instance.connect();
    expect(await loadTrade(connection, csvFiles)).toBe(43_993);
    const categories = [...definition.basket, ...(definition.ecommerce === null ? [] : [definition.ecommerce])];
    await loadLookups(connection, [...new Map(categories.map((category) => [category.id, category])).values()], (unit) => unitName(reference, unit, 'en'));
    await createMacros(connection);
    duckdb = await queryFigures(connection, definition, '2022-08');
    ours = figuresOfStats((await oursOnce(config, 'xinjiang-us', '2022-08', reference, new Date('2026-01-01T00:00:00Z'))).stats);
  });

  afterAll(async () => {
    connection?.closeSync();
    instance?.closeSync();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('finds the published figures with SQL alone', () => {
    expect(duckdb.headline.valueUsd).toBe(56_803_412);
    expect(duckdb.headline.yoyPct).toBe(592.8);
    expect(duckdb.headline.highestInMonths).toBe(10);
    expect(duckdb.focusPartner).toMatchObject({ rank: 5, prevRank: 12 });
    expect(duckdb.categories.find((category) => category.id === 'christmas')?.valueUsd).toBe(4_803_215);
    expect(duckdb.products[0]).toMatchObject({ hsCode: '950510', rank: 1, topStreakMonths: 2 });
    expect(duckdb.ecommerce).toMatchObject({ valueUsd: 3786, items: 45 });
    expect(duckdb.series).toHaveLength(25);
  });

  it('gives the same figures as computeStats, every one', () => {
    const comparison = compareFigures(ours, duckdb);
    expect(comparison.differences).toEqual([]);
    expect(comparison.checked).toBeGreaterThan(1000);
  });

  it('names a figure that differs, and a list of another length', () => {
    const changed = structuredClone(duckdb);
    changed.partners[4]!.rank += 1;
    changed.series.pop();
    const comparison = compareFigures(ours, changed);
    expect(comparison.differences).toEqual([
      { path: 'partners[4].rank', ours: 5, duckdb: 6 },
      { path: 'series.length', ours: 25, duckdb: 24 },
    ]);
  });
});
