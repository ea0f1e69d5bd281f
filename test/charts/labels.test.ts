import { describe, expect, it } from 'vitest';
import { formatUsdShort, ordinal, possessive, previousRankLabel, rankChangePhrase, shortMonth, truncateLabel, uniqueLabels } from '../../src/charts/labels.js';

describe('formatUsdShort()', () => {
  it('prints millions with one decimal below a hundred and whole above', () => {
    expect(formatUsdShort(56_803_412)).toBe('US$56.8m');
    expect(formatUsdShort(607_014_618)).toBe('US$607m');
    expect(formatUsdShort(29_000_000)).toBe('US$29m');
  });

  it('keeps small values whole with commas, and thousands as k', () => {
    expect(formatUsdShort(3786)).toBe('US$3,786');
    expect(formatUsdShort(84_625)).toBe('US$84.6k');
    expect(formatUsdShort(0)).toBe('US$0');
  });

  it('promotes a value that would round to 1000 of a unit', () => {
    expect(formatUsdShort(999_960)).toBe('US$1m');
    expect(formatUsdShort(999_600_000)).toBe('US$1bn');
    expect(formatUsdShort(999_400_000)).toBe('US$999m');
    expect(formatUsdShort(2_001_549_684)).toBe('US$2bn');
  });
});

describe('ordinal()', () => {
  it('uses st, nd, rd and th, with th for the teens', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st', '111th']);
  });
});

describe('previousRankLabel()', () => {
  it('says "new" for a partner or product not ranked last month', () => {
    expect(previousRankLabel(12)).toBe('prev 12th');
    expect(previousRankLabel(null)).toBe('new');
  });
});

describe('rankChangePhrase()', () => {
  it('says up when the rank number fell', () => {
    expect(rankChangePhrase(5, 12)).toBe('up from 12th');
    expect(rankChangePhrase(12, 5)).toBe('down from 5th');
    expect(rankChangePhrase(3, 3)).toBe('unchanged from the month before');
  });
});

describe('shortMonth()', () => {
  it('abbreviates the month without any time zone', () => {
    expect(shortMonth('2022-08')).toBe('Aug 2022');
    expect(shortMonth('2021-01')).toBe('Jan 2021');
  });
});

describe('truncateLabel()', () => {
  it('cuts on a word boundary and adds an ellipsis', () => {
    expect(truncateLabel('Vacuum cleaners, other than with a self-contained electric motor', 30)).toBe('Vacuum cleaners, other than…');
    expect(truncateLabel('Chairs', 30)).toBe('Chairs');
  });
});

describe('uniqueLabels()', () => {
  it('appends the key only to labels that repeat', () => {
    expect(uniqueLabels([{ label: 'socks', key: '611595' }, { label: 'toys', key: '950300' }, { label: 'socks', key: '611596' }])).toEqual(['socks (611595)', 'toys', 'socks (611596)']);
  });
});

describe('possessive()', () => {
  it('adds an apostrophe alone after a final s', () => {
    expect(possessive('the US')).toBe("the US's");
    expect(possessive('the Netherlands')).toBe("the Netherlands'");
  });
});
