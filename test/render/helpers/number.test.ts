import { describe, expect, it } from 'vitest';

import { formatNumber } from '../../../src/render/helpers/number.js';
import { en } from '../../../src/render/messages/en.js';

describe('formatNumber()', () => {
  it.each([
    [7_912_306, '7,912,306'],
    [45, '45'],
    [1834, '1,834'],
    [1234.6, '1,235'],
    [2.25, '2.3'],
    [0.4, '0.4'],
    [0, '0'],
    [null, '–'],
  ])('writes %s as %s', (value, expected) => {
    expect(formatNumber(value, en)).toBe(expected);
  });
});
