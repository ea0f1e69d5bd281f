/**
 * An independent cross-check: the figures computeStats gets with arquero, recomputed by deliberately naive
 * loops over the raw records, on random data (seeded, so a failure can be replayed).
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import type { TradeRecord } from '../../src/data/record.js';
import { computeStats } from '../../src/stats/compute-stats.js';
import { categories, definition, record, tinyReference } from './tiny-reference.js';

const PARTNERS = ['502', '145', '146', '344', '101'];
const HS_CODES = ['95051000', '95030089', '95030021', '61159600', '61159500', '62046200', '98050000', '84713000'];
const UNITS: Record<string, [string, string | null]> = {
  '95051000': ['千克', null],
  '95030089': ['个', '千克'],
  '95030021': ['个', '千克'],
  '61159600': ['双', '千克'],
  '61159500': ['双', '千克'],
  '62046200': ['件', '千克'],
  '98050000': ['千克', '件'],
  '84713000': ['台', '千克'],
};

function randomRecords(seed: string): { records: TradeRecord[]; months: string[] } {
  const random = seedrandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const months: string[] = [];
  for (let year = 2020; year <= 2022; year++) {
    for (let month = 1; month <= 12; month++) {
      // About one month in eight is missing from the files.
      if (random() < 0.12) continue;
      months.push(`${year}-${String(month).padStart(2, '0')}`);
    }
  }
  const records: TradeRecord[] = [];
  for (const month of months) {
    const rows = 5 + Math.floor(random() * 40);
    for (let row = 0; row < rows; row++) {
      const hsCode = pick(HS_CODES);
      const [unit1, unit2] = UNITS[hsCode] ?? ['千克', null];
      // Round values often collide, so ties get exercised.
      const valueUsd = random() < 0.1 ? 0 : Math.round(random() * 20) * 50;
      records.push(
        record(month, pick(PARTNERS), hsCode, valueUsd, {
          flow: random() < 0.15 ? 'import' : 'export',
          region: random() < 0.1 ? '44' : '65',
          qty1: Math.round(random() * 1000),
          unit1,
          qty2: unit2 === null ? null : Math.round(random() * 100),
          unit2,
        }),
      );
    }
  }
  return { records, months };
}

// ---- the naive side: plain loops, no arquero, no helpers from src/stats ----

function inScope(row: TradeRecord): boolean {
  return row.flow === 'export' && row.region === '65' && row.valueUsd !== null;
}

function naivePartnerTotals(records: TradeRecord[], month: string): Map<string, number> {
  const totals = new Map<string, number>();
  for (const row of records) {
    if (!inScope(row) || row.month !== month || row.partner === null) continue;
    totals.set(row.partner, (totals.get(row.partner) ?? 0) + (row.valueUsd ?? 0));
  }
  return totals;
}

function naiveRanking(totals: Map<string, number>): string[] {
  const entries = [...totals].filter(([, value]) => value > 0);
  entries.sort((a, b) => (a[1] !== b[1] ? b[1] - a[1] : a[0].localeCompare(b[0])));
  return entries.map(([code]) => code);
}

function naiveFocusValue(records: TradeRecord[], months: string[], month: string, prefix = ''): number | null {
  if (!months.includes(month)) return null;
  let sum = 0;
  for (const row of records) {
    if (inScope(row) && row.month === month && row.partner === '502' && (row.hsCode ?? '').startsWith(prefix)) sum += row.valueUsd ?? 0;
  }
  return sum;
}

function naivePct(current: number | null, base: number | null): number | null {
  if (current === null || base === null || base === 0) return null;
  return Math.round(((current - base) / base) * 1000) / 10;
}

function shift(month: string, by: number): string {
  const date = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + by, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

function naiveHighestSince(records: TradeRecord[], months: string[], month: string): string | null {
  const current = naiveFocusValue(records, months, month) ?? 0;
  const earlier = months.filter((candidate) => candidate < month).reverse();
  return earlier.find((candidate) => (naiveFocusValue(records, months, candidate) ?? 0) > current) ?? null;
}

function naiveTopProduct(records: TradeRecord[], month: string): string | undefined {
  const totals = new Map<string, number>();
  for (const row of records) {
    if (!inScope(row) || row.month !== month || row.partner !== '502' || row.hsCode === null) continue;
    const product = row.hsCode.slice(0, 6);
    totals.set(product, (totals.get(product) ?? 0) + (row.valueUsd ?? 0));
  }
  return naiveRanking(totals)[0];
}

describe('computeStats() against a naive recomputation', () => {
  for (const seed of ['tradebrief-1', 'tradebrief-2', 'tradebrief-3', 'tradebrief-4']) {
    it(`agrees on random data (seed ${seed})`, () => {
      const { records, months } = randomRecords(seed);
      const month = months[months.length - 1] ?? '2022-12';
      const stats = computeStats({ records, reference: tinyReference, report: definition(), month });

      const totals = naivePartnerTotals(records, month);
      expect(stats.partners.map((partner) => partner.code)).toEqual(naiveRanking(totals));
      expect(stats.partners.map((partner) => partner.valueUsd)).toEqual(naiveRanking(totals).map((code) => totals.get(code)));
      const previousRanking = months.includes(shift(month, -1)) ? naiveRanking(naivePartnerTotals(records, shift(month, -1))) : [];
      for (const partner of stats.partners) {
        const previous = previousRanking.indexOf(partner.code);
        expect(partner.prevRank).toBe(previous === -1 ? null : previous + 1);
      }

      const value = naiveFocusValue(records, months, month);
      const prev = naiveFocusValue(records, months, shift(month, -1));
      const yearAgo = naiveFocusValue(records, months, shift(month, -12));
      expect(stats.headline.valueUsd).toBe(value);
      expect(stats.headline.prevMonthValueUsd).toBe(prev);
      expect(stats.headline.yoyPct).toBe(naivePct(value, yearAgo));
      expect(stats.headline.momPct).toBe(naivePct(value, prev));
      if ((value ?? 0) > 0) expect(stats.headline.highestSince).toBe(naiveHighestSince(records, months, month));

      for (const category of stats.categories) {
        const rule = Object.values(categories).find((candidate) => candidate.id === category.id);
        const prefixes = rule?.prefixes ?? [];
        const sum = prefixes.reduce((total, prefix) => total + (naiveFocusValue(records, months, month, prefix) ?? 0), 0);
        expect(category.valueUsd).toBe(sum);
        const pairs = records
          .filter((row) => inScope(row) && row.month === month && row.partner === '502' && prefixes.some((p) => (row.hsCode ?? '').startsWith(p)))
          .reduce((total, row) => total + (row.unit1 === '双' ? (row.qty1 ?? 0) : 0), 0);
        expect(category.quantities.find((quantity) => quantity.unit === '双')?.quantity ?? 0).toBe(pairs);
      }

      const top = stats.products[0];
      expect(top?.hsCode).toBe(naiveTopProduct(records, month));
      if (top !== undefined) {
        let streak = 0;
        for (let at = month; months.includes(at) && naiveTopProduct(records, at) === top.hsCode; at = shift(at, -1)) streak++;
        expect(top.topStreakMonths).toBe(streak);
      }
    });
  }
});
