import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCellCache, regionRows, writeMonth } from '../../bench/make-data/write-month.js';
import { buildWorld } from '../../bench/make-data/world.js';
import { parseRowCount } from '../../bench/make-data.js';
import { loadDataFiles } from '../../src/data/load.js';
import { loadReference } from '../../src/data/reference/load-reference.js';

const world = buildWorld('test-seed', 'data/reference/gacc');
const cache = buildCellCache(world);

describe('bench/make-data', () => {
  it('parses sizes as the npm script takes them', () => {
    expect([parseRowCount('100k'), parseRowCount('1M'), parseRowCount('36M'), parseRowCount('2500')]).toEqual([100_000, 1_000_000, 36_000_000, 2500]);
    expect(() => parseRowCount('lots')).toThrow(/--rows/);
  });

  it('splits a month over all 31 provinces, exactly', () => {
    const counts = regionRows(world, 10_007);
    expect(counts.size).toBe(31);
    expect([...counts.values()].reduce((sum, count) => sum + count, 0)).toBe(10_007);
    expect(counts.get('65')).toBeGreaterThan(0);
  });

  it('writes a month that the GACC reader and every validation rule accept, the same bytes every time', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'make-data-'));
    const job = { seed: 'test-seed', month: '2022-08', monthIndex: 31, rows: 5000 };
    writeMonth(world, cache, { ...job, path: path.join(dir, 'a.csv') });
    writeMonth(world, cache, { ...job, path: path.join(dir, 'b.csv') });
    expect(readFileSync(path.join(dir, 'a.csv')).equals(readFileSync(path.join(dir, 'b.csv')))).toBe(true);
    const data = await loadDataFiles([{ path: path.join(dir, 'a.csv'), flow: 'export', encoding: 'utf8' }], { reference: loadReference(), now: new Date('2026-01-01') });
    expect(data.problems).toEqual([]);
    expect(data.records).toHaveLength(5000);
    expect(new Set(data.records.map((record) => record.region)).size).toBe(31);
    expect(data.records.some((record) => record.region === '65' && record.partner === '502')).toBe(true);
    expect(data.files[0]).toMatchObject({ encoding: 'utf8', currency: 'USD', months: ['2022-08'] });
  });
});
