/**
 * StatsJson objects for the chart tests, small and literal. `augustStats()` is shaped like the flagship report
 * (Xinjiang exports to the US, August 2022: 5th partner, up from 12th); the variants change one thing each.
 */
import { addMonths } from '../../src/stats/month-keys.js';
import type { CategoryStats, PartnerStats, ProductStats, StatsJson } from '../../src/stats/types.js';

/** [code, iso2, name, valueUsd, prevRank] in rank order. */
const PARTNER_ROWS: [string, string, string, number, number | null][] = [
  ['145', 'KZ', 'Kazakhstan', 607014618, 1],
  ['146', 'KG', 'Kyrgyzstan', 440752643, 2],
  ['149', 'UZ', 'Uzbekistan', 129525177, 3],
  ['344', 'RU', 'Russia', 123483051, 4],
  ['502', 'US', 'United States', 56803412, 12],
  ['124', 'MN', 'Mongolia', 45395498, 11],
  ['127', 'PK', 'Pakistan', 44788710, 6],
  ['147', 'TJ', 'Tajikistan', 43761298, 5],
  ['111', 'IN', 'India', 36878565, 9],
  ['137', 'TR', 'Turkey', 31364788, 7],
  ['101', 'AF', 'Afghanistan', 30718793, 10],
  ['110', 'HK', 'Hong Kong', 28977997, 14],
  ['141', 'VN', 'Vietnam', 27615023, 8],
  ['138', 'AE', 'United Arab Emirates', 24200951, 13],
  ['304', 'DE', 'Germany', 16487311, 15],
  ['113', 'IR', 'Iran', 13703282, null],
  ['148', 'TM', 'Turkmenistan', 13187303, 16],
  ['303', 'GB', 'United Kingdom', 12790862, 21],
];

/** Aug 2020 .. Aug 2022. */
const SERIES_VALUES = [
  20782041, 23183435, 26369461, 19813772, 15549619, 12572300, 8122313, 9098141, 10039790, 11915975, 9791079, 9179928, 8199108, 28472251, 64618207,
  44366673, 33280193, 22476297, 13821476, 11233155, 9866430, 9874326, 8291563, 25024871, 56803412,
];

/** [id, label, value, last month, a year ago]. */
const CATEGORY_ROWS: [string, string, number, number | null, number | null][] = [
  ['apparel', 'apparel', 9052718, 5572201, 1595489],
  ['christmas', 'Christmas goods', 4803215, 2634118, 2056996],
  ['toys', 'toys', 2497530, 2279101, 579794],
  ['socks', 'socks', 1618942, 613512, 190804],
  ['ecommerce-b2c', 'B2C e-commerce', 3786, 84625, null],
  ['red-dates', 'red dates', 0, 0, 292634],
  ['cotton', 'cotton', 0, 0, 0],
];

/** [hsCode, shortLabel, valueUsd, prevRank]. */
const PRODUCT_ROWS: [string, string, number, number | null][] = [
  ['950510', 'Christmas goods', 4803215, 1],
  ['950300', 'toys', 2497530, 2],
  ['940210', 'Chairs', 2262280, null],
  ['842381', 'Weighing machines', 2260930, 9],
  ['611595', 'socks', 2235426, 7],
  ['611596', 'socks', 2234292, 18],
  ['940360', 'Furniture', 2209551, null],
  ['850860', 'Vacuum cleaners, other than with a self-contained electric motor', 2179695, 5],
  ['630240', 'Table linen', 1910693, 3],
  ['950669', 'Balls', 1774603, null],
  ['420211', 'Cases and containers', 1500000, 11],
];

const RANKS = [12, 10, 14, null, 11, 9, 13, 12, 15, 11, 10, 12, 5];

function partner([code, iso2, name, valueUsd, prevRank]: (typeof PARTNER_ROWS)[number], index: number): PartnerStats {
  return { code, iso2, name, valueUsd, sharePct: null, rank: index + 1, prevRank, prevMonthValueUsd: null, yearAgoValueUsd: null, yoyPct: null };
}

function category([id, label, valueUsd, prevMonthValueUsd, yearAgoValueUsd]: (typeof CATEGORY_ROWS)[number], index: number): CategoryStats {
  return { id, label, valueUsd, prevMonthValueUsd, momPct: null, yearAgoValueUsd, yoyPct: null, rank: index + 1, highestInMonths: null, highestSince: null, quantities: [] };
}

function product([hsCode, shortLabel, valueUsd, prevRank]: (typeof PRODUCT_ROWS)[number], index: number): ProductStats {
  return { hsCode, label: shortLabel, shortLabel, valueUsd, prevMonthValueUsd: null, yoyPct: null, rank: index + 1, prevRank, topStreakMonths: 0, prevTopStreakMonths: 0 };
}

/** The flagship month: US 5th (prev 12th), US$56.8m, +592.8 % on a year earlier. */
export function augustStats(): StatsJson {
  const month = '2022-08';
  return {
    schemaVersion: 1,
    topPartners: 15,
    report: 'xinjiang-us',
    title: 'Xinjiang exports to the United States',
    month,
    flow: 'export',
    locale: 'en',
    region: { code: '65', name: 'Xinjiang' },
    focusPartner: { code: '502', iso2: 'US', name: 'United States', rank: 5, prevRank: 12, sharePct: 2.8, above: [] },
    coverage: { firstMonth: '2020-01', lastMonth: '2022-09', months: 33 },
    totalValueUsd: 2001549684,
    headline: {
      valueUsd: 56803412,
      prevMonthValueUsd: 25024871,
      momPct: 127,
      yearAgoValueUsd: 8199108,
      yoyPct: 592.8,
      highestInMonths: 10,
      highestSince: '2021-10',
      riseStreakMonths: 2,
      prevRiseStreakMonths: 1,
      multiples: [],
    },
    partners: PARTNER_ROWS.map(partner),
    categories: CATEGORY_ROWS.map(category),
    products: PRODUCT_ROWS.slice(0, 10).map(product),
    prevTopProduct: null,
    ecommerce: null,
    national: null,
    series: SERIES_VALUES.map((valueUsd, index) => ({ month: addMonths('2020-08', index), valueUsd })),
    focusRankHistory: RANKS.map((rank, index) => ({ month: addMonths('2021-08', index), rank })),
    narrative: [],
  };
}

/** The same month with some months of the series missing from the data. */
export function statsWithGaps(missing: readonly string[]): StatsJson {
  const stats = augustStats();
  return { ...stats, series: stats.series.map((point) => (missing.includes(point.month) ? { ...point, valueUsd: null } : point)) };
}

/** A month in which the focus partner (the US) had no trade at all: absent from partners, products empty. */
export function statsWithoutFocusTrade(): StatsJson {
  const stats = augustStats();
  return {
    ...stats,
    focusPartner: { ...stats.focusPartner, rank: null, prevRank: 12, sharePct: null },
    headline: { ...stats.headline, valueUsd: null, momPct: null, yoyPct: null, highestInMonths: null, highestSince: null, riseStreakMonths: 0 },
    partners: stats.partners.filter((row) => row.code !== '502').map((row, index) => ({ ...row, rank: index + 1 })),
    categories: stats.categories.map((row) => ({ ...row, valueUsd: 0 })),
    products: [],
    series: stats.series.map((point) => (point.month === stats.month ? { ...point, valueUsd: null } : point)),
    focusRankHistory: stats.focusRankHistory?.map((point) => (point.month === stats.month ? { ...point, rank: null } : point)),
  };
}

/** A focus partner outside the top 15: Turkmenistan, 17th. */
export function statsWithFocusOutsideTop(): StatsJson {
  const stats = augustStats();
  return { ...stats, focusPartner: { ...stats.focusPartner, code: '148', iso2: 'TM', name: 'Turkmenistan', rank: 17, prevRank: 16 } };
}
