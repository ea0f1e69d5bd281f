import { describe, expect, it } from 'vitest';
import { capitalize, formatCount, formatPct, formatUsd, monthName, monthYear, withCommas } from '../../src/narrative/format.js';

describe('formatUsd()', () => {
  it.each([
    [56_803_412, 'US$56.8 million'],
    [3_786, 'US$3,786'],
    [1_234_567_890, 'US$1.2 billion'],
    [9_000_000, 'US$9 million'],
    [999_960_000, 'US$1 billion'],
    [999_949, 'US$999,949'],
    [950_000, 'US$950,000'],
    [1_000_000, 'US$1 million'],
    [0, 'US$0'],
    [12.4, 'US$12'],
  ])('prints %d as %s', (value, expected) => {
    expect(formatUsd(value)).toBe(expected);
  });
});

describe('formatCount() and withCommas()', () => {
  it.each([
    [45, '45'],
    [7_912_306, '7.9 million'],
    [7_963_210, '8 million'],
    [508_430, '508,430'],
  ])('prints %d as %s', (value, expected) => {
    expect(formatCount(value)).toBe(expected);
  });

  it('groups thousands and keeps decimals', () => {
    expect(withCommas(1234567.5)).toBe('1,234,567.5');
    expect(withCommas(-1000)).toBe('-1,000');
  });
});

describe('formatPct()', () => {
  it('prints the size of the change and leaves the direction to the verb', () => {
    expect(formatPct(592.8)).toBe('592.8 per cent');
    expect(formatPct(-3.8)).toBe('3.8 per cent');
    expect(formatPct(1234.5)).toBe('1,234.5 per cent');
  });
});

describe('month names', () => {
  it('names months without Date, so the zone cannot shift them', () => {
    expect(monthName('2022-08')).toBe('August');
    expect(monthName('2022-01')).toBe('January');
    expect(monthYear('2020-10')).toBe('October 2020');
    expect(monthYear('2020-12')).toBe('December 2020');
  });

  it('capitalises a label that opens a sentence', () => {
    expect(capitalize('socks')).toBe('Socks');
  });
});
