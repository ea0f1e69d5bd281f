import { describe, expect, it } from 'vitest';

import { formatHighest } from '../../../src/render/helpers/highest.js';
import { en } from '../../../src/render/messages/en.js';
import { zh } from '../../../src/render/messages/zh.js';

describe('formatHighest()', () => {
  it.each([
    [10, '2021-10', 'highest in 10 months'],
    [33, null, 'highest on record'],
    [1, '2022-07', '–'],
    [null, null, '–'],
  ])('writes %s months since %s as "%s"', (months, since, expected) => {
    expect(formatHighest(months, since, en)).toBe(expected);
  });

  it('speaks Chinese', () => {
    expect(formatHighest(10, '2021-10', zh)).toBe('10个月来最高');
  });
});
