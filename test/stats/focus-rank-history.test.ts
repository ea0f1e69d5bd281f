import { describe, expect, it } from 'vitest';
import { focusRankHistory } from '../../src/stats/focus-rank-history.js';

const byMonth = new Map([
  ['2022-06', new Map([['145', 10], ['502', 20]])],
  ['2022-07', new Map([['145', 30], ['502', 0], ['146', 5]])],
  ['2022-08', new Map([['145', 30], ['146', 5], ['502', 6]])],
]);

describe('focusRankHistory()', () => {
  it('gives the rank in each month, oldest first, ending with the report month', () => {
    expect(focusRankHistory(byMonth, '2022-08', '502', 3)).toEqual([
      { month: '2022-06', rank: 1 },
      { month: '2022-07', rank: null },
      { month: '2022-08', rank: 2 },
    ]);
  });

  it('gives null for months the data do not cover, across a year boundary', () => {
    expect(focusRankHistory(byMonth, '2022-06', '502', 8).slice(0, 2)).toEqual([
      { month: '2021-11', rank: null },
      { month: '2021-12', rank: null },
    ]);
  });
});
