/**
 * What changed between two editions of a month: the figures, ranks and sentences of the earlier edition's
 * stats.json against the new one, each with a label a reader understands ("Exports to the United States,
 * August 2022"), before/after as the report prints them, and the raw values. The list is changes.json, the
 * "Corrected edition" box of the report and the table of the correction email. Pure: no I/O, no clock.
 *
 * Order: the headline (value, year on year, month on month), the focus partner's rank, the top product, then the
 * other partners (value, rank), categories, products, the national series, the focus series' other months, and
 * last the narrative sentences by id. Unchanged inputs give [].
 */
import type { StatsJson } from '../stats/types.js';
import { capitalize, formatUsd, monthYear, withCommas } from './format.js';
import { ordinal } from './rules.js';

export type EditionChangeKind = 'figure' | 'rank' | 'sentence';

export interface EditionChangeRecord {
  kind: EditionChangeKind;
  /** A stable path to the figure: "headline.valueUsd", "partners[145].rank", "narrative[headline-value]". */
  key: string;
  /** What a reader calls it: "Exports to the United States, August 2022". */
  field: string;
  /** As the report prints them ("US$56.8 million", "+592.8 per cent", "5th", the sentence itself). */
  before: string;
  after: string;
  /** The raw values (null when absent): numbers for figures and ranks, the HS code of a top product, the text of a sentence. */
  beforeValue: number | string | null;
  afterValue: number | string | null;
}

/** Stats fields compared; anything else of stats.json may differ without being listed. */
export type ComparableStats = Pick<
  StatsJson,
  'month' | 'flow' | 'focusPartner' | 'headline' | 'partners' | 'categories' | 'products' | 'national' | 'series' | 'narrative'
>;

const NONE = 'none';
const NOT_AVAILABLE = 'n/a';

/**
 * @example compareEditions(edition1Stats, edition2Stats)
 *   // [{ kind: 'figure', key: 'headline.valueUsd', field: 'Exports to the United States, August 2022',
 *   //    before: 'US$56.8 million', after: 'US$61.2 million', beforeValue: 56803412, afterValue: 61203412 }, …]
 */
export function compareEditions(previous: ComparableStats, next: ComparableStats): EditionChangeRecord[] {
  const changes: EditionChangeRecord[] = [];
  const month = monthYear(next.month);
  const flowTo = next.flow === 'import' ? 'Imports from' : 'Exports to';
  const focus = withArticle(next.focusPartner.name);
  const focusFlow = `${flowTo} ${focus}`;

  // The headline
  money(changes, 'headline.valueUsd', `${focusFlow}, ${month}`, previous.headline.valueUsd, next.headline.valueUsd);
  percent(changes, 'headline.yoyPct', `${focusFlow}, ${month}, year on year`, previous.headline.yoyPct, next.headline.yoyPct);
  percent(changes, 'headline.momPct', `${focusFlow}, ${month}, month on month`, previous.headline.momPct, next.headline.momPct);
  rank(changes, 'focusPartner.rank', `Rank of ${focus} among partners, ${month}`, previous.focusPartner.rank, next.focusPartner.rank);
  const topBefore = previous.products[0];
  const topAfter = next.products[0];
  if ((topBefore?.hsCode ?? null) !== (topAfter?.hsCode ?? null)) {
    const describe = (product: typeof topBefore): string => (product === undefined ? NONE : `${capitalize(product.shortLabel)} (HS ${product.hsCode})`);
    changes.push({ kind: 'rank', key: 'products.top', field: `Top product, ${month}`, before: describe(topBefore), after: describe(topAfter), beforeValue: topBefore?.hsCode ?? null, afterValue: topAfter?.hsCode ?? null });
  }

  // Partners other than the focus one (its value and rank are the headline's)
  for (const [code, [before, after]] of paired(previous.partners, next.partners, (partner) => partner.code)) {
    if (code === next.focusPartner.code) continue;
    const name = withArticle((after ?? before)?.name ?? code);
    money(changes, `partners[${code}].valueUsd`, `${flowTo} ${name}, ${month}`, before?.valueUsd ?? null, after?.valueUsd ?? null);
    rank(changes, `partners[${code}].rank`, `Rank of ${name}, ${month}`, before?.rank ?? null, after?.rank ?? null);
  }

  for (const [id, [before, after]] of paired(previous.categories, next.categories, (category) => category.id)) {
    money(changes, `categories[${id}].valueUsd`, `${capitalize((after ?? before)?.label ?? id)}, ${month}`, before?.valueUsd ?? null, after?.valueUsd ?? null);
  }
  // stats.products is the top of the ranking only: a product missing from one edition's list is outside its top.
  for (const [code, [before, after]] of paired(previous.products, next.products, (product) => product.hsCode)) {
    const label = capitalize((after ?? before)?.shortLabel ?? code);
    money(changes, `products[${code}].valueUsd`, `${label} (HS ${code}), ${month}`, before?.valueUsd ?? null, after?.valueUsd ?? null, {
      before: `not in the top ${previous.products.length}`,
      after: `not in the top ${next.products.length}`,
    });
  }

  // The national series (context) and the focus series' other months
  if (previous.national !== null || next.national !== null) {
    const label = `${(next.national ?? previous.national)?.label ?? 'National'} ${next.flow === 'import' ? 'imports from' : 'exports to'} ${focus}, ${month}`;
    money(changes, 'national.valueUsd', label, previous.national?.valueUsd ?? null, next.national?.valueUsd ?? null);
    percent(changes, 'national.yoyPct', `${label}, year on year`, previous.national?.yoyPct ?? null, next.national?.yoyPct ?? null);
  }
  const series = [...paired(previous.series, next.series, (point) => point.month)]
    .filter(([key]) => key !== next.month)
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0));
  for (const [key, [before, after]] of series) {
    money(changes, `series[${key}].valueUsd`, `${focusFlow}, ${monthYear(key)}`, before?.valueUsd ?? null, after?.valueUsd ?? null);
  }

  // The sentences, by id, in the new edition's order (removed ones after)
  let position = 0;
  for (const [id, [before, after]] of paired(previous.narrative, next.narrative, (sentence) => sentence.id)) {
    position += 1;
    const textBefore = before?.text ?? null;
    const textAfter = after?.text ?? null;
    if (textBefore === textAfter) continue;
    changes.push({ kind: 'sentence', key: `narrative[${id}]`, field: `Summary, sentence ${position}`, before: textBefore ?? NONE, after: textAfter ?? NONE, beforeValue: textBefore, afterValue: textAfter });
  }
  return changes;
}

/** Entries of both lists by key: the new list's order first, then keys only the old list has. */
function paired<T>(previous: readonly T[], next: readonly T[], keyOf: (item: T) => string): Map<string, [T | undefined, T | undefined]> {
  const pairs = new Map<string, [T | undefined, T | undefined]>();
  for (const item of next) pairs.set(keyOf(item), [undefined, item]);
  for (const item of previous) {
    const key = keyOf(item);
    const existing = pairs.get(key);
    pairs.set(key, [item, existing?.[1]]);
  }
  return pairs;
}

/** Money as the report prints it; to the dollar when the rounded figures would read the same. `absent` says what a null means. */
function money(
  changes: EditionChangeRecord[],
  key: string,
  field: string,
  before: number | null,
  after: number | null,
  absent: { before: string; after: string } = { before: NONE, after: NONE },
): void {
  if (before === after) return;
  const text = (value: number | null, format: (value: number) => string, whenAbsent: string): string => (value === null ? whenAbsent : format(value));
  let [textBefore, textAfter] = [text(before, formatUsd, absent.before), text(after, formatUsd, absent.after)];
  if (textBefore === textAfter) [textBefore, textAfter] = [text(before, exactUsd, absent.before), text(after, exactUsd, absent.after)];
  changes.push({ kind: 'figure', key, field, before: textBefore, after: textAfter, beforeValue: before, afterValue: after });
}

function percent(changes: EditionChangeRecord[], key: string, field: string, before: number | null, after: number | null): void {
  if (before === after) return;
  changes.push({ kind: 'figure', key, field, before: signedPct(before), after: signedPct(after), beforeValue: before, afterValue: after });
}

function rank(changes: EditionChangeRecord[], key: string, field: string, before: number | null, after: number | null): void {
  if (before === after) return;
  const text = (value: number | null): string => (value === null ? 'not ranked' : ordinal(value));
  changes.push({ kind: 'rank', key, field, before: text(before), after: text(after), beforeValue: before, afterValue: after });
}

/** @example exactUsd(56803412) // "US$56,803,412" */
function exactUsd(value: number): string {
  return `${value < 0 ? '-' : ''}US$${withCommas(Math.round(Math.abs(value)))}`;
}

/** @example signedPct(592.8) // "+592.8 per cent" @example signedPct(-3.8) // "-3.8 per cent" */
function signedPct(value: number | null): string {
  if (value === null) return NOT_AVAILABLE;
  return `${value > 0 ? '+' : value < 0 ? '-' : ''}${withCommas(Math.abs(value))} per cent`;
}

/** Country names that take "the" in running text. @example withArticle('United States') // "the United States" */
export function withArticle(name: string): string {
  return /^(United|Republic|Czech Republic|Dominican Republic|Central African|Netherlands|Philippines|Bahamas|Maldives|Comoros|Gambia)\b/.test(name) ? `the ${name}` : name;
}
