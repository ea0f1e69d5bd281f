/**
 * A small, literal report input: three partners, two categories, two products, a five-month series, four
 * sentences. Numbers follow the flagship story (US$56.8 million, +592.8 %, 5th up from 12th) so a reader can
 * check the rendered page against it.
 */
import type { StatsJson } from '../../src/stats/types.js';
import type { ReportChart, ReportInput } from '../../src/render/types.js';

export function tinyStats(overrides: Partial<StatsJson> = {}): StatsJson {
  return {
    schemaVersion: 1,
    topPartners: 15,
    report: 'xinjiang-us',
    title: 'Xinjiang exports to the United States',
    month: '2022-08',
    flow: 'export',
    locale: 'en',
    region: { code: '65', name: 'Xinjiang' },
    focusPartner: {
      code: '502', iso2: 'US', name: 'United States', rank: 5, prevRank: 12, sharePct: 2.8,
      above: [{ code: '145', iso2: 'KZ', name: 'Kazakhstan', rank: 1 }],
    },
    coverage: { firstMonth: '2020-01', lastMonth: '2022-09', months: 33 },
    totalValueUsd: 2_001_549_684,
    headline: {
      valueUsd: 56_803_412, prevMonthValueUsd: 25_024_871, momPct: 127, yearAgoValueUsd: 8_199_108, yoyPct: 592.8,
      highestInMonths: 10, highestSince: '2021-10', riseStreakMonths: 2, prevRiseStreakMonths: 1, multiples: [],
    },
    partners: [
      { code: '145', iso2: 'KZ', name: 'Kazakhstan', valueUsd: 607_014_618, sharePct: 30.3, rank: 1, prevRank: 1, prevMonthValueUsd: null, yearAgoValueUsd: null, yoyPct: 24.4 },
      { code: '146', iso2: 'KG', name: 'Kyrgyzstan', valueUsd: 440_752_643, sharePct: 22, rank: 2, prevRank: 3, prevMonthValueUsd: null, yearAgoValueUsd: null, yoyPct: -3.6 },
      { code: '502', iso2: 'US', name: 'United States', valueUsd: 56_803_412, sharePct: 2.8, rank: 5, prevRank: 12, prevMonthValueUsd: null, yearAgoValueUsd: null, yoyPct: 592.8 },
    ],
    categories: [
      {
        id: 'apparel', label: 'apparel', valueUsd: 9_052_718, prevMonthValueUsd: 5_572_201, momPct: 62.5, yearAgoValueUsd: 1_595_489,
        yoyPct: 467.4, rank: 1, highestInMonths: 22, highestSince: '2020-10',
        quantities: [{ unit: '双', unitName: 'Pair', quantity: 7_912_306 }, { unit: '千克', unitName: 'Kilogram', quantity: 1_039_512 }],
      },
      {
        id: 'toys', label: 'toys', valueUsd: 2_497_530, prevMonthValueUsd: 2_279_101, momPct: 9.6, yearAgoValueUsd: 579_000,
        yoyPct: 330.8, rank: 2, highestInMonths: 1, highestSince: '2022-07', quantities: [],
      },
    ],
    products: [
      { hsCode: '950510', label: 'Christmas festivity articles', shortLabel: 'Christmas goods', valueUsd: 4_803_215, prevMonthValueUsd: 2_634_118, yoyPct: 133.5, rank: 1, prevRank: 1, topStreakMonths: 2, prevTopStreakMonths: 1 },
      { hsCode: '950300', label: 'Other toys', shortLabel: 'toys', valueUsd: 2_497_530, prevMonthValueUsd: 2_279_101, yoyPct: 330.8, rank: 2, prevRank: null, topStreakMonths: 0, prevTopStreakMonths: 0 },
    ],
    prevTopProduct: null,
    ecommerce: {
      categoryId: 'ecommerce-b2c', valueUsd: 3786, items: 45, itemsUnit: '件', itemsUnitName: 'Number of item',
      prevMonthValueUsd: 84_625, yearAgoValueUsd: 22_478,
    },
    national: {
      label: 'China', partner: '502', valueUsd: 59_683_075_064, yearAgoValueUsd: 62_040_618_570, yoyPct: -3.8,
      focusYoyPct: 592.8, buckedTrend: true, lastSameSignMonth: '2020-05', sameSignStreakMonths: 1,
    },
    series: [
      { month: '2021-08', valueUsd: 8_199_108 },
      { month: '2021-09', valueUsd: null },
      { month: '2022-06', valueUsd: 8_291_563 },
      { month: '2022-07', valueUsd: 25_024_871 },
      { month: '2022-08', valueUsd: 56_803_412 },
    ],
    narrative: [
      { id: 'headline-value', text: 'Xinjiang entities exported US$56.8 million worth of goods to the US in August, the most in 10 months.', uses: [] },
      { id: 'headline-yoy', text: 'It surged 592.8 per cent compared to a year earlier.', uses: [] },
      { id: 'partner-rank', text: "The US became the far-west region's fifth biggest trading partner in August, up from 12th in July.", uses: [] },
      { id: 'product-top', text: 'Christmas goods remained the top product exported to the US for two months in a row.', uses: [] },
    ],
    ...overrides,
  };
}

/** A chart as src/charts draws one: a vega-like SVG with a clip path numbered from 1, as every vega SVG is. */
export function tinyChart(id: string, overrides: Partial<ReportChart> = {}): ReportChart {
  return {
    id,
    title: `Chart ${id}`,
    svg:
      '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" viewBox="0 0 100 50">' +
      '<defs><clipPath id="clip1"><rect width="100" height="50"/></clipPath></defs>' +
      `<g clip-path="url(#clip1)"><rect class="mark-rect" x="0" y="10" width="20" height="40" fill="#999"/><text x="2" y="8">${id}</text></g></svg>`,
    altText: `The ${id} chart.`,
    ...overrides,
  };
}

export function tinyInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    stats: tinyStats(),
    charts: [tinyChart('trend'), tinyChart('partners'), tinyChart('categories'), tinyChart('products')],
    provenance: {
      edition: 1,
      generatedAt: '2022-09-20T08:00:00Z',
      dataAsOf: '2022-09-20',
      toolVersion: '0.1.0',
      isSample: false,
      inputFiles: [{ path: 'data/sample/gacc/xinjiang-exports-202208.csv', sha256: 'ab'.repeat(32), rows: 1834 }],
    },
    fontsCss: "@font-face{font-family:'Noto Sans';src:url(data:font/woff2;base64,AAAA) format('woff2')}",
    ...overrides,
  };
}
