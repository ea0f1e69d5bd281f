import { describe, expect, it } from 'vitest';
import { checkCurrency } from '../../../src/data/validate/check-currency.js';
import { aRecord } from '../helpers/tiny-reference.js';

const cny = aRecord({ valueUsd: null, valueCny: 7000 });

describe('checkCurrency()', () => {
  it('accepts a dataset in one currency', () => {
    expect(checkCurrency([aRecord(), aRecord()], [{ file: 'a', row: 2 }, { file: 'a', row: 3 }])).toEqual([]);
  });

  it('reports a CNY file loaded with a USD file once, at its first row, with the count', () => {
    const problems = checkCurrency([aRecord(), cny, cny], [{ file: 'usd.csv', row: 2 }, { file: 'cny.csv', row: 2 }, { file: 'cny.csv', row: 3 }]);
    expect(problems).toEqual([expect.objectContaining({ rule: 'currency.mixed', file: 'cny.csv', row: 2, column: 'valueCny' })]);
    expect(problems[0]?.message).toMatch(/^2 row\(s\) in CNY while the dataset is in USD/);
  });
});
