import { describe, expect, it } from 'vitest';
import { monthRange, productSeason, SAMPLE_MONTHS, US_PATH_MILLION } from '../../../scripts/sample/seasons.js';
import { makeRng, sampleWeighted } from '../../../scripts/sample/rng.js';

describe('monthRange()', () => {
  it('runs across a year end', () => {
    expect(monthRange('2021-11', '2022-02')).toEqual(['2021-11', '2021-12', '2022-01', '2022-02']);
  });

  it('covers January 2020 to September 2022 for the sample, with a US path for every month', () => {
    expect(SAMPLE_MONTHS).toHaveLength(33);
    for (const month of SAMPLE_MONTHS) expect(US_PATH_MILLION[month], month).toBeGreaterThan(0);
  });
});

describe('productSeason()', () => {
  it('peaks Christmas goods in late summer and leaves unseasonal goods at 1', () => {
    expect(productSeason('christmas', '2022-08')).toBeGreaterThan(productSeason('christmas', '2022-02'));
    expect(productSeason(undefined, '2022-08')).toBe(1);
  });
});

describe('makeRng()', () => {
  it('gives the same stream for the same keys and another for other keys', () => {
    const draw = (...keys: string[]): number[] => {
      const rng = makeRng(...keys);
      return [rng.next(), rng.next()];
    };
    expect(draw('seed', '2022-08')).toEqual(draw('seed', '2022-08'));
    expect(draw('seed', '2022-08')).not.toEqual(draw('seed', '2022-09'));
  });

  it('draws distinct items and never one of weight zero', () => {
    const picked = sampleWeighted(makeRng('seed'), ['a', 'b', 'c', 'd'], (item) => (item === 'b' ? 0 : 1), 3);
    expect(new Set(picked).size).toBe(3);
    expect(picked).not.toContain('b');
  });
});
