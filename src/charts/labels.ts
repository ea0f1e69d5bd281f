/**
 * Short labels printed inside charts, where space is tight: "US$56.8m", "prev 12th", "Aug 2022".
 * Sentences (alt text) use the narrative's longer forms ("US$56.8 million"). No Intl, no Date: the output must
 * not depend on the machine's locale or time zone.
 */
import type { Flow } from '../data/record.js';
import { monthParts } from '../stats/month-keys.js';

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

function withCommas(whole: number): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Three significant figures at most, trailing ".0" kept off: 56.8, 607, 9.05 -> "9.1" (one decimal below 100). */
function scaled(value: number): string {
  return value >= 100 ? String(Math.round(value)) : (Math.round(value * 10) / 10).toFixed(1).replace(/\.0$/, '');
}

/**
 * US dollars in a chart label.
 * @example formatUsdShort(56_803_412) // "US$56.8m"
 * @example formatUsdShort(3786) // "US$3,786"
 */
export function formatUsdShort(value: number): string {
  const magnitude = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  // Promote when rounding would print "1000m" or "1000k".
  if (magnitude >= 999.5e6) return `${sign}US$${scaled(magnitude / 1e9)}bn`;
  if (magnitude >= 999.5e3) return `${sign}US$${scaled(magnitude / 1e6)}m`;
  if (magnitude >= 10e3) return `${sign}US$${scaled(magnitude / 1e3)}k`;
  return `${sign}US$${withCommas(Math.round(magnitude))}`;
}

/** @example ordinal(12) // "12th" @example ordinal(22) // "22nd" */
export function ordinal(rank: number): string {
  const lastTwo = rank % 100;
  const last = rank % 10;
  const suffix = lastTwo >= 11 && lastTwo <= 13 ? 'th' : last === 1 ? 'st' : last === 2 ? 'nd' : last === 3 ? 'rd' : 'th';
  return `${rank}${suffix}`;
}

/** Last month's rank as a label beside a bar. @example previousRankLabel(12) // "prev 12th" @example previousRankLabel(null) // "new" */
export function previousRankLabel(prevRank: number | null): string {
  return prevRank === null ? 'new' : `prev ${ordinal(prevRank)}`;
}

/** @example shortMonth('2022-08') // "Aug 2022" */
export function shortMonth(month: string): string {
  const { year, month: monthNumber } = monthParts(month);
  return `${SHORT_MONTHS[monthNumber - 1] ?? month} ${year}`;
}

/** Epoch milliseconds of the month's first day in UTC, for a `utc` time scale. @example monthStartUtc('2022-08') // 1659312000000 */
export function monthStartUtc(month: string): number {
  const { year, month: monthNumber } = monthParts(month);
  return Date.UTC(year, monthNumber - 1, 1);
}

/**
 * Cuts a label to `maxChars`, on a word boundary when one is near, with an ellipsis. Done here rather than with
 * Vega's labelLimit because without a canvas Vega only estimates text widths.
 * @example truncateLabel('Vacuum cleaners, other than with a self-contained electric motor', 30) // "Vacuum cleaners, other than…"
 */
export function truncateLabel(label: string, maxChars: number): string {
  if (label.length <= maxChars) return label;
  const cut = label.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(' ');
  const head = space >= maxChars * 0.6 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s,;:–-]+$/, '')}…`;
}

/**
 * Makes category labels unique, so two bars never merge on one band: duplicates get their key appended.
 * @example uniqueLabels([{ label: 'socks', key: '611595' }, { label: 'socks', key: '611596' }]) // ["socks (611595)", "socks (611596)"]
 */
export function uniqueLabels(items: readonly { label: string; key: string }[]): string[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.label, (counts.get(item.label) ?? 0) + 1);
  return items.map((item) => ((counts.get(item.label) ?? 0) > 1 ? `${item.label} (${item.key})` : item.label));
}

/** What the partners of a flow are called in a title. @example partnersNoun('export') // "export markets" */
export function partnersNoun(flow: Flow): string {
  return flow === 'export' ? 'export markets' : 'import sources';
}

/** A percentage change as a chart label. @example formatChangeShort(592.8) // "+592.8%" @example formatChangeShort(-3.8) // "-3.8%" */
export function formatChangeShort(pct: number): string {
  return `${pct > 0 ? '+' : ''}${pct}%`;
}

/**
 * A rank against last month's, in words for alt text.
 * @example rankChangePhrase(5, 12) // "up from 12th"
 * @example rankChangePhrase(3, null) // "not ranked the month before"
 */
export function rankChangePhrase(rank: number, prevRank: number | null): string {
  if (prevRank === null) return 'not ranked the month before';
  if (prevRank === rank) return 'unchanged from the month before';
  return `${prevRank > rank ? 'up' : 'down'} from ${ordinal(prevRank)}`;
}

/** @example possessive('the US') // "the US's" @example possessive('the Netherlands') // "the Netherlands'" */
export function possessive(name: string): string {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}
