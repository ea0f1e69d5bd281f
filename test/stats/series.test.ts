import { describe, expect, it } from 'vitest';
import { series } from '../../src/stats/series.js';

describe('series()', () => {
  it('ends with the report month, keeps gaps as null, and starts no earlier than the data', () => {
    const values = new Map([['2022-06', 1], ['2022-08', 5]]);
    expect(series(values, '2022-08', 25)).toEqual([
      { month: '2022-06', valueUsd: 1 },
      { month: '2022-07', valueUsd: null },
      { month: '2022-08', valueUsd: 5 },
    ]);
  });

  it('holds exactly the requested number of months when the data go further back', () => {
    const values = new Map([['2019-01', 1], ['2022-08', 5]]);
    const points = series(values, '2022-08', 25);
    expect(points).toHaveLength(25);
    expect(points[0]?.month).toBe('2020-08');
  });
});
