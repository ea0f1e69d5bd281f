/** One table per rule of src/narrative/rules.ts: the numbers on the left, the words a newsroom would print on the right. */
import { describe, expect, it } from 'vitest';
import {
  approximately,
  changeVerb,
  describeCount,
  describeUsd,
  direction,
  highestPhrase,
  inARowPhrase,
  inSentence,
  leadsWithQuantity,
  multiplePhrase,
  numberWord,
  ordinal,
  partnerShortName,
  rankChangePhrase,
  rankPhrase,
  rankVerb,
  signRunPhrase,
  streakPhrase,
  unitNoun,
} from '../../src/narrative/rules.js';

describe('changeVerb()', () => {
  it.each([
    [592.8, 'surged'],
    [100, 'surged'],
    [99.9, 'rose'],
    [0.1, 'rose'],
    [0, 'was unchanged'],
    [-3.8, 'fell'],
    [-49.9, 'fell'],
    [-50, 'plunged'],
    [-62.9, 'plunged'],
  ])('%d per cent -> "%s"', (pct, verb) => expect(changeVerb(pct)).toBe(verb));
});

describe('direction()', () => {
  it.each([
    [592.8, 'rose'],
    [-0.1, 'fell'],
    [0, 'was unchanged'],
  ])('%d -> "%s"', (pct, words) => expect(direction(pct)).toBe(words));
});

describe('multiplePhrase()', () => {
  it.each([
    [2.27, 'more than double'],
    [6.85, 'almost seven times'],
    [5.75, 'almost six times'],
    [3.4, 'more than three times'],
    [2, 'double'],
    [3, 'three times'],
    [1.9, 'almost double'],
    [1.5, null],
    [1, null],
    [0.84, null],
    [0.37, 'less than half'],
    [12.1, 'more than 12 times'],
    [null, null],
  ])('ratio %s -> %s', (ratio, words) => expect(multiplePhrase(ratio)).toBe(words));
});

describe('highestPhrase()', () => {
  it.each([
    [10, '2021-10', 'the most in 10 months'],
    [7, '2022-01', 'the most in seven months'],
    [12, '2021-08', 'the most in 12 months'],
    [22, '2020-10', 'the highest value since October 2020'],
    [3, '2022-05', 'the most in three months'],
    [2, '2022-06', null],
    [1, '2022-07', null],
    [null, null, null],
    [33, null, 'the highest in data going back to January 2020'],
  ])('%s months since %s -> %s', (months, since, words) => {
    expect(highestPhrase({ highestInMonths: months, highestSince: since }, '2020-01')).toBe(words);
  });
});

describe('streakPhrase() and inARowPhrase()', () => {
  it.each([
    [2, 'for the second consecutive month', 'for two months in a row'],
    [3, 'for the third consecutive month', 'for three months in a row'],
    [11, 'for the 11th consecutive month', 'for 11 months in a row'],
    [1, null, null],
    [0, null, null],
  ])('%d months -> %s / %s', (months, streak, inARow) => {
    expect(streakPhrase(months)).toBe(streak);
    expect(inARowPhrase(months)).toBe(inARow);
  });
});

describe('ordinal() and numberWord()', () => {
  it.each([
    [1, 'first'],
    [5, 'fifth'],
    [10, 'tenth'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [22, '22nd'],
    [103, '103rd'],
    [111, '111th'],
  ])('%d -> %s', (value, words) => expect(ordinal(value)).toBe(words));

  it.each([
    [2, 'two'],
    [9, 'nine'],
    [10, '10'],
    [45, '45'],
  ])('%d -> %s', (value, words) => expect(numberWord(value)).toBe(words));
});

describe('rank wording', () => {
  it.each([
    [5, 12, 'became', 'fifth biggest', 'up from 12th in July'],
    [1, 1, 'remained', 'biggest', null],
    [14, 5, 'slipped to', '14th biggest', 'down from fifth in July'],
    [3, null, 'became', 'third biggest', 'after no trade in July'],
  ])('rank %d after %s -> %s %s, %s', (rank, prevRank, verb, phrase, change) => {
    expect(rankVerb(rank, prevRank)).toBe(verb);
    expect(rankPhrase(rank)).toBe(phrase);
    expect(rankChangePhrase(rank, prevRank, '2022-07', true)).toBe(change);
  });

  it('says nothing about last month when the data do not cover it', () => {
    expect(rankChangePhrase(3, null, '2022-07', false)).toBeNull();
  });
});

describe('approximately(), describeUsd() and describeCount()', () => {
  it.each([
    [9_052_718, 'more than US$9 million', 'more than 9 million'],
    [7_912_306, 'nearly US$8 million', 'nearly 8 million'],
    [56_803_412, 'US$56.8 million', '56.8 million'],
    [1_040_689, 'US$1 million', '1 million'],
    [4_000_000, 'US$4 million', '4 million'],
    [3_786, 'US$3,786', '3,786'],
    [2_010_000_000, 'more than US$2 billion', 'more than 2 billion'],
  ])('%d -> "%s" / "%s"', (value, money, count) => {
    expect(describeUsd(value)).toBe(money);
    expect(describeCount(value)).toBe(count);
  });

  it('gives the rounded figure it stands for', () => {
    expect(approximately(9_052_718)).toEqual({ qualifier: 'more than', rounded: 9_000_000 });
    expect(approximately(56_803_412)).toBeNull();
  });
});

describe('partnerShortName()', () => {
  it.each([
    ['US', 'United States', 'the US'],
    ['GB', 'United Kingdom', 'the UK'],
    ['RU', 'Russian Federation', 'Russia'],
    ['KZ', 'Kazakhstan', 'Kazakhstan'],
    [null, 'Unknown', 'Unknown'],
  ])('%s %s -> %s', (iso2, name, short) => expect(partnerShortName(iso2, name)).toBe(short));
});

describe('inSentence()', () => {
  it.each([
    ['Toys', 'toys'],
    ['apparel', 'apparel'],
    ['Christmas goods', 'Christmas goods'],
    ['B2C e-commerce', 'B2C e-commerce'],
    ['Hosiery and footwear', 'hosiery and footwear'],
  ])('%s -> %s', (label, words) => expect(inSentence(label)).toBe(words));
});

describe('unitNoun()', () => {
  it.each([
    ['Pair', 7_912_306, 'pairs'],
    ['Number of item', 45, 'items'],
    ['Number of item', 1, 'item'],
    ['Kilogram', 100, null],
    ['Something new', 3, null],
  ])('%s x %d -> %s', (unit, quantity, noun) => expect(unitNoun(unit, quantity)).toBe(noun));
});

describe('signRunPhrase()', () => {
  it.each([
    [1, '2020-05', 'for the first time since May 2020'],
    [2, '2020-05', 'for the second consecutive month'],
    [1, null, null],
    [null, null, null],
  ])('streak %s, last %s -> %s', (streak, last, words) => expect(signRunPhrase(streak, last)).toBe(words));
});

describe('leadsWithQuantity()', () => {
  it.each([
    ['Pair', true],
    ['pair', true],
    ['Number of item', false],
    ['Kilogram', false],
  ])('%s -> %s', (unit, leads) => expect(leadsWithQuantity(unit)).toBe(leads));
});
