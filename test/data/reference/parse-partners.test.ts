import { describe, expect, it } from 'vitest';
import { parsePartners } from '../../../src/data/reference/parse-partners.js';

const HEADER = 'code,iso2,comtradeCode,nameEn,nameZh\n';

describe('parsePartners()', () => {
  it('reads a country with its ISO and Comtrade codes', () => {
    expect(parsePartners(`${HEADER}502,US,842,United States,美国\n`)).toEqual([
      { code: '502', iso2: 'US', comtradeCode: '842', nameEn: 'United States', nameZh: '美国' },
    ]);
  });

  it('reads empty codes as null for partners that are not countries', () => {
    expect(parsePartners(`${HEADER}701,,,Countries (regions) unknown,国别(地区)不详\n`)[0]).toMatchObject({ iso2: null, comtradeCode: null });
  });

  it('rejects a lower-case ISO code and a duplicate partner, naming the rows', () => {
    expect(() => parsePartners(`${HEADER}502,us,842,United States,美国\n`, 'p.csv')).toThrowError(/p\.csv:2: column "iso2"/);
    expect(() => parsePartners(`${HEADER}502,US,842,United States,美国\n502,US,842,USA,美国\n`, 'p.csv')).toThrowError(/p\.csv:3:.*twice/);
  });
});
