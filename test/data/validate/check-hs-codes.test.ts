import { describe, expect, it } from 'vitest';
import { checkHsCodes, isValidHsCode } from '../../../src/data/validate/check-hs-codes.js';
import { aRecord, originsFor } from '../helpers/tiny-reference.js';

describe('isValidHsCode()', () => {
  it('accepts 2, 4, 6 and 8 digits with leading zeros', () => {
    expect(['61', '0702', '611596', '61159600'].map(isValidHsCode)).toEqual([true, true, true, true]);
  });

  it('rejects 10 digits, odd lengths and non-digits', () => {
    expect(['6115960000', '702', '6115A', ''].map(isValidHsCode)).toEqual([false, false, false, false]);
  });
});

describe('checkHsCodes()', () => {
  it('reports a wrong HS code at its row, hinting at a lost leading zero for odd lengths', () => {
    const problems = checkHsCodes([aRecord(), aRecord({ hsCode: '702' }), aRecord({ hsCode: '6115960000' }), aRecord({ hsCode: null })], originsFor(4));
    expect(problems.map((problem) => [problem.rule, problem.row, problem.column])).toEqual([
      ['hs.invalid', 3, 'hsCode'],
      ['hs.invalid', 4, 'hsCode'],
    ]);
    expect(problems[0]?.message).toContain('leading zero');
  });
});
