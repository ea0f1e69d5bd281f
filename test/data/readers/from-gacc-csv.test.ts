import { describe, expect, it } from 'vitest';
import { fromGaccCsv } from '../../../src/data/readers/from-gacc-csv.js';
import { tinyReference } from '../helpers/tiny-reference.js';

const reference = tinyReference();
const ZH_HEADER =
  '"数据年月","商品编码","商品名称","贸易伙伴编码","贸易伙伴名称","贸易方式编码","贸易方式名称","注册地编码","注册地名称","第一数量","第一计量单位","第二数量","第二计量单位","美元",';
const US_ROW = '"202601","85177950","光通信设备的激光收发模块","502","美国","10","一般贸易","65","新疆维吾尔自治区","82","千克","0","?","2,709",';

const read = (text: string, options: { flow?: 'export' | 'import'; month?: string } = { flow: 'export' }) =>
  fromGaccCsv(text, { file: 'gacc.csv', reference, ...options });

describe('fromGaccCsv()', () => {
  it('reads a Chinese breakdown row into a canonical record', () => {
    const result = read(`${ZH_HEADER}\n${US_ROW}\n`);
    expect(result.problems).toEqual([]);
    expect(result.records).toEqual([
      {
        month: '2026-01',
        flow: 'export',
        region: '65',
        partner: '502',
        partnerIso2: 'US',
        hsCode: '85177950',
        regime: '10',
        valueUsd: 2709,
        valueCny: null,
        qty1: 82,
        unit1: '千克',
        qty2: null,
        unit2: null,
      },
    ]);
    expect(result.origins).toEqual([{ file: 'gacc.csv', row: 2 }]);
    expect(result.meta).toMatchObject({ format: 'gacc', currency: 'USD', dataRows: 1, months: ['2026-01'] });
  });

  it('takes the flow from the option, since the file does not record it', () => {
    expect(read(`${ZH_HEADER}\n${US_ROW}\n`, { flow: 'import' }).records[0]?.flow).toBe('import');
  });

  it('reports a missing flow option as a clear error', () => {
    const result = read(`${ZH_HEADER}\n${US_ROW}\n`, {});
    expect(result.records).toEqual([]);
    expect(result.problems).toEqual([expect.objectContaining({ rule: 'option.flow-missing', severity: 'error', file: 'gacc.csv' })]);
    expect(result.problems[0]?.message).toContain('--flow');
  });

  it('reads the English header set, with either spelling of "Supplementary"', () => {
    for (const spelling of ['Supplimentary', 'Supplementary']) {
      const header = `"Date of data","Commodity code","Commodity","Trading partner code","Trading partner","Quantity","Unit","${spelling} Quantity","${spelling} Unit","US dollar",`;
      const result = read(`${header}\n"202208","61159600","Socks","502","United States","1000","Pair","40","Kilogram","5,000",\n`);
      expect(result.problems).toEqual([]);
      expect(result.records[0]).toMatchObject({ partner: '502', qty1: 1000, unit1: 'Pair', qty2: 40, unit2: 'Kilogram', valueUsd: 5000, region: null, regime: null });
    }
  });

  it('puts 人民币 values in valueCny and never in valueUsd', () => {
    const result = read('"数据年月","商品编码","人民币",\n"202601","85177950","19,000",\n');
    expect(result.meta.currency).toBe('CNY');
    expect(result.records[0]).toMatchObject({ valueUsd: null, valueCny: 19000 });
  });

  it('rejects a header with both currencies', () => {
    const result = read('"数据年月","美元","人民币",\n"202601","1","7",\n');
    expect(result.problems).toEqual([expect.objectContaining({ rule: 'currency.mixed', row: 1, column: '人民币' })]);
  });

  it('leaves dimensions the query did not break down by as null', () => {
    const result = read('"数据年月","商品编码","商品名称","第一数量","第一计量单位","第二数量","第二计量单位","美元",\n"202401","85177950","x","257644","千克","0","?","447,062,632",\n');
    expect(result.records[0]).toMatchObject({ partner: null, partnerIso2: null, region: null, regime: null, hsCode: '85177950', valueUsd: 447062632 });
  });

  it('requires the month option when the file has no 数据年月 column', () => {
    const text = '"贸易伙伴编码","贸易伙伴名称","美元",\n"502","美国","2,709",\n';
    expect(read(text).problems).toEqual([expect.objectContaining({ rule: 'option.month-missing', column: '数据年月' })]);
    expect(read(text, { flow: 'export', month: '2026-01' }).records[0]).toMatchObject({ month: '2026-01', partner: '502' });
  });

  it('reports rows of another month than the one the file was given as', () => {
    const result = read(`${ZH_HEADER}\n${US_ROW}\n`, { flow: 'export', month: '2025-12' });
    expect(result.problems).toEqual([expect.objectContaining({ rule: 'month.mismatch', row: 2, column: '数据年月' })]);
  });

  it('reports a header with no data rows', () => {
    expect(read(`${ZH_HEADER}\n`).problems).toEqual([expect.objectContaining({ rule: 'file.header-only', severity: 'error' })]);
  });

  it('warns when a file has exactly 10,000 data rows (the platform truncates there)', () => {
    const rows = Array.from({ length: 10_000 }, (_, index) => `"2026${String((index % 12) + 1).padStart(2, '0')}","${String(10_000_000 + index)}","${index}",`);
    const full = read(`"数据年月","商品编码","美元",\n${rows.join('\n')}\n`);
    expect(full.problems).toEqual([expect.objectContaining({ rule: 'file.truncated', severity: 'warning' })]);
    expect(full.records).toHaveLength(10_000);
    const fewer = read(`"数据年月","商品编码","美元",\n${rows.slice(1).join('\n')}\n`);
    expect(fewer.problems).toEqual([]);
  });

  it('names file, row and column of every bad cell in a row, and drops the row', () => {
    const result = read(`${ZH_HEADER}\n${US_ROW}\n"202601","85177950","x","?","?","10","一般贸易","65","新疆","abc","千克","0","?","1,2,3",\n`);
    expect(result.records).toHaveLength(1);
    expect(result.problems).toEqual([
      expect.objectContaining({ rule: 'code.missing', row: 3, column: '贸易伙伴编码' }),
      expect.objectContaining({ rule: 'value.not-numeric', row: 3, column: '美元' }),
      expect.objectContaining({ rule: 'value.not-numeric', row: 3, column: '第一数量' }),
    ]);
  });

  it('reports NaN and Infinity values as not finite', () => {
    const result = read('"数据年月","商品编码","美元",\n"202601","61","NaN",\n"202601","62","Infinity",\n');
    expect(result.problems.map((problem) => [problem.rule, problem.row])).toEqual([
      ['value.not-finite', 2],
      ['value.not-finite', 3],
    ]);
  });

  it('keeps a quantity whose unit is "?" for the validator to report', () => {
    const result = read('"数据年月","商品编码","第一数量","第一计量单位","美元",\n"202601","61","12","?","5",\n');
    expect(result.records[0]).toMatchObject({ qty1: 12, unit1: null });
  });

  it('requires the code column beside a name column (names are never joined on)', () => {
    const result = read('"数据年月","贸易伙伴名称","美元",\n"202601","美国","5",\n');
    expect(result.problems).toEqual([expect.objectContaining({ rule: 'header.missing-column', column: '贸易伙伴编码' })]);
  });

  it('reports an unknown header with the columns it found', () => {
    const result = read('"贸易伙伴编码","贸易伙伴名称",\n101,阿富汗,\n');
    expect(result.problems).toEqual([expect.objectContaining({ rule: 'header.unknown', row: 1 })]);
    expect(result.problems[0]?.message).toContain('"贸易伙伴编码", "贸易伙伴名称"');
    expect(result.problems[0]?.message).toContain('美元');
  });

  it('reads a partner name with an embedded newline as one record with the right code and row', () => {
    const text = `${ZH_HEADER}\n"202601","85177950","x","145","哈萨克\n斯坦","10","一般贸易","65","新疆","1","千克","0","?","10",\n${US_ROW}\n`;
    const result = read(text);
    expect(result.records.map((record) => record.partner)).toEqual(['145', '502']);
    expect(result.origins.map((origin) => origin.row)).toEqual([2, 3]);
  });

  it('maps record fields to the file\'s own headers for later messages', () => {
    expect(read(`${ZH_HEADER}\n${US_ROW}\n`).meta.fieldColumns).toMatchObject({ partner: '贸易伙伴编码', valueUsd: '美元', month: '数据年月' });
  });
});
