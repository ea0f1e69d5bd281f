import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { COMTRADE_FILE, GACC_DIR, gaccFiles, readGaccRows } from './sample-files.js';

const HEADER =
  '"数据年月","商品编码","商品名称","贸易伙伴编码","贸易伙伴名称","贸易方式编码","贸易方式名称","注册地编码","注册地名称","第一数量","第一计量单位","第二数量","第二计量单位","美元",';

const decodeGb18030 = (file: string): string => iconv.decode(readFileSync(join(GACC_DIR, file)), 'gb18030');

describe('the sample GACC exports', () => {
  it('come one file per month, January 2020 to September 2022, each well under the 10,000-row cap', () => {
    const files = gaccFiles();
    expect(files).toHaveLength(33);
    expect(files[0]).toBe('xinjiang-exports-202001.csv');
    expect(files.at(-1)).toBe('xinjiang-exports-202209.csv');
    for (const file of files) {
      const rows = readGaccRows(file);
      expect(rows.length, file).toBeGreaterThan(500);
      expect(rows.length, file).toBeLessThan(2_500);
      expect(new Set(rows.map((row) => row.month)), file).toEqual(new Set([file.slice(17, 23)]));
    }
  });

  it('are GB18030 with Chinese text, not valid UTF-8', () => {
    for (const file of gaccFiles()) {
      const bytes = readFileSync(join(GACC_DIR, file));
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), file).toThrow();
      expect(new TextDecoder('gb18030').decode(bytes), file).toContain('新疆维吾尔自治区');
    }
  });

  it('start with the platform header and quote every field, with a trailing comma on every line', () => {
    for (const file of gaccFiles()) {
      const text = decodeGb18030(file);
      expect(text.endsWith(',\n'), file).toBe(true);
      const lines = text.slice(0, -1).split('\n');
      expect(lines[0], file).toBe(HEADER);
      for (const line of lines) expect(line, file).toMatch(/^("[^"]*",){14}$/);
    }
  });

  it('write values with thousands separators and quantities as plain integers', () => {
    for (const file of gaccFiles()) {
      const records: string[][] = parse(decodeGb18030(file));
      for (const fields of records.slice(1)) {
        const value = fields[13] ?? '';
        expect(value, file).toMatch(/^[1-9]\d{0,2}(,\d{3})*$/);
        expect(fields[9], file).toMatch(/^\d+$/);
        expect(fields[11], file).toMatch(/^\d+$/);
      }
    }
  });

  it('use the code list’s units, with "0" and "?" when a line has no second unit', () => {
    const units = new Map<string, [string, string]>();
    const codeList: string[][] = parse(readFileSync(join(GACC_DIR, '../../reference/gacc/zh-hs8-2022.csv'), 'utf8'), {
      relax_column_count: true,
    });
    for (const fields of codeList.slice(1)) units.set(fields[0] ?? '', [fields[4] ?? '', fields[6] ?? '']);
    for (const file of gaccFiles()) {
      for (const row of readGaccRows(file)) {
        expect(units.get(row.hsCode), `${file} ${row.hsCode}`).toEqual([row.unit1, row.unit2]);
        if (row.unit2 === '?') expect(row.qty2).toBe(0);
      }
    }
  });

  it('have one row per commodity, partner and regime, all in region 65', () => {
    for (const file of gaccFiles()) {
      const rows = readGaccRows(file);
      expect(new Set(rows.map((r) => `${r.hsCode}|${r.partner}|${r.regime}`)).size, file).toBe(rows.length);
      expect(rows.every((r) => r.region === '65'), file).toBe(true);
    }
  });

  it('price socks at a plausible 5–60 cents a pair', () => {
    for (const file of gaccFiles()) {
      for (const row of readGaccRows(file)) {
        if (!row.hsCode.startsWith('6115') || row.qty1 < 1000) continue;
        expect(row.valueUsd / row.qty1, `${file} ${row.hsCode} ${row.partner}`).toBeGreaterThan(0.05);
        expect(row.valueUsd / row.qty1, `${file} ${row.hsCode} ${row.partner}`).toBeLessThan(0.6);
      }
    }
  });
});

describe('the sample Comtrade series', () => {
  it('has the Comtrade TradeData header and the China → US totals slice', () => {
    const text = readFileSync(COMTRADE_FILE, 'utf8');
    expect(text.split('\n')[0]).toBe(
      'typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,reporterDesc,flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,partner2Code,partner2ISO,partner2Desc,classificationCode,classificationSearchCode,isOriginalClassification,cmdCode,cmdDesc,aggrLevel,isLeaf,customsCode,customsDesc,mosCode,motCode,motDesc,qtyUnitCode,qtyUnitAbbr,qty,isQtyEstimated,altQtyUnitCode,altQtyUnitAbbr,altQty,isAltQtyEstimated,netWgt,isNetWgtEstimated,grossWgt,isGrossWgtEstimated,cifvalue,fobvalue,primaryValue,legacyEstimationFlag,isReported,isAggregate',
    );
    const records: Array<Record<string, string>> = parse(text, { columns: true });
    for (const record of records) {
      expect(record).toMatchObject({
        typeCode: 'C', freqCode: 'M', reporterCode: '156', reporterISO: 'CHN', flowCode: 'X', partnerCode: '842',
        partnerISO: 'USA', partner2Code: '0', classificationCode: 'H6', cmdCode: 'TOTAL', customsCode: 'C00', motCode: '0',
      });
      expect(record.period).toMatch(/^20(19|20|21|22)(0[1-9]|1[0-2])$/);
      expect(record.primaryValue).toMatch(/^\d+$/);
    }
  });
});
