import { describe, expect, it } from 'vitest';

import { formatOrdinal } from '../../../src/render/helpers/ordinal.js';
import { en } from '../../../src/render/messages/en.js';
import { zh } from '../../../src/render/messages/zh.js';

describe('formatOrdinal()', () => {
  it.each([
    [1, '1st'], [2, '2nd'], [3, '3rd'], [4, '4th'], [5, '5th'], [11, '11th'], [12, '12th'], [13, '13th'],
    [21, '21st'], [22, '22nd'], [23, '23rd'], [101, '101st'], [111, '111th'], [112, '112th'],
  ])('writes %i as %s', (rank, expected) => {
    expect(formatOrdinal(rank, en)).toBe(expected);
  });

  it('writes Chinese ranks as 第N位', () => {
    expect(formatOrdinal(5, zh)).toBe('第5位');
  });

  it.each([null, undefined, 0, 2.5])('prints %s as missing', (rank) => {
    expect(formatOrdinal(rank, en)).toBe('–');
  });
});
