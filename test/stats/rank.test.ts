import { describe, expect, it } from 'vitest';
import { rankByValue, topByValue } from '../../src/stats/rank.js';

describe('rankByValue()', () => {
  it('ranks the largest first and breaks ties by code, whatever the input order', () => {
    const ranked = rankByValue(new Map([['502', 5], ['146', 9], ['145', 5]]));
    expect(ranked.map((entry) => [entry.key, entry.rank])).toEqual([['146', 1], ['145', 2], ['502', 3]]);
  });

  it('leaves out zero values: no trade is no rank', () => {
    expect(rankByValue(new Map([['502', 0], ['145', 1]])).map((entry) => entry.key)).toEqual(['145']);
  });
});

describe('topByValue()', () => {
  it('is the first of rankByValue, ties by code and zeros left out', () => {
    const cases = [new Map([['502', 5], ['146', 9], ['145', 9]]), new Map([['502', 0], ['145', 1]]), new Map([['502', 0]]), new Map<string, number>()];
    for (const values of cases) expect(topByValue(values)).toEqual(rankByValue(values)[0]);
    expect(topByValue(undefined)).toBeUndefined();
  });
});
