import { describe, expect, it } from 'vitest';

import { formatPercent, formatShare } from '../../../src/render/helpers/percent.js';
import { en } from '../../../src/render/messages/en.js';
import { zh } from '../../../src/render/messages/zh.js';

const NNBSP = '\u202F';
const MINUS = '\u2212';

describe('formatPercent()', () => {
  it.each([
    [592.8, `+592.8${NNBSP}%`],
    [127, `+127.0${NNBSP}%`],
    [-3.8, `${MINUS}3.8${NNBSP}%`],
    [1945.8, `+1,945.8${NNBSP}%`],
    [0, `0.0${NNBSP}%`],
    [-0.04, `0.0${NNBSP}%`],
    [null, '–'],
    [Number.POSITIVE_INFINITY, '–'],
  ])('writes %s as %s', (value, expected) => {
    expect(formatPercent(value, en)).toBe(expected);
  });

  it('writes the Chinese percentage without a space', () => {
    expect(formatPercent(-3.8, zh)).toBe(`${MINUS}3.8%`);
  });
});

describe('formatShare()', () => {
  it('writes a share without a sign', () => {
    expect(formatShare(30.3, en)).toBe(`30.3${NNBSP}%`);
    expect(formatShare(null, en)).toBe('–');
  });
});
