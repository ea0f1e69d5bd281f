/**
 * The subject line: "<title>, <Month YYYY>: US$56.8 million, +592.8 % year on year", "Corrected: " in front of a
 * later edition. Built from stats.json with the report's own formatters, then made header-safe (the title and
 * the partner come from config and data).
 */
import { formatMoney } from '../render/helpers/money.js';
import { formatMonth } from '../render/helpers/month-name.js';
import { formatPercent } from '../render/helpers/percent.js';
import { messagesFor } from '../render/messages/index.js';
import type { StatsJson } from '../stats/types.js';
import { emailWordsFor } from './email-words.js';
import { headerSafe } from './header-safe.js';

export type SubjectStats = Pick<StatsJson, 'title' | 'month' | 'flow' | 'locale' | 'headline'>;

/**
 * @example emailSubject(stats, 1) // "Xinjiang exports to the United States, August 2022: US$56.8 million, +592.8 % year on year"
 * @example emailSubject({ ...stats, headline: { ...headline, valueUsd: null } }, 2) // "Corrected: …, August 2022: no exports recorded"
 */
export function emailSubject(stats: SubjectStats, edition: number): string {
  const messages = messagesFor(stats.locale);
  const words = emailWordsFor(stats.locale);
  const { valueUsd, yoyPct } = stats.headline;
  const month = formatMonth(stats.month, 'long', messages);
  const chinese = /^zh/i.test(stats.locale);
  const [comma, colon] = chinese ? ['，', '：'] : [', ', ': '];
  let figures: string;
  if (valueUsd === null || valueUsd === 0) {
    figures = words.noTrade(stats.flow);
  } else {
    figures = formatMoney(valueUsd, messages);
    if (yoyPct !== null) figures += `${comma}${words.yearOnYear(formatPercent(yoyPct, messages))}`;
  }
  const prefix = edition > 1 ? words.corrected : '';
  // The report's percent puts a narrow no-break space before "%"; a plain one keeps an English subject ASCII, so
  // it is not sent as an encoded word that some list views show raw.
  return headerSafe(`${prefix}${stats.title}${comma}${month}${colon}${figures}`.replace(/\u202F/g, ' '));
}
