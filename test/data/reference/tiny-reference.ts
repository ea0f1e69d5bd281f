/** A hand-built Reference with a handful of real rows, for the lookup tests. */
import type { Reference } from '../../../src/data/reference/types.js';

export function tinyReference(): Reference {
  return {
    partners: new Map([
      ['502', { code: '502', iso2: 'US', comtradeCode: '842', nameEn: 'United States', nameZh: '美国' }],
      ['344', { code: '344', iso2: 'RU', comtradeCode: '643', nameEn: 'Russia', nameZh: '俄罗斯联邦' }],
    ]),
    regions: new Map([['65', { code: '65', nameZh: '新疆维吾尔自治区', nameEn: 'Xinjiang' }]]),
    regimes: new Map([['19', { code: '19', nameZh: '边境小额贸易', nameEn: 'Border Trade' }]]),
    units: new Map([
      ['01', { code: '01', nameZh: '台', nameEn: 'Number of item', namesZh: ['台', '个', '件'] }],
      ['02', { code: '02', nameZh: '双', nameEn: 'Pair', namesZh: ['双'] }],
      ['09', { code: '09', nameZh: '千克', nameEn: 'Kilogram', namesZh: ['千克'] }],
    ]),
    hs8: new Map([
      ['95051000', { code: '95051000', labelZh: '圣诞节用品', labelEn: 'Articles for Christmas festivities', unit1: '千克', unit2: null }],
      ['61159500', { code: '61159500', labelZh: '棉制其他袜', labelEn: 'Other hosiery, of cotton', unit1: '双', unit2: '千克' }],
      ['61159600', { code: '61159600', labelZh: '合成纤维制其他袜', labelEn: 'Other hosiery, of synthetic fibres', unit1: '双', unit2: '千克' }],
      ['98050000', { code: '98050000', labelZh: '个人跨境电商商品', labelEn: 'Articles of B2C cross-border e-commerce', unit1: '千克', unit2: '件' }],
    ]),
    hsLabelsEn: new Map([
      ['95', 'Toys, games and sports requisites'],
      ['9505', 'Festive, carnival or other entertainment articles'],
      ['950510', 'Christmas festivity articles'],
      ['61', 'Apparel and clothing accessories; knitted or crocheted'],
      ['6115', 'Panty hose, tights, stockings, socks and other hosiery'],
      ['611595', 'Hosiery; of cotton, knitted or crocheted'],
    ]),
    categories: new Map([['socks', { id: 'socks', label: 'socks', prefixes: ['6115'] }]]),
  };
}
