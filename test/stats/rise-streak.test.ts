import { describe, expect, it } from 'vitest';
import { riseStreak } from '../../src/stats/rise-streak.js';

const months = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('riseStreak()', () => {
  it('counts consecutive month-on-month rises ending this month', () => {
    expect(riseStreak(months({ '2022-05': 9, '2022-06': 8, '2022-07': 25, '2022-08': 56 }), '2022-08')).toBe(2);
  });

  it('is 0 after a fall or a flat month', () => {
    expect(riseStreak(months({ '2022-07': 56, '2022-08': 21 }), '2022-08')).toBe(0);
    expect(riseStreak(months({ '2022-07': 5, '2022-08': 5 }), '2022-08')).toBe(0);
  });

  it('stops at a month the data do not cover', () => {
    expect(riseStreak(months({ '2022-05': 1, '2022-07': 2, '2022-08': 3 }), '2022-08')).toBe(1);
  });

  it('crosses a year boundary', () => {
    expect(riseStreak(months({ '2021-11': 1, '2021-12': 2, '2022-01': 3 }), '2022-01')).toBe(2);
  });
});
