import { describe, expect, it } from 'vitest';
import { fromComtradeCsv } from '../../../src/data/readers/from-comtrade-csv.js';
import { tinyReference } from '../helpers/tiny-reference.js';

const reference = tinyReference();
const HEADER = 'typeCode,freqCode,period,reporterCode,flowCode,partnerCode,partner2Code,cmdCode,customsCode,motCode,qtyUnitAbbr,qty,altQtyUnitAbbr,altQty,primaryValue';
const row = (overrides: Partial<Record<string, string>> = {}): string => {
  const cells = { typeCode: 'C', freqCode: 'M', period: '202208', reporterCode: '156', flowCode: 'X', partnerCode: '842', partner2Code: '0', cmdCode: '9505', customsCode: 'C00', motCode: '0', qtyUnitAbbr: 'kg', qty: '1200', altQtyUnitAbbr: 'N/A', altQty: '-1', primaryValue: '4800000.5', ...overrides };
  return HEADER.split(',').map((name) => cells[name as keyof typeof cells] ?? '').join(',');
};
const read = (rows: string[], options: { allowOtherReporters?: boolean } = {}) =>
  fromComtradeCsv(`${HEADER}\n${rows.join('\n')}\n`, { file: 'comtrade.csv', reference, ...options });

describe('fromComtradeCsv()', () => {
  it('reads a monthly China export row, mapping Comtrade partner 842 to GACC 502', () => {
    const result = read([row()]);
    expect(result.problems).toEqual([]);
    expect(result.records).toEqual([
      { month: '2022-08', flow: 'export', region: null, partner: '502', partnerIso2: 'US', hsCode: '9505', regime: null, valueUsd: 4800000.5, valueCny: null, qty1: 1200, unit1: 'kg', qty2: null, unit2: null },
    ]);
    expect(result.meta).toMatchObject({ format: 'comtrade', currency: 'USD', months: ['2022-08'] });
  });

  it('reads flow M as import, World as all partners and TOTAL as all goods', () => {
    expect(read([row({ flowCode: 'M', partnerCode: '0', cmdCode: 'TOTAL' })]).records[0]).toMatchObject({ flow: 'import', partner: null, partnerIso2: null, hsCode: null });
  });

  it('skips re-exports and other sub-flows with one warning that counts them', () => {
    const result = read([row(), row({ flowCode: 'RX' }), row({ flowCode: 'DX' })]);
    expect(result.records).toHaveLength(1);
    expect(result.problems).toEqual([expect.objectContaining({ rule: 'comtrade.subflow-skipped', severity: 'warning' })]);
    expect(result.problems[0]?.message).toMatch(/^2 row/);
  });

  it('reads only the aggregate slice (customs C00, mode of transport 0, partner2 World)', () => {
    const result = read([row(), row({ customsCode: 'C01' }), row({ motCode: '2100' }), row({ partner2Code: '251' })]);
    expect(result.records).toHaveLength(1);
    expect(result.problems).toEqual([expect.objectContaining({ rule: 'comtrade.slice-skipped', severity: 'warning' })]);
  });

  it('rejects reporters other than China unless allowed', () => {
    expect(read([row({ reporterCode: '842', partnerCode: '344' })]).problems).toEqual([expect.objectContaining({ rule: 'comtrade.reporter', row: 2, column: 'reporterCode' })]);
    expect(read([row({ reporterCode: '842', partnerCode: '344' })], { allowOtherReporters: true }).records[0]).toMatchObject({ partner: '110' });
  });

  it('rejects annual rows: tradebrief reads monthly data', () => {
    expect(read([row({ freqCode: 'A', period: '2022' })]).problems).toEqual([expect.objectContaining({ rule: 'comtrade.not-monthly', column: 'freqCode', row: 2 })]);
  });

  it('reports a partner with no GACC equivalent instead of reading it as all partners', () => {
    const result = read([row({ partnerCode: '999' })]);
    expect(result.records).toEqual([]);
    expect(result.problems).toEqual([expect.objectContaining({ rule: 'partner.unknown', column: 'partnerCode', row: 2 })]);
  });

  it('reports a missing required column', () => {
    const result = fromComtradeCsv('freqCode,period,reporterCode,flowCode,partnerCode,cmdCode\nM,202208,156,X,842,9505\n', { file: 'c.csv', reference });
    expect(result.problems).toEqual([expect.objectContaining({ rule: 'header.missing-column', column: 'primaryValue' })]);
  });
});
