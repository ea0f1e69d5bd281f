import { describe, expect, it } from 'vitest';
import { checkValues } from '../../../src/data/validate/check-values.js';
import { aRecord, originsFor } from '../helpers/tiny-reference.js';

describe('checkValues()', () => {
  it('accepts zero values and quantities with units', () => {
    expect(checkValues([aRecord({ valueUsd: 0, qty1: 0 })], originsFor(1))).toEqual([]);
  });

  it('reports negative values and quantities', () => {
    const problems = checkValues([aRecord({ valueUsd: -1 }), aRecord({ valueUsd: null, valueCny: -2 }), aRecord({ qty2: -3 })], originsFor(3));
    expect(problems.map((problem) => [problem.rule, problem.row, problem.column])).toEqual([
      ['value.negative', 2, 'valueUsd'],
      ['value.negative', 3, 'valueCny'],
      ['qty.negative', 4, 'qty2'],
    ]);
  });

  it('reports a quantity without a unit (it could not be summed)', () => {
    const problems = checkValues([aRecord({ qty1: 12, unit1: null })], originsFor(1));
    expect(problems).toEqual([expect.objectContaining({ rule: 'qty.unit-missing', row: 2, column: 'unit1' })]);
  });
});
