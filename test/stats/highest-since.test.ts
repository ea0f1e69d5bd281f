import { describe, expect, it } from 'vitest';
import { highestSince } from '../../src/stats/highest-since.js';

const months = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('highestSince()', () => {
  it('counts back to the last higher month: the most in 10 months, since October', () => {
    const values = months({ '2021-10': 90, '2021-11': 10, '2022-01': 20, '2022-07': 30, '2022-08': 56 });
    expect(highestSince(values, '2022-08')).toEqual({ highestInMonths: 10, highestSince: '2021-10' });
  });

  it('gives 1 when last month was higher', () => {
    expect(highestSince(months({ '2022-07': 5, '2022-08': 4 }), '2022-08')).toEqual({ highestInMonths: 1, highestSince: '2022-07' });
  });

  it('treats an equal month as not higher', () => {
    expect(highestSince(months({ '2022-06': 5, '2022-07': 9, '2022-08': 9 }), '2022-08')).toEqual({ highestInMonths: 3, highestSince: null });
  });

  it('gives null highestSince and the whole record when nothing earlier was higher', () => {
    expect(highestSince(months({ '2022-01': 1, '2022-02': 2, '2022-03': 3 }), '2022-03')).toEqual({ highestInMonths: 3, highestSince: null });
  });

  it('skips months the data do not cover instead of reading them as zero', () => {
    // 2022-07 is missing: it must not count as a lower month, nor stop the walk.
    const values = months({ '2022-05': 8, '2022-06': 2, '2022-08': 6 });
    expect(highestSince(values, '2022-08')).toEqual({ highestInMonths: 3, highestSince: '2022-05' });
  });

  it('is null for a month without data and for a month with nothing', () => {
    expect(highestSince(months({ '2022-07': 5 }), '2022-08')).toEqual({ highestInMonths: null, highestSince: null });
    expect(highestSince(months({ '2022-07': 0, '2022-08': 0 }), '2022-08')).toEqual({ highestInMonths: null, highestSince: null });
  });
});
