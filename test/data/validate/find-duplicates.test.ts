import { describe, expect, it } from 'vitest';
import { findDuplicates } from '../../../src/data/validate/find-duplicates.js';
import { aRecord } from '../helpers/tiny-reference.js';

describe('findDuplicates()', () => {
  it('reports a repeated key at the repeat, naming the first row (across files too)', () => {
    const problems = findDuplicates(
      [aRecord(), aRecord({ partner: '145' }), aRecord({ valueUsd: 5 })],
      [{ file: 'a.csv', row: 2 }, { file: 'a.csv', row: 3 }, { file: 'b.csv', row: 9 }],
    );
    expect(problems).toEqual([expect.objectContaining({ rule: 'row.duplicate', file: 'b.csv', row: 9 })]);
    expect(problems[0]?.message).toContain('a.csv:2');
  });

  it('treats a null dimension as different from any code', () => {
    expect(findDuplicates([aRecord({ region: null }), aRecord({ region: '65' })], [{ file: 'a', row: 2 }, { file: 'a', row: 3 }])).toEqual([]);
  });

  it('does not count rows of different flows as duplicates', () => {
    expect(findDuplicates([aRecord(), aRecord({ flow: 'import' })], [{ file: 'a', row: 2 }, { file: 'a', row: 3 }])).toEqual([]);
  });
});

describe('findDuplicates() and currencies', () => {
  it('leaves a USD and a CNY row of the same key to the currency rule instead of reporting duplicates', () => {
    expect(findDuplicates([aRecord(), aRecord({ valueUsd: null, valueCny: 7 })], [{ file: 'a', row: 2 }, { file: 'b', row: 2 }])).toEqual([]);
  });
});
