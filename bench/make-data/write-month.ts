/**
 * One month of the bench cube as a GACC query-platform export (FORMATS.md §2a): every field quoted, a trailing
 * comma, thousands separators in 美元, `"0","?"` for an absent second unit, names from the code lists. UTF-8,
 * not GB18030: DuckDB, the stats bench's reference engine, cannot read GB18030 without an extension it cannot
 * download here (tradebrief reads both). Written in large chunks to a temporary name, then renamed.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import seedrandom from 'seedrandom';
import { GACC_HEADER, withThousands } from '../../scripts/sample/gacc-csv.js';
import { normal, pick, type Weighted, type World } from './world.js';

const XINJIANG = '65';
const FLUSH_CHARS = 4 * 1024 * 1024;

/** Quoted "code","name" cells of every code, built once per world (the hot loop only concatenates). */
export interface CellCache {
  hs: Map<string, { cells: string; unit1: string; unit2: string | null }>;
  partner: Map<string, string>;
  regime: Map<string, string>;
  region: Map<string, string>;
}

const quoted = (text: string): string => `"${text.replaceAll('"', '""')}"`;

export function buildCellCache(world: World): CellCache {
  const { lists } = world;
  const pairs = (names: ReadonlyMap<string, string>) => new Map([...names].map(([code, name]) => [code, `${quoted(code)},${quoted(name)}`]));
  const hs = new Map([...lists.hs8].map(([code, line]) => [code, { cells: `${quoted(code)},${quoted(line.name)}`, unit1: quoted(line.unit1), unit2: line.unit2 === null ? null : quoted(line.unit2) }]));
  return { hs, partner: pairs(lists.partners), regime: pairs(lists.regimes), region: pairs(lists.regions) };
}

/**
 * Splits `rows` over the provinces by their shares; the largest takes the rounding remainder so the month
 * has exactly `rows` rows. @example regionRows(world, 1000).get('65') // 40
 */
export function regionRows(world: World, rows: number): Map<string, number> {
  const counts = new Map(world.regions.map((region) => [region.code, Math.floor(rows * region.share)]));
  const assigned = [...counts.values()].reduce((sum, count) => sum + count, 0);
  const largest = [...world.regions].sort((a, b) => b.share - a.share)[0]?.code ?? '44';
  counts.set(largest, (counts.get(largest) ?? 0) + rows - assigned);
  return counts;
}

/**
 * Writes the month's file with `rows` data rows, distinct (region, partner, HS8, regime) keys, skewed values.
 * @example writeMonth(world, cache, { seed, month: '2022-08', monthIndex: 31, rows: 27778, path })
 */
export function writeMonth(world: World, cache: CellCache, job: { seed: string; month: string; monthIndex: number; rows: number; path: string }): void {
  mkdirSync(dirname(job.path), { recursive: true });
  const temporary = `${job.path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  const yyyymm = quoted(job.month.replace('-', ''));
  // A slow upward trend with a seasonal swing, so year-on-year figures and "highest since" have something to say.
  const monthFactor = (1 + 0.012 * job.monthIndex) * (1 + 0.18 * Math.sin(((Number(job.month.slice(5)) - 4) / 12) * 2 * Math.PI));
  let chunk = `${GACC_HEADER}\n`;
  try {
    for (const [region, count] of regionRows(world, job.rows)) {
      const random = seedrandom.alea(`${job.seed}|${job.month}|${region}`);
      const isXinjiang = region === XINJIANG;
      const partners = isXinjiang ? world.xinjiangPartners : world.partners;
      const products = isXinjiang ? world.xinjiangHs8 : world.hs8;
      const regimes = isXinjiang ? world.xinjiangRegimes : world.regimes;
      const regionCells = cache.region.get(region) ?? '';
      const seen = new Set<number>();
      for (let row = 0; row < count; row += 1) {
        const [partnerIndex, hsIndex, regimeIndex] = distinctKey(seen, random, partners, products, regimes);
        const partner = partners.items[partnerIndex] as string;
        const hsCode = products.items[hsIndex] as string;
        const regime = regimes.items[regimeIndex] as string;
        const line = cache.hs.get(hsCode);
        if (line === undefined) throw new Error(`make-data: HS ${hsCode} has no cells`);
        const value = Math.max(1, Math.round(Math.exp(9.5 + 1.9 * normal(random)) * monthFactor));
        const qty1 = Math.max(1, Math.round(value / (world.unitPrice.get(hsCode) ?? 1)));
        const second = line.unit2 === null ? '"0","?"' : `"${Math.max(1, Math.round(qty1 * (0.2 + random())))}",${line.unit2}`;
        chunk += `${yyyymm},${line.cells},${cache.partner.get(partner)},${cache.regime.get(regime)},${regionCells},"${qty1}",${line.unit1},${second},"${withThousands(value)}",\n`;
        if (chunk.length >= FLUSH_CHARS) {
          writeSync(fd, chunk);
          chunk = '';
        }
      }
    }
    writeSync(fd, chunk);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, job.path);
}

/** A (partner, HS8, regime) not yet used in this region-month: redraw a few times, then walk the HS list. */
function distinctKey(seen: Set<number>, random: () => number, partners: Weighted<string>, products: Weighted<string>, regimes: Weighted<string>): [number, number, number] {
  const hsCount = products.items.length;
  const regimeCount = regimes.items.length;
  let partner = pick(partners, random());
  let hs = pick(products, random());
  const regime = pick(regimes, random());
  for (let attempt = 0; attempt < 4 && seen.has((partner * hsCount + hs) * regimeCount + regime); attempt += 1) {
    partner = pick(partners, random());
    hs = pick(products, random());
  }
  while (seen.has((partner * hsCount + hs) * regimeCount + regime)) {
    hs += 1;
    if (hs === hsCount) {
      hs = 0;
      partner = (partner + 1) % partners.items.length;
    }
  }
  seen.add((partner * hsCount + hs) * regimeCount + regime);
  return [partner, hs, regime];
}
