import { describe, expect, it } from 'vitest';
import { computeStats } from '../../src/stats/compute-stats.js';
import { categories, definition, record, tinyReference } from './tiny-reference.js';

const pairs = { unit1: '双', unit2: '千克' };

/** Aug 2022 against Jul 2022 and Aug 2021, US focus, with Kazakhstan as the big partner. */
const records = [
  record('2021-08', '502', '95051000', 100),
  record('2021-08', '145', '84713000', 1000),
  record('2022-07', '502', '95051000', 300),
  record('2022-07', '502', '95030089', 50),
  record('2022-07', '145', '84713000', 1000),
  record('2022-08', '502', '95051000', 400),
  record('2022-08', '502', '95030089', 200),
  record('2022-08', '502', '61159600', 150, { ...pairs, qty1: 1000, qty2: 80 }),
  record('2022-08', '502', '61159500', 50, { ...pairs, qty1: 500, qty2: 20 }),
  record('2022-08', '502', '62046200', 70, { unit1: '件', qty1: 7, unit2: '千克', qty2: 3 }),
  record('2022-08', '502', '98050000', 38, { unit1: '千克', qty1: 30, unit2: '件', qty2: 45 }),
  record('2022-08', '145', '84713000', 2000),
  // Other flows and regions must not leak in.
  record('2022-08', '502', '95051000', 1e9, { flow: 'import' }),
  record('2022-08', '502', '95051000', 1e9, { region: '44' }),
];

describe('computeStats()', () => {
  const stats = computeStats({ records, reference: tinyReference, report: definition(), month: '2022-08' });

  it('states the headline of the focus flow only', () => {
    expect(stats.headline).toMatchObject({
      valueUsd: 908,
      prevMonthValueUsd: 350,
      yearAgoValueUsd: 100,
      yoyPct: 808,
      riseStreakMonths: 1,
    });
    expect(stats.totalValueUsd).toBe(2908);
  });

  it('carries the ranking size the report asks for, while listing every partner', () => {
    const narrow = computeStats({ records, reference: tinyReference, report: { ...definition(), top: { partners: 1, products: 10 } }, month: '2022-08' });
    expect(narrow.topPartners).toBe(1);
    expect(narrow.partners.map((partner) => partner.code)).toEqual(['145', '502']);
  });

  it('sums quantities per unit across a category, never pairs with kilograms', () => {
    const socks = stats.categories.find((category) => category.id === 'socks');
    expect(socks?.valueUsd).toBe(200);
    expect(socks?.quantities).toEqual([
      { unit: '双', unitName: 'Pair', quantity: 1500 },
      { unit: '千克', unitName: 'Kilogram', quantity: 100 },
    ]);
  });

  it('ranks basket categories by value with mom and yoy, null on a zero base', () => {
    expect(stats.categories.map((category) => [category.id, category.rank])).toEqual([
      ['christmas', 1],
      ['apparel', 2],
      ['socks', 3], // tied with toys at 200: ids in order
      ['toys', 4],
    ]);
    const toys = stats.categories.find((category) => category.id === 'toys');
    expect(toys).toMatchObject({ valueUsd: 200, prevMonthValueUsd: 50, momPct: 300, yearAgoValueUsd: 0, yoyPct: null });
  });

  it('ranks products at the HS level with labels, last month rank and months at the top', () => {
    expect(stats.products.map((product) => [product.hsCode, product.rank, product.prevRank, product.topStreakMonths])).toEqual([
      ['950510', 1, 1, 2],
      ['950300', 2, 2, 0],
      ['611596', 3, null, 0],
      ['620462', 4, null, 0],
      ['611595', 5, null, 0],
      ['980500', 6, null, 0],
    ]);
    expect(stats.products[0]).toMatchObject({ label: 'Christmas festivity articles', shortLabel: 'Christmas goods' });
    expect(stats.products[2]?.shortLabel).toBe('socks');
  });

  it('labels products and partners in Chinese for a zh report', () => {
    const zh = computeStats({ records, reference: tinyReference, report: definition({ locale: 'zh' }), month: '2022-08' });
    expect(zh.products[0]).toMatchObject({ hsCode: '950510', label: '圣诞节用品' });
    expect(zh.focusPartner.name).toBe('美国');
    expect(zh.region.name).toBe('新疆维吾尔自治区');
  });

  it('counts e-commerce items from the second quantity', () => {
    expect(stats.ecommerce).toMatchObject({ valueUsd: 38, items: 45, itemsUnit: '件', itemsUnitName: 'Number of item' });
  });

  it('keeps the trend series to the months the data cover', () => {
    expect(stats.series).toEqual([
      { month: '2021-08', valueUsd: 100 },
      ...['2021-09', '2021-10', '2021-11', '2021-12', '2022-01', '2022-02', '2022-03', '2022-04', '2022-05', '2022-06'].map(
        (month) => ({ month, valueUsd: null }),
      ),
      { month: '2022-07', valueUsd: 350 },
      { month: '2022-08', valueUsd: 908 },
    ]);
  });

  it('lists products at HS4 when the report asks for it', () => {
    const hs4 = computeStats({ records, reference: tinyReference, report: definition({ productHsLevel: 4 }), month: '2022-08' });
    expect(hs4.products.map((product) => [product.hsCode, product.valueUsd])).toEqual([
      ['9505', 400],
      ['6115', 200], // tied with 9503: the lower code first
      ['9503', 200],
      ['6204', 70],
      ['9805', 38],
    ]);
  });
});

describe('computeStats() on awkward months', () => {
  it('gives nulls, not NaN or Infinity, for a month with no focus-partner trade', () => {
    const stats = computeStats({
      records: [record('2022-07', '502', '95051000', 10), record('2022-08', '145', '84713000', 5)],
      reference: tinyReference,
      report: definition(),
      month: '2022-08',
    });
    expect(stats.headline).toMatchObject({ valueUsd: 0, momPct: -100, yoyPct: null, highestInMonths: null, riseStreakMonths: 0 });
    expect(stats.focusPartner).toMatchObject({ rank: null, prevRank: 1, above: [] });
    expect(stats.products).toEqual([]);
    expect(stats.prevTopProduct).toMatchObject({ hsCode: '950510', rank: null, prevTopStreakMonths: 1 });
    expect(JSON.stringify(stats)).not.toMatch(/NaN|Infinity/);
  });

  it('reads a gap in the data as unknown, not as zero', () => {
    const stats = computeStats({
      records: [record('2022-06', '502', '95051000', 10), record('2022-08', '502', '95051000', 5)],
      reference: tinyReference,
      report: definition(),
      month: '2022-08',
    });
    expect(stats.headline).toMatchObject({ prevMonthValueUsd: null, momPct: null, riseStreakMonths: 0, highestSince: '2022-06' });
    expect(stats.focusPartner.prevRank).toBeNull();
  });

  it('leaves out rows without a USD value (an RMB file) rather than converting them', () => {
    const stats = computeStats({
      records: [record('2022-08', '502', '95051000', null, { valueCny: 700 }), record('2022-08', '502', '95051000', 5)],
      reference: tinyReference,
      report: definition(),
      month: '2022-08',
    });
    expect(stats.headline.valueUsd).toBe(5);
  });

  it('works for another partner and month: nothing is tied to the US or August 2022', () => {
    const stats = computeStats({
      records: [record('2019-02', '145', '61159600', 10), record('2019-03', '145', '61159600', 30), record('2019-03', '502', '95051000', 40)],
      reference: tinyReference,
      report: definition({ focusPartner: '145', basket: [categories.socks!] }),
      month: '2019-03',
    });
    expect(stats.focusPartner).toMatchObject({ code: '145', rank: 2, prevRank: 1 });
    expect(stats.headline).toMatchObject({ valueUsd: 30, momPct: 200, riseStreakMonths: 1 });
    expect(stats.categories[0]).toMatchObject({ id: 'socks', valueUsd: 30 });
  });
});
