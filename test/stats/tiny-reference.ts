/** A hand-built Reference and record maker for stats and narrative tests: a few codes, no files. */
import type { TradeRecord } from '../../src/data/record.js';
import type { Category, Reference } from '../../src/data/reference/types.js';
import type { StatsDefinition } from '../../src/stats/compute-stats.js';

const partner = (code: string, iso2: string | null, nameEn: string, nameZh: string) =>
  [code, { code, iso2, comtradeCode: null, nameEn, nameZh }] as const;

export const categories: Record<string, Category> = {
  christmas: { id: 'christmas', label: 'Christmas goods', prefixes: ['950510'] },
  toys: { id: 'toys', label: 'toys', prefixes: ['9503'] },
  apparel: { id: 'apparel', label: 'apparel', prefixes: ['61', '62'] },
  socks: { id: 'socks', label: 'socks', prefixes: ['6115'] },
  ecommerce: { id: 'ecommerce-b2c', label: 'B2C e-commerce', prefixes: ['98050000'] },
};

export const tinyReference: Reference = {
  partners: new Map([
    partner('502', 'US', 'United States', '美国'),
    partner('145', 'KZ', 'Kazakhstan', '哈萨克斯坦'),
    partner('146', 'KG', 'Kyrgyzstan', '吉尔吉斯斯坦'),
    partner('344', 'RU', 'Russia', '俄罗斯联邦'),
  ]),
  regions: new Map([['65', { code: '65', nameZh: '新疆维吾尔自治区', nameEn: 'Xinjiang' }]]),
  regimes: new Map(),
  units: new Map([
    ['01', { code: '01', nameZh: '件', nameEn: 'Number of item' }],
    ['02', { code: '02', nameZh: '双', nameEn: 'Pair' }],
    ['09', { code: '09', nameZh: '千克', nameEn: 'Kilogram' }],
  ]),
  hs8: new Map([
    ['95051000', { code: '95051000', labelZh: '圣诞节用品', labelEn: 'Articles for Christmas festivities', unit1: '09', unit2: null }],
    ['61159600', { code: '61159600', labelZh: '合成纤维制其他袜', labelEn: 'Hosiery, synthetic', unit1: '02', unit2: '09' }],
  ]),
  hsLabelsEn: new Map([
    ['950510', 'Christmas festivity articles'],
    ['950300', 'Tricycles, scooters; dolls; other toys'],
    ['611596', 'Hosiery and footwear; of synthetic fibres'],
    ['620462', "Trousers; women's or girls', of cotton"],
  ]),
  categories: new Map(Object.values(categories).map((category) => [category.id, category])),
};

/** A record with everything but the month, partner, HS code and value defaulted. */
export function record(month: string, partner: string | null, hsCode: string | null, valueUsd: number | null, extra: Partial<TradeRecord> = {}): TradeRecord {
  return {
    month, flow: 'export', region: '65', partner, partnerIso2: null, hsCode, regime: '10', valueUsd, valueCny: null,
    qty1: null, unit1: null, qty2: null, unit2: null, ...extra,
  };
}

export function definition(overrides: Partial<StatsDefinition> = {}): StatsDefinition {
  return {
    id: 'test-us',
    title: 'Test exports to the US',
    flow: 'export',
    regions: ['65'],
    focusPartner: '502',
    basket: [categories.christmas!, categories.toys!, categories.apparel!, categories.socks!],
    ecommerce: categories.ecommerce!,
    productHsLevel: 6,
    historyMonths: 25,
    top: { partners: 15, products: 10 },
    locale: 'en',
    national: null,
    ...overrides,
  };
}
