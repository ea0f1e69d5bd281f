import { describe, expect, it } from 'vitest';

import { formatMonth } from '../../../src/render/helpers/month-name.js';
import { en } from '../../../src/render/messages/en.js';
import { zh } from '../../../src/render/messages/zh.js';

describe('formatMonth()', () => {
  it.each([
    ['2022-08', 'long', 'August 2022'],
    ['2022-08', 'short', 'Aug 2022'],
    ['2020-01', 'long', 'January 2020'],
    ['2021-12', 'short', 'Dec 2021'],
  ] as const)('writes %s (%s) as %s', (month, style, expected) => {
    expect(formatMonth(month, style, en)).toBe(expected);
  });

  it('writes Chinese months as 2022年8月', () => {
    expect(formatMonth('2022-08', 'long', zh)).toBe('2022年8月');
  });

  it('prints a missing month as a dash and rejects a malformed one', () => {
    expect(formatMonth(null, 'long', en)).toBe('–');
    expect(() => formatMonth('2022-13', 'long', en)).toThrow(/not a month key/);
  });
});
