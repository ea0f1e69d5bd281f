import { describe, expect, it } from 'vitest';
import { parseRegions } from '../../../src/data/reference/parse-regions.js';
import { DataError } from '../../../src/errors.js';

const ZH_HEADER = '"收发货人注册地编码","收发货人注册地名称",\n';

describe('parseRegions()', () => {
  it('joins the GACC Chinese names with our English table on the code', () => {
    const regions = parseRegions(`${ZH_HEADER}44,广东省,\n65,新疆维吾尔自治区,\n`, 'code,nameEn\n65,Xinjiang\n44,Guangdong\n');
    expect(regions).toEqual([
      { code: '44', nameZh: '广东省', nameEn: 'Guangdong' },
      { code: '65', nameZh: '新疆维吾尔自治区', nameEn: 'Xinjiang' },
    ]);
  });

  it('fails when a province has no English name, naming the file that lacks it', () => {
    expect(() => parseRegions(`${ZH_HEADER}65,新疆维吾尔自治区,\n`, 'code,nameEn\n', { zh: 'zh.csv', en: 'en.csv' })).toThrowError(
      /en\.csv.*"65"/,
    );
  });

  it('reports a malformed code with its row and column', () => {
    try {
      parseRegions(`${ZH_HEADER}65,新疆,\n6X,?,\n`, 'code,nameEn\n65,Xinjiang\n', { zh: 'zh.csv', en: 'en.csv' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DataError);
      expect((error as DataError).problems[0]).toMatchObject({ file: 'zh.csv', row: 3, column: '收发货人注册地编码' });
    }
  });

  it('rejects a code listed twice', () => {
    expect(() => parseRegions(`${ZH_HEADER}65,新疆,\n65,新疆,\n`, 'code,nameEn\n65,Xinjiang\n')).toThrowError(/twice/);
  });
});
