/** Picks the message table for a report's locale. */
import { TradebriefError } from '../../errors.js';
import { en } from './en.js';
import type { Messages } from './types.js';
import { zh } from './zh.js';

export type { Messages } from './types.js';

const TABLES: Readonly<Record<string, Messages>> = { en, zh };

/**
 * The messages for a locale; regional variants fall back to their language ("zh-CN" -> zh, "en-GB" -> en).
 * @example messagesFor('zh-CN').ordinal(5) // "第5位"
 * @throws TradebriefError UnknownLocale (kind user) for a language without a table
 */
export function messagesFor(locale: string): Messages {
  const language = locale.toLowerCase().split(/[-_]/)[0] ?? '';
  // hasOwn, so a locale such as "constructor" cannot reach Object.prototype.
  const messages = Object.hasOwn(TABLES, language) ? TABLES[language] : undefined;
  if (messages === undefined) {
    throw new TradebriefError('UnknownLocale', 'user', `no report wording for locale "${locale}"`, {
      hint: `Use one of: ${Object.keys(TABLES).join(', ')}.`,
    });
  }
  return messages;
}
