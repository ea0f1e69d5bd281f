/**
 * Every word-choice rule and threshold of the narrative, in one place, each a small pure function with a
 * table-driven test (test/narrative/rules.test.ts). The sentences (narrate.ts) only assemble what these return,
 * so changing how a number is worded means changing one line here.
 */
import { formatCount, formatUsd, monthName, monthYear } from './format.js';

/** Thresholds, named so a reviewer can argue with them. */
export const THRESHOLDS = {
  /** "The most in N months" only from this many months up: being higher than last month alone is not news. */
  minHighestMonths: 3,
  /** Up to this many months "the most in N months"; beyond, "the highest value since October 2020". */
  maxMonthsCounted: 12,
  /** yoy/mom at or above this is "surged", at or below the negative one "plunged". */
  surgePct: 100,
  plungePct: -50,
  /** Ratios are worded as multiples from here up ("almost double" at 1.8). */
  minMultiple: 1.8,
  /** "Almost seven times" when within this fraction below a whole multiple. */
  almostMargin: 0.25,
  /** Secondary figures are rounded to a whole million when closer than this (in millions) and this share. */
  approximateGap: 0.1,
  approximateShare: 0.02,
  /** At most this many partners are named in "behind Kazakhstan, Kyrgyzstan …". */
  maxPartnersNamed: 5,
} as const;

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'] as const;
const ORDINAL_WORDS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'] as const;

/** Newspaper style: one to nine in words, then figures. @example numberWord(7) // "seven" @example numberWord(10) // "10" */
export function numberWord(value: number): string {
  return NUMBER_WORDS[value] ?? formatCount(value);
}

/** "fifth", "tenth", then "12th", "21st", "22nd", "103rd", "111th". @example ordinal(12) // "12th" */
export function ordinal(value: number): string {
  const word = ORDINAL_WORDS[value];
  if (word) return word;
  const lastTwo = value % 100;
  const suffix = lastTwo >= 11 && lastTwo <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][value % 10] ?? 'th');
  return `${value}${suffix}`;
}

/** The verb for a change in per cent. @example changeVerb(592.8) // "surged" @example changeVerb(-3.8) // "fell" */
export function changeVerb(pct: number): string {
  if (pct >= THRESHOLDS.surgePct) return 'surged';
  if (pct > 0) return 'rose';
  if (pct <= THRESHOLDS.plungePct) return 'plunged';
  if (pct < 0) return 'fell';
  return 'was unchanged';
}

/** Plain direction, for context clauses where "surged" would overstate. @example direction(-0.1) // "fell" */
export function direction(pct: number): 'rose' | 'fell' | 'was unchanged' {
  return pct > 0 ? 'rose' : pct < 0 ? 'fell' : 'was unchanged';
}

/**
 * A ratio as a multiple: "almost double", "more than double", "almost seven times", "more than three times",
 * "less than half"; null when it is not worth wording as a multiple.
 * @example multiplePhrase(6.8) // "almost seven times"
 * @example multiplePhrase(2.1) // "more than double"
 */
export function multiplePhrase(ratio: number | null): string | null {
  if (ratio === null || !Number.isFinite(ratio)) return null;
  if (ratio < 0.5) return 'less than half';
  if (ratio < THRESHOLDS.minMultiple) return null;
  const whole = Math.floor(ratio);
  const name = (times: number) => (times === 2 ? 'double' : `${numberWord(times)} times`);
  if (whole + 1 - ratio <= THRESHOLDS.almostMargin) return `almost ${name(whole + 1)}`;
  if (ratio === whole) return whole === 2 ? 'double' : `${numberWord(whole)} times`;
  if (whole < 2) return null;
  return `more than ${name(whole)}`;
}

/**
 * "The most in 10 months", "the highest value since October 2020", or for a record "the highest value since
 * the data begin in January 2020"; null when the month is not a notable high.
 * @example highestPhrase({ highestInMonths: 10, highestSince: '2021-10' }, '2020-01') // "the most in 10 months"
 */
export function highestPhrase(stats: { highestInMonths: number | null; highestSince: string | null }, firstMonth: string): string | null {
  const months = stats.highestInMonths;
  if (months === null || months < THRESHOLDS.minHighestMonths) return null;
  if (stats.highestSince === null) return `the highest in data going back to ${monthYear(firstMonth)}`;
  if (months <= THRESHOLDS.maxMonthsCounted) return `the most in ${numberWord(months)} months`;
  return `the highest value since ${monthYear(stats.highestSince)}`;
}

/** "for the second consecutive month"; null for a streak of one or none. @example streakPhrase(2) // "for the second consecutive month" */
export function streakPhrase(months: number | null): string | null {
  if (months === null || months < 2) return null;
  return `for the ${ordinal(months)} consecutive month`;
}

/** "for two months in a row"; null below two. @example inARowPhrase(2) // "for two months in a row" */
export function inARowPhrase(months: number): string | null {
  if (months < 2) return null;
  return `for ${numberWord(months)} months in a row`;
}

/** "fifth biggest", "biggest" for rank 1. @example rankPhrase(5) // "fifth biggest" */
export function rankPhrase(rank: number): string {
  return rank === 1 ? 'biggest' : `${ordinal(rank)} biggest`;
}

/** The verb for where a partner now stands. @example rankVerb(5, 12) // "became" */
export function rankVerb(rank: number, prevRank: number | null): string {
  if (prevRank === null || rank < prevRank) return 'became';
  if (rank === prevRank) return 'remained';
  return 'slipped to';
}

/**
 * Rank against last month: "up from 12th in July", "down from third in July", "unchanged from July",
 * "after no trade in July"; null when last month is not in the data.
 * @example rankChangePhrase(5, 12, '2022-07', true) // "up from 12th in July"
 */
export function rankChangePhrase(rank: number, prevRank: number | null, prevMonth: string, prevMonthCovered: boolean): string | null {
  if (prevRank === null) return prevMonthCovered ? `after no trade in ${monthName(prevMonth)}` : null;
  if (rank < prevRank) return `up from ${ordinal(prevRank)} in ${monthName(prevMonth)}`;
  if (rank > prevRank) return `down from ${ordinal(prevRank)} in ${monthName(prevMonth)}`;
  return null;
}

/**
 * A rounded figure a reader takes in at once, for secondary numbers: "more than US$9 million" for 9.05 million,
 * "nearly 8 million" for 7.91 million; null when the value is not that close to a whole million (or billion).
 * @example approximately(9_052_718) // { qualifier: 'more than', rounded: 9_000_000 }
 * @example approximately(56_803_412) // null
 */
export function approximately(value: number): { qualifier: 'more than' | 'nearly'; rounded: number } | null {
  const magnitude = Math.abs(value);
  const scale = magnitude >= 0.95e9 ? 1e9 : magnitude >= 0.95e6 ? 1e6 : null;
  if (scale === null) return null;
  const exact = magnitude / scale;
  const whole = Math.round(exact);
  const gap = Math.abs(exact - whole);
  if (gap === 0 || gap >= THRESHOLDS.approximateGap || gap / whole > THRESHOLDS.approximateShare) return null;
  return { qualifier: exact > whole ? 'more than' : 'nearly', rounded: Math.sign(value) * whole * scale };
}

/** A secondary money figure, rounded when close: "more than US$9 million", else as formatUsd. @example describeUsd(9_052_718) // "more than US$9 million" */
export function describeUsd(value: number): string {
  const approximate = approximately(value);
  return approximate === null ? formatUsd(value) : `${approximate.qualifier} ${formatUsd(approximate.rounded)}`;
}

/** A secondary count, rounded when close: "nearly 8 million". @example describeCount(7_912_306) // "nearly 8 million" */
export function describeCount(value: number): string {
  const approximate = approximately(value);
  return approximate === null ? formatCount(value) : `${approximate.qualifier} ${formatCount(approximate.rounded)}`;
}

/** Partners a newspaper names with an article or a short form. Others use the reference name as it is. */
const PARTNER_SHORT_NAMES: Readonly<Record<string, string>> = {
  US: 'the US',
  GB: 'the UK',
  AE: 'the UAE',
  NL: 'the Netherlands',
  PH: 'the Philippines',
  CZ: 'the Czech Republic',
  DO: 'the Dominican Republic',
  RU: 'Russia',
  KR: 'South Korea',
  KP: 'North Korea',
  IR: 'Iran',
  VN: 'Vietnam',
  SY: 'Syria',
  LA: 'Laos',
  MD: 'Moldova',
  TZ: 'Tanzania',
  VE: 'Venezuela',
  BO: 'Bolivia',
  HK: 'Hong Kong',
  TW: 'Taiwan',
  MO: 'Macau',
};

/** @example partnerShortName('US', 'United States') // "the US" */
export function partnerShortName(iso2: string | null, name: string): string {
  return (iso2 === null ? undefined : PARTNER_SHORT_NAMES[iso2]) ?? name;
}

/** Words that keep their capital inside a sentence. */
const PROPER_WORDS = new Set(['Christmas', 'Easter', 'Halloween', 'New', 'B2C', 'B2B', 'HS', 'PV', 'LED', 'LCD']);

/** A label for the middle of a sentence: "Toys" -> "toys", "Christmas goods" stays. @example inSentence('Toys') // "toys" */
export function inSentence(label: string): string {
  const firstWord = label.split(/[\s,;]/)[0] ?? '';
  if (PROPER_WORDS.has(firstWord) || /^[A-Z0-9]{2,}$/.test(firstWord)) return label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** Units a reader counts, as nouns. Weight units are left out: "5 million kilograms of socks" is not news. */
const COUNT_UNIT_NOUNS: Readonly<Record<string, [singular: string, plural: string]>> = {
  pair: ['pair', 'pairs'],
  'number of item': ['item', 'items'],
  item: ['item', 'items'],
  piece: ['piece', 'pieces'],
  set: ['set', 'sets'],
  unit: ['unit', 'units'],
  dozen: ['dozen', 'dozen'],
};

/** The counted noun for a unit name, or null for a weight or unknown unit. @example unitNoun('Pair', 8e6) // "pairs" */
export function unitNoun(unitName: string, quantity: number): string | null {
  const nouns = COUNT_UNIT_NOUNS[unitName.trim().toLowerCase()];
  if (nouns === undefined) return null;
  return quantity === 1 ? nouns[0] : nouns[1];
}

/**
 * Units whose count leads a category's sentence ("nearly 8 million pairs of socks"). A count of "items" of a
 * mixed category (machinery, jumpers and coats) is not something a reader can picture, so it is not told.
 */
const QUANTITY_LED_UNITS = new Set(['pair', 'dozen']);

/** Whether a category's quantity in this unit should lead its sentence. @example leadsWithQuantity('Pair') // true */
export function leadsWithQuantity(unitName: string): boolean {
  return QUANTITY_LED_UNITS.has(unitName.trim().toLowerCase());
}

/**
 * How a yoy sign run is told: "for the first time since May 2020", "for the third consecutive month", or null.
 * @example signRunPhrase(1, '2020-05') // "for the first time since May 2020"
 */
export function signRunPhrase(streakMonths: number | null, lastSameSignMonth: string | null): string | null {
  if (streakMonths === null) return null;
  if (streakMonths >= 2) return streakPhrase(streakMonths);
  if (lastSameSignMonth !== null) return `for the first time since ${monthYear(lastSameSignMonth)}`;
  return null;
}
