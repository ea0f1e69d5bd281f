import { describe, expect, it } from 'vitest';
import { pctChange, ratio, round1, sharePct } from '../../src/stats/growth.js';

describe('pctChange()', () => {
  it.each([
    [56_803_412, 8_199_108, 592.8],
    [21, 28, -25],
    [5, 5, 0],
    [10, -5, 300],
  ])('from %d to %d is %d per cent… (current %d, base %d)', (current, base, expected) => {
    expect(pctChange(current, base)).toBe(expected);
  });

  it('is null, never Infinity or NaN, on a zero or missing base', () => {
    expect(pctChange(5, 0)).toBeNull();
    expect(pctChange(0, 0)).toBeNull();
    expect(pctChange(5, null)).toBeNull();
    expect(pctChange(null, 5)).toBeNull();
  });
});

describe('ratio()', () => {
  it('keeps full precision and is null on a zero base', () => {
    expect(ratio(56_803_412, 8_291_563)).toBeCloseTo(6.8507, 4);
    expect(ratio(1, 0)).toBeNull();
  });
});

describe('round1() and sharePct()', () => {
  it('rounds to one decimal without a negative zero', () => {
    expect(round1(592.849)).toBe(592.8);
    expect(Object.is(round1(-0.01), -0)).toBe(false);
  });

  it('gives a share of a total, null on a zero total', () => {
    expect(sharePct(1, 3)).toBe(33.3);
    expect(sharePct(1, 0)).toBeNull();
  });
});
