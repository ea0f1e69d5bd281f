import { describe, expect, it } from 'vitest';
import { allocateWhole, fillUnderCap } from '../../../scripts/sample/allocate.js';

describe('allocateWhole()', () => {
  it('splits a total into whole parts that add up exactly', () => {
    expect(allocateWhole(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(allocateWhole(100, [0.2, 0.3, 0.5])).toEqual([20, 30, 50]);
  });

  it('gives the leftover units to the largest remainders', () => {
    expect(allocateWhole(7, [1, 2])).toEqual([2, 5]);
  });

  it('shares equally when every weight is zero', () => {
    expect(allocateWhole(4, [0, 0])).toEqual([2, 2]);
  });
});

describe('fillUnderCap()', () => {
  it('passes what a capped bucket cannot take to the others', () => {
    expect(fillUnderCap(10, [8, 1, 1], 5)).toEqual([5, 2.5, 2.5]);
  });

  it('is a plain proportional split when nothing reaches the cap', () => {
    expect(fillUnderCap(10, [3, 2], 100)).toEqual([6, 4]);
  });

  it('refuses a total that cannot fit under the cap', () => {
    expect(() => fillUnderCap(10, [1, 1], 4)).toThrow(/does not fit/);
  });

  it('takes one cap per bucket', () => {
    expect(fillUnderCap(10, [1, 1, 2], [2, 100, 100])).toEqual([2, 8 / 3, 16 / 3]);
  });
});
