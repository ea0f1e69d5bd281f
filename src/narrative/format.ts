/**
 * Numbers the way a newspaper prints them: "US$56.8 million", "US$3,786", "US$1.2 billion", "592.8 per cent",
 * "August", "October 2020". No Intl or Date: the output must not depend on the machine's locale or zone.
 */
import { monthParts } from '../stats/month-keys.js';

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** Whole number with thousands separators. @example withCommas(1234567) // "1,234,567" */
export function withCommas(value: number): string {
  const [whole = '0', fraction] = Math.abs(value).toString().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** One decimal, dropped when it is zero: 9.0 -> "9". */
function oneDecimal(value: number): string {
  return withCommas(Number((Math.round(value * 10) / 10).toFixed(1)));
}

/**
 * A count in words a reader takes in at a glance: whole below a million, then "7.9 million", "1.2 billion".
 * @example formatCount(45) // "45"
 * @example formatCount(7_963_210) // "8 million"
 */
export function formatCount(value: number): string {
  const magnitude = Math.abs(value);
  // Millions from one million up; billions also for what would print as "1,000 million".
  if (magnitude >= 1e9 || (magnitude >= 1e6 && Math.round(magnitude / 1e5) >= 10_000)) return `${oneDecimal(value / 1e9)} billion`;
  if (magnitude >= 1e6) return `${oneDecimal(value / 1e6)} million`;
  return withCommas(Math.round(value));
}

/** US dollars as a newspaper prints them. @example formatUsd(56_812_345) // "US$56.8 million" @example formatUsd(3786) // "US$3,786" */
export function formatUsd(value: number): string {
  const count = formatCount(Math.abs(value));
  return `${value < 0 ? '-' : ''}US$${count}`;
}

/** A percentage as stats.json holds it (one decimal), without its sign: the verb carries the direction. @example formatPct(-3.8) // "3.8 per cent" */
export function formatPct(value: number): string {
  return `${withCommas(Math.abs(value))} per cent`;
}

/** @example monthName('2022-08') // "August" */
export function monthName(month: string): string {
  return MONTH_NAMES[monthParts(month).month - 1] ?? month;
}

/** @example monthYear('2020-10') // "October 2020" */
export function monthYear(month: string): string {
  const { year } = monthParts(month);
  return `${monthName(month)} ${year}`;
}

/** Capitalises the first letter, for a label that opens a sentence. @example capitalize('socks') // "Socks" */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
