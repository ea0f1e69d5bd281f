import { describe, expect, it } from 'vitest';
import { addMonths, isMonthKey, monthKey, monthParts, monthRange, monthsBetween, yearAgo } from '../../src/stats/month-keys.js';

describe('month keys', () => {
  it('steps back over a year boundary', () => {
    expect(addMonths('2022-01', -1)).toBe('2021-12');
    expect(addMonths('2021-12', 1)).toBe('2022-01');
    expect(addMonths('2022-08', -25)).toBe('2020-07');
  });

  it('counts the months between two keys, negative when the second is earlier', () => {
    expect(monthsBetween('2021-10', '2022-08')).toBe(10);
    expect(monthsBetween('2022-08', '2021-10')).toBe(-10);
    expect(monthsBetween('2022-08', '2022-08')).toBe(0);
  });

  it('gives the same month a year before', () => {
    expect(yearAgo('2020-02')).toBe('2019-02');
  });

  it('lists a range with both ends, and nothing for a reversed range', () => {
    expect(monthRange('2021-11', '2022-02')).toEqual(['2021-11', '2021-12', '2022-01', '2022-02']);
    expect(monthRange('2022-02', '2021-11')).toEqual([]);
  });

  it('builds and splits keys without going through Date, so no time zone can shift them', () => {
    expect(monthKey(2022, 8)).toBe('2022-08');
    expect(monthKey(2022, 13)).toBe('2023-01');
    expect(monthParts('2020-12')).toEqual({ year: 2020, month: 12 });
  });

  it('rejects a malformed key rather than guessing', () => {
    expect(isMonthKey('2022-13')).toBe(false);
    expect(isMonthKey('2022-8')).toBe(false);
    expect(() => addMonths('202208', 1)).toThrow(/YYYY-MM/);
  });
});
