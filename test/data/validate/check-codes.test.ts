import { describe, expect, it } from 'vitest';
import { checkCodes } from '../../../src/data/validate/check-codes.js';
import { aRecord, originsFor, tinyReference } from '../helpers/tiny-reference.js';

describe('checkCodes()', () => {
  const reference = tinyReference();

  it('accepts codes that are in the reference lists, and null (not broken down)', () => {
    const records = [aRecord(), aRecord({ partner: null, region: null, regime: null })];
    expect(checkCodes(records, originsFor(2), reference)).toEqual([]);
  });

  it('reports unknown partner, region and regime codes at their row and field', () => {
    const problems = checkCodes([aRecord({ partner: '999', region: '99', regime: '77' })], originsFor(1), reference);
    expect(problems.map((problem) => [problem.rule, problem.row, problem.column])).toEqual([
      ['partner.unknown', 2, 'partner'],
      ['region.unknown', 2, 'region'],
      ['regime.unknown', 2, 'regime'],
    ]);
    expect(problems[0]?.message).toContain('"999"');
  });
});
