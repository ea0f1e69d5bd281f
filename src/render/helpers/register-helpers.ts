/**
 * Registers the report helpers on a Handlebars instance, bound to one locale's messages. The instance must be
 * an isolated one (Handlebars.create()), never the global, so nothing else in the process can add or replace a
 * helper the report relies on. Every helper returns a plain string, which Handlebars then escapes: data never
 * reaches the page unescaped through a helper.
 */
import type HandlebarsRuntime from 'handlebars';

import type { Messages } from '../messages/types.js';
import { formatHighest } from './highest.js';
import { formatMoney } from './money.js';
import { formatMonth, type MonthStyle } from './month-name.js';
import { formatNumber } from './number.js';
import { formatOrdinal } from './ordinal.js';
import { formatPercent, formatShare } from './percent.js';
import { formatRankChange } from './rank-change.js';
import { safeUrl } from './safe-url.js';

type HandlebarsInstance = typeof HandlebarsRuntime;

/** Handlebars passes its options object as the last argument; this drops it. */
function argumentsOf(args: unknown[]): unknown[] {
  return args.slice(0, -1);
}

const asNumber = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const asString = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * @example
 *   const hbs = Handlebars.create(); registerHelpers(hbs, en);
 *   hbs.compile('{{money value}}')({ value: 3786 }) // "US$3,786"
 */
export function registerHelpers(hbs: HandlebarsInstance, messages: Messages): void {
  hbs.registerHelper('money', (value: unknown) => formatMoney(asNumber(value), messages));
  hbs.registerHelper('percent', (value: unknown) => formatPercent(asNumber(value), messages));
  hbs.registerHelper('share', (value: unknown) => formatShare(asNumber(value), messages));
  hbs.registerHelper('ordinal', (value: unknown) => formatOrdinal(asNumber(value), messages));
  hbs.registerHelper('number', (value: unknown) => formatNumber(asNumber(value), messages));
  hbs.registerHelper('rankChange', (rank: unknown, prevRank: unknown) =>
    formatRankChange(asNumber(rank), asNumber(prevRank), messages),
  );
  hbs.registerHelper('highest', (months: unknown, since: unknown) => formatHighest(asNumber(months), asString(since), messages));
  hbs.registerHelper('month', (...args: unknown[]) => {
    const [month, style] = argumentsOf(args);
    return formatMonth(asString(month), (style === 'short' ? 'short' : 'long') as MonthStyle, messages);
  });
  // For {{#if (atLeast highestInMonths 2)}}: a condition on a number, which {{#if}} alone cannot express.
  hbs.registerHelper('atLeast', (value: unknown, minimum: unknown) => {
    const number = asNumber(value);
    const bound = asNumber(minimum);
    return number !== null && bound !== null && number >= bound;
  });
  hbs.registerHelper('unit', (unit: unknown, unitName: unknown) => messages.unitLabel(asString(unit) ?? '', asString(unitName) ?? asString(unit) ?? ''));
  hbs.registerHelper('safeUrl', (url: unknown) => safeUrl(url));
  // {{t "key"}} for a label, {{t "key" arg …}} for a phrase with values; a key that is not a message is a
  // template bug and fails the render rather than printing "undefined".
  hbs.registerHelper('t', (...args: unknown[]) => {
    const [key, ...values] = argumentsOf(args);
    if (typeof key !== 'string' || !Object.hasOwn(messages, key)) throw new Error(`unknown message key in template: ${String(key)}`);
    const message = messages[key as keyof Messages];
    if (typeof message === 'function') return (message as (...values: unknown[]) => string)(...values);
    if (typeof message === 'string') return message;
    throw new Error(`message "${key}" is a list; iterate it with {{#each (messages "${key}")}}`);
  });
  // Lists of paragraphs (sources, caveats …): returned as data for {{#each}}, still escaped when printed.
  hbs.registerHelper('messages', (key: unknown) => {
    if (typeof key !== 'string' || !Object.hasOwn(messages, key)) throw new Error(`unknown message key in template: ${String(key)}`);
    return messages[key as keyof Messages];
  });
}
