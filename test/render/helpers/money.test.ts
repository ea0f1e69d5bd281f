import { describe, expect, it } from 'vitest';

import { formatMoney } from '../../../src/render/helpers/money.js';
import { en } from '../../../src/render/messages/en.js';
import { zh } from '../../../src/render/messages/zh.js';

describe('formatMoney()', () => {
  it.each([
    [56_803_412, 'US$56.8 million'],
    [3786, 'US$3,786'],
    [1_234_567_890, 'US$1.2 billion'],
    [950_000, 'US$950,000'],
    [999_960_000, 'US$1 billion'],
    [0, 'US$0'],
    [-2_500_000, '-US$2.5 million'],
    [null, '–'],
    [undefined, '–'],
    [Number.NaN, '–'],
  ])('writes %s as %s in English', (value, expected) => {
    expect(formatMoney(value, en)).toBe(expected);
  });

  it.each([
    [56_803_412, '5680.3万美元'],
    [3786, '3,786美元'],
    [1_234_567_890, '12.3亿美元'],
    [99_999_000, '1亿美元'],
    [null, '–'],
  ])('writes %s as %s in Chinese', (value, expected) => {
    expect(formatMoney(value, zh)).toBe(expected);
  });
});
