import { describe, expect, it } from 'vitest';
import { products, shortLabel } from '../../src/stats/products.js';
import { sumQuantities } from '../../src/stats/quantities.js';
import { tradeTable } from '../../src/stats/trade-table.js';
import { categories, record, tinyReference } from './tiny-reference.js';

const all = Object.values(categories);

describe('shortLabel()', () => {
  it('names a product after the most specific category that covers all of it', () => {
    expect(shortLabel('950510', all, tinyReference, 'en')).toBe('Christmas goods');
    // 611596 is in apparel (61) and in socks (6115): socks is the more specific.
    expect(shortLabel('611596', all, tinyReference, 'en')).toBe('socks');
  });

  it('does not name a product after a chapter-wide category, nor after one that covers only part of it', () => {
    // apparel's prefix "62" is a whole chapter: too broad to name women's trousers by.
    expect(shortLabel('620462', all, tinyReference, 'en')).toBe('Trousers');
    // e-commerce is one 8-digit line: it does not cover the 6-digit 980500 as a whole.
    expect(shortLabel('980500', all, tinyReference, 'en')).toBe('980500');
  });

  it('respects exclusions', () => {
    const festive = { id: 'festive', label: 'festive goods', prefixes: ['9505'], exclude: ['950510'] };
    expect(shortLabel('950510', [festive], tinyReference, 'en')).toBe('Christmas festivity articles');
    expect(shortLabel('950590', [festive], tinyReference, 'en')).toBe('festive goods');
  });
});

describe('products()', () => {
  const months = ['2022-05', '2022-06', '2022-07', '2022-08'];
  const table = tradeTable(
    [
      record('2022-05', '502', '95051000', 9),
      record('2022-06', '502', '95051000', 9),
      record('2022-06', '502', '95030089', 1),
      record('2022-07', '502', '95051000', 5),
      record('2022-07', '502', '95030089', 5),
      record('2022-08', '502', '95051000', 8),
      record('2022-08', '502', '95030021', 2),
      record('2022-08', '502', '95', 100), // a chapter total cannot be placed at HS6
    ],
    { flow: 'export', regions: ['65'] },
  );
  const input = { table, covered: months, month: '2022-08', level: 6 as const, top: 10, categories: all, reference: tinyReference, locale: 'en' as const };

  it('counts the months in a row at the top, a tie lost on code included', () => {
    // July is a tie (5 and 5): 950300 wins it on its lower code, so Christmas goods' run restarts in August.
    const { products: listed, prevTopProduct } = products(input);
    expect(listed.map((product) => [product.hsCode, product.valueUsd, product.rank, product.prevRank, product.topStreakMonths])).toEqual([
      ['950510', 8, 1, 2, 1],
      ['950300', 2, 2, 1, 0],
    ]);
    expect(prevTopProduct).toMatchObject({ hsCode: '950300', rank: 2, prevTopStreakMonths: 1 });
  });

  it('lists only the top N but ranks them among all', () => {
    expect(products({ ...input, top: 1 }).products.map((product) => product.hsCode)).toEqual(['950510']);
  });
});

describe('sumQuantities()', () => {
  it('puts a unit written as a code and as a name in one bucket, and keeps units apart', () => {
    const table = tradeTable(
      [
        record('2022-08', '502', '61159600', 1, { qty1: 100, unit1: '双', qty2: 5, unit2: '千克' }),
        record('2022-08', '502', '61159500', 1, { qty1: 50, unit1: '02', qty2: 1, unit2: '09' }),
        record('2022-07', '502', '61159500', 1, { qty1: 999, unit1: '双' }),
      ],
      { flow: 'export', regions: ['65'] },
    );
    expect(sumQuantities(table, '2022-08', tinyReference)).toEqual([
      { unit: '双', unitName: 'Pair', quantity: 150 },
      { unit: '千克', unitName: 'Kilogram', quantity: 6 },
    ]);
  });
});
