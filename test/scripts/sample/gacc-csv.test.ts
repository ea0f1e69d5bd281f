import { describe, expect, it } from 'vitest';
import type { CodeLists } from '../../../scripts/sample/code-lists.js';
import { encodeGb18030, formatGaccCsv, GACC_HEADER, withThousands } from '../../../scripts/sample/gacc-csv.js';
import type { SampleRow } from '../../../scripts/sample/sample-row.js';

const lists: CodeLists = {
  hs8: new Map([
    ['95051000', { code: '95051000', name: '圣诞节用品', unit1Code: '09', unit1: '千克', unit2Code: null, unit2: null }],
    ['61159600', { code: '61159600', name: '合成纤维制其他袜', unit1Code: '02', unit1: '双', unit2Code: '09', unit2: '千克' }],
  ]),
  partners: new Map([['502', '美国']]),
  regimes: new Map([['10', '一般贸易']]),
  regions: new Map([['65', '新疆维吾尔自治区']]),
};
const row = (hsCode: string, valueUsd: number, qty1: number, qty2: number): SampleRow => ({
  month: '2022-08', hsCode, partner: '502', regime: '10', valueUsd, qty1, qty2, usdPerUnit1: 1, unit2PerUnit1: 0,
});

describe('withThousands()', () => {
  it('groups digits by three with commas', () => {
    expect(withThousands(10261740)).toBe('10,261,740');
    expect(withThousands(999)).toBe('999');
    expect(withThousands(1000)).toBe('1,000');
  });

  it('rejects a fractional value', () => {
    expect(() => withThousands(1.5)).toThrow();
  });
});

describe('formatGaccCsv()', () => {
  it('writes the platform layout: quoted fields, trailing comma, "0","?" without a second unit', () => {
    const text = formatGaccCsv([row('95051000', 4_803_215, 1_549_424, 0), row('61159600', 1_563_284, 7_958_112, 310_000)], lists, '65');
    expect(text.split('\n')).toEqual([
      GACC_HEADER,
      '"202208","95051000","圣诞节用品","502","美国","10","一般贸易","65","新疆维吾尔自治区","1549424","千克","0","?","4,803,215",',
      '"202208","61159600","合成纤维制其他袜","502","美国","10","一般贸易","65","新疆维吾尔自治区","7958112","双","310000","千克","1,563,284",',
      '',
    ]);
  });

  it('refuses a code that is not in the code lists', () => {
    expect(() => formatGaccCsv([{ ...row('95051000', 1, 1, 0), partner: '000' }], lists, '65')).toThrow(/partner/);
  });
});

describe('encodeGb18030()', () => {
  it('encodes Chinese as two-byte GB18030, not UTF-8', () => {
    expect([...encodeGb18030('美元')]).toEqual([0xc3, 0xc0, 0xd4, 0xaa]);
  });
});
