import { describe, expect, it } from 'vitest';

import { codePointsOf, parseUnicodeRange, rangesMeet } from '../../src/pdf/unicode-range.js';

describe('parseUnicodeRange()', () => {
  it('reads single code points and ranges, in any case', () => {
    expect(parseUnicodeRange('U+20-7E, u+4e00,U+1F300-1f320')).toEqual([
      { first: 0x20, last: 0x7e },
      { first: 0x4e00, last: 0x4e00 },
      { first: 0x1f300, last: 0x1f320 },
    ]);
  });

  it('expands wildcards to the range they stand for', () => {
    expect(parseUnicodeRange('U+4??')).toEqual([{ first: 0x400, last: 0x4ff }]);
  });

  it('rejects what is not a unicode-range', () => {
    expect(() => parseUnicodeRange('4E00-4E0F')).toThrow(/not a unicode-range item/);
  });
});

describe('rangesMeet()', () => {
  const cjk = parseUnicodeRange('U+7586,U+7ef4-7ef5');

  it('is true when one character of the text is in a range', () => {
    expect(rangesMeet(cjk, codePointsOf('Xinjiang 新疆'))).toBe(true); // 疆 is U+7586
  });

  it('is false when none is', () => {
    expect(rangesMeet(cjk, codePointsOf('Xinjiang 美国'))).toBe(false);
  });
});

describe('codePointsOf()', () => {
  it('counts characters outside the BMP once, not as two halves', () => {
    expect([...codePointsOf('a😀a')]).toEqual([0x61, 0x1f600]);
  });
});
