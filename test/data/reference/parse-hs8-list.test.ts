import { describe, expect, it } from 'vitest';
import { parseHs8List } from '../../../src/data/reference/parse-hs8-list.js';
import { DataError } from '../../../src/errors.js';

const ZH = '"商品编码","商品名称","年份","第一计量单位编码","第一计量单位名称","第二计量单位编码","第二计量单位名称",\n';
const EN = '"CODES","DESCRIPTION","YEAR","UNIT_1_CODES","UNIT_1_DESCRIPTION","UNIT_2_CODES","UNIT_2_DESCRIPTION",\n';

describe('parseHs8List()', () => {
  it('reads a line with two units, keeping the leading zero of the code', () => {
    const [row] = parseHs8List(`${ZH}08134030,"红枣",2022,09,"千克",?,"?",\n`, 'zh', 'zh.csv');
    expect(row).toEqual({ code: '08134030', label: '红枣', year: 2022, unit1Code: '09', unit1Name: '千克', unit2Code: null, unit2Name: null });
  });

  it('reads "?" as no second unit', () => {
    const [row] = parseHs8List(`${ZH}95051000,"圣诞节用品",2022,09,"千克",?,"?",\n`, 'zh', 'zh.csv');
    expect(row?.unit2Code).toBeNull();
    expect(row?.unit2Name).toBeNull();
  });

  it('puts back together a description that stray quotes split into several fields', () => {
    const text = `${EN}40118011,"New rubber pneumatic tyres with "herring-bone", rim≤61cm, for construction/mining/industrial handling",2022,09,"Kilogram",01,"Number of item",\n`;
    const [row] = parseHs8List(text, 'en', 'en.csv');
    expect(row).toEqual({
      code: '40118011',
      label: 'New rubber pneumatic tyres with "herring-bone", rim≤61cm, for construction/mining/industrial handling',
      year: 2022,
      unit1Code: '09',
      unit1Name: 'Kilogram',
      unit2Code: '01',
      unit2Name: 'Number of item',
    });
  });

  it('joins a description broken over two lines into one', () => {
    const [row] = parseHs8List(`${ZH}40159090,"硫化橡胶制其他衣着用品及附件\n",2022,09,"千克",?,"?",\n`, 'zh', 'zh.csv');
    expect(row?.label).toBe('硫化橡胶制其他衣着用品及附件');
  });

  it('reports every bad row with file, row and column', () => {
    try {
      parseHs8List(`${ZH}9505100,"七位",2022,09,"千克",?,"?",\n95051000,"无单位",2022,?,"?",?,"?",\n`, 'zh', 'zh.csv');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DataError);
      expect((error as DataError).problems.map((p) => [p.row, p.column])).toEqual([
        [2, '商品编码'],
        [3, '第一计量单位编码'],
      ]);
    }
  });
});
