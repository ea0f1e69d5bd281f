import type { Partner, Reference } from '../../../src/data/reference/types.js';
import type { TradeRecord } from '../../../src/data/record.js';

function partner(code: string, iso2: string | null, comtradeCode: string | null, nameEn: string, nameZh: string): [string, Partner] {
  return [code, { code, iso2, comtradeCode, nameEn, nameZh }];
}

/**
 * A hand-built Reference with just what the reader and validator tests need: Central Asian partners, Russia,
 * the US and Hong Kong (with Comtrade codes), Xinjiang and Guangdong, and three trade modes.
 */
export function tinyReference(): Reference {
  return {
    partners: new Map([
      partner('110', 'HK', '344', 'Hong Kong', '中国香港'),
      partner('145', 'KZ', '398', 'Kazakhstan', '哈萨克斯坦'),
      partner('146', 'KG', '417', 'Kyrgyzstan', '吉尔吉斯斯坦'),
      partner('147', 'TJ', '762', 'Tajikistan', '塔吉克斯坦'),
      partner('148', 'TM', '795', 'Turkmenistan', '土库曼斯坦'),
      partner('149', 'UZ', '860', 'Uzbekistan', '乌兹别克斯坦'),
      partner('344', 'RU', '643', 'Russia', '俄罗斯联邦'),
      partner('502', 'US', '842', 'United States', '美国'),
    ]),
    regions: new Map([
      ['65', { code: '65', nameZh: '新疆维吾尔自治区', nameEn: 'Xinjiang' }],
      ['44', { code: '44', nameZh: '广东省', nameEn: 'Guangdong' }],
    ]),
    regimes: new Map([
      ['10', { code: '10', nameZh: '一般贸易', nameEn: 'Ordinary Trade' }],
      ['19', { code: '19', nameZh: '边境小额贸易', nameEn: 'Border Trade' }],
      ['33', { code: '33', nameZh: '保税监管场所进出境货物', nameEn: 'Goods in bonded supervision places' }],
    ]),
    units: new Map(),
    hs8: new Map(),
    hsLabelsEn: new Map(),
    categories: new Map(),
  };
}

/** A valid record to vary in tests: Xinjiang exports of socks to the US in August 2022. */
export function aRecord(overrides: Partial<TradeRecord> = {}): TradeRecord {
  return {
    month: '2022-08',
    flow: 'export',
    region: '65',
    partner: '502',
    partnerIso2: 'US',
    hsCode: '61159600',
    regime: '10',
    valueUsd: 1000,
    valueCny: null,
    qty1: 500,
    unit1: '双',
    qty2: 40,
    unit2: '千克',
    ...overrides,
  };
}

/** Origins for n records of one file, rows 2..n+1. */
export function originsFor(count: number, file = 'data.csv'): { file: string; row: number }[] {
  return Array.from({ length: count }, (_, index) => ({ file, row: index + 2 }));
}
