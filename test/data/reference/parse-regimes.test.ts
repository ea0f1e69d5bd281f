import { describe, expect, it } from 'vitest';
import { parseRegimes } from '../../../src/data/reference/parse-regimes.js';

describe('parseRegimes()', () => {
  it('reads the GACC zh and en regime lists, with their headers and trailing commas', () => {
    const regimes = parseRegimes(
      '"贸易方式编码","贸易方式名称",\n10,一般贸易,\n19,边境小额贸易,\n',
      '"Customs Regime code","Customs Regime",\n10,Ordinary Trade,\n19,Border Trade,\n',
    );
    expect(regimes).toEqual([
      { code: '10', nameZh: '一般贸易', nameEn: 'Ordinary Trade' },
      { code: '19', nameZh: '边境小额贸易', nameEn: 'Border Trade' },
    ]);
  });

  it('refuses a file with another header (e.g. the partner list passed by mistake)', () => {
    expect(() => parseRegimes('code,zh\n101,阿富汗\n', '"Customs Regime code","Customs Regime",\n')).toThrowError(/unexpected header/);
  });
});
