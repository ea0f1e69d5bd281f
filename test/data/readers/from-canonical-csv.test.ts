import { describe, expect, it } from 'vitest';
import { fromCanonicalCsv } from '../../../src/data/readers/from-canonical-csv.js';
import { tinyReference } from '../helpers/tiny-reference.js';

const reference = tinyReference();
const HEADER = 'month,flow,region,partner,hsCode,regime,valueUsd,valueCny,qty1,unit1,qty2,unit2';
const read = (rows: string[], header = HEADER) => fromCanonicalCsv(`${header}\n${rows.join('\n')}\n`, { file: 'canonical.csv', reference });

describe('fromCanonicalCsv()', () => {
  it('keeps codes as strings with their leading zeros, fills partnerIso2, and reads "" as null', () => {
    const result = read(['2022-08,export,65,502,0702,10,3786,,45,件,,']);
    expect(result.problems).toEqual([]);
    expect(result.records).toEqual([
      { month: '2022-08', flow: 'export', region: '65', partner: '502', partnerIso2: 'US', hsCode: '0702', regime: '10', valueUsd: 3786, valueCny: null, qty1: 45, unit1: '件', qty2: null, unit2: null },
    ]);
  });

  it('reads a CNY file as CNY', () => {
    const result = read(['2022-08,export,,,,,,19000,,,,']);
    expect(result.meta.currency).toBe('CNY');
    expect(result.records[0]).toMatchObject({ valueUsd: null, valueCny: 19000, region: null, partner: null, hsCode: null });
  });

  it('rejects a row with both currencies, a bad flow or a malformed month', () => {
    const result = read(['2022-08,export,65,502,61,10,5,35,,,,', '2022-08,exports,65,502,61,10,5,,,,,', '2022-8,export,65,502,61,10,5,,,,,']);
    expect(result.records).toEqual([]);
    expect(result.problems.map((problem) => [problem.rule, problem.row, problem.column])).toEqual([
      ['currency.mixed', 2, 'valueCny'],
      ['flow.invalid', 3, 'flow'],
      ['month.invalid', 4, 'month'],
    ]);
  });

  it('reports a missing required column and ignores unknown ones with a warning', () => {
    const result = read([], 'month,flow,region,partner,hsCode,regime,qty1,unit1,qty2,unit2,note');
    expect(result.problems).toEqual([
      expect.objectContaining({ rule: 'header.missing-column', column: 'valueUsd', severity: 'error' }),
      expect.objectContaining({ rule: 'header.extra-column', column: 'note', severity: 'warning' }),
    ]);
  });

  it('reports a row without any value', () => {
    expect(read(['2022-08,export,65,502,61,10,,,,,,']).problems).toEqual([expect.objectContaining({ rule: 'value.missing', row: 2 })]);
  });
});
