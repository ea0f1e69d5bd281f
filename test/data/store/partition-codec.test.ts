import { describe, expect, it } from 'vitest';
import type { TradeRecord } from '../../../src/data/record.js';
import { decodePartition, encodePartition } from '../../../src/data/store/partition-codec.js';

function record(overrides: Partial<TradeRecord>): TradeRecord {
  return {
    month: '2022-08', flow: 'export', region: '65', partner: '502', partnerIso2: 'US', hsCode: '95051000', regime: '10',
    valueUsd: 4803215, valueCny: null, qty1: 1549424, unit1: '千克', qty2: null, unit2: null, ...overrides,
  };
}

describe('encodePartition() / decodePartition()', () => {
  it('gives back the same records, nulls, fractions and large integers included, with their source rows', () => {
    const records = [
      record({}),
      record({ partner: null, partnerIso2: null, hsCode: null, regime: null, valueUsd: null, valueCny: 12.75, qty1: null, unit1: null }),
      record({ partner: '145', partnerIso2: 'KZ', qty1: 2 ** 53 - 1, qty2: 0.5, unit2: '件' }),
    ];
    const bytes = encodePartition(records.map((item, index) => ({ record: item, row: index * 3 + 2 })));
    const decoded = decodePartition(bytes, { flow: 'export', month: '2022-08', region: '65' });
    expect(decoded.records).toEqual(records);
    expect([...decoded.rows]).toEqual([2, 5, 8]);
  });

  it('keeps the readers\' field order, so a table built from the records has the same columns', () => {
    const [decoded] = decodePartition(encodePartition([{ record: record({}), row: 2 }]), { flow: 'export', month: '2022-08', region: '65' }).records;
    expect(Object.keys(decoded ?? {})).toEqual(Object.keys(record({})));
  });

  it('takes month, flow and region from the partition, not from the rows', () => {
    const bytes = encodePartition([{ record: record({}), row: 2 }]);
    expect(decodePartition(bytes, { flow: 'import', month: '2021-01', region: '44' }).records[0]).toMatchObject({ flow: 'import', month: '2021-01', region: '44' });
  });
});
