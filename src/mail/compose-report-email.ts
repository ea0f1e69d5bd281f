/**
 * One subscriber's email for one report month and edition, as nodemailer message options. Pure: no clock, no
 * network, and the only files touched are the repository templates (read once); the PDF is attached by path (the
 * SMTP transport reads it once per run and shares the bytes between messages: attachment-files.ts).
 *
 *   1. words      the report's messages and the email's own words, in the report's locale
 *   2. headers    From/To as {name, address} objects, every data value through headerSafe, addresses checked;
 *                 a deterministic Message-ID; List-Unsubscribe (+ -Post for an https URL, RFC 8058) and List-Id
 *   3. bodies     templates/email.hbs (escaped) and email.txt.hbs on an isolated Handlebars
 *   4. parts      the PDF (by path) and the trend chart as an inline PNG referenced by cid
 */
import type { SendMailOptions } from 'nodemailer';

import { formatHighest } from '../render/helpers/highest.js';
import { formatMoney } from '../render/helpers/money.js';
import { formatMonth } from '../render/helpers/month-name.js';
import { formatPercent } from '../render/helpers/percent.js';
import { messagesFor } from '../render/messages/index.js';
import type { EditionChange } from '../render/types.js';
import type { StatsJson } from '../stats/types.js';
import { emailSubject } from './email-subject.js';
import { compileEmail, loadEmailTemplates, type EmailTemplateSources } from './email-templates.js';
import { emailWordsFor } from './email-words.js';
import { headerSafe } from './header-safe.js';
import { assertPlainAddress } from './mail-address.js';
import { badMailSetting } from './mail-errors.js';
import { reportMessageId } from './message-id.js';

export interface ReportEmailInput {
  stats: StatsJson;
  /**
   * `locale` is kept for when reports are generated per language; the email is written in the report's language
   * (stats.locale), because its narrative is quoted from stats.json and a mail that switches language reads wrong.
   */
  subscriber: { email: string; name: string | null; locale: string };
  from: { address: string; name: string };
  replyTo?: string;
  /** report.pdf on disk; attached by path (streamed), never read here. */
  pdfPath: string;
  /** The name the reader sees, e.g. "xinjiang-us-2022-08.pdf". */
  pdfFileName: string;
  /** The trend chart as PNG (renderChartPng); null sends the email without it. */
  trendPng: Buffer | null;
  edition: number;
  /** Corrected editions: the figures that changed, listed at the top. */
  changes?: readonly EditionChange[];
  /** `mailto` is an address or a mailto: URL; `url` the signed https unsubscribe link when a base URL is configured. */
  unsubscribe: { mailto: string; url: string | null };
  messageIdDomain: string;
  isSample: boolean;
  /** The Date header; nodemailer's clock when absent. */
  date?: Date;
  /** Repository templates to use instead of the default folder (tests); never data. */
  templates?: EmailTemplateSources;
}

/** Width in CSS pixels the chart is shown at; renderChartPng renders it at twice that for sharp screens. */
export const EMAIL_CHART_WIDTH = 600;

/**
 * @example
 *   const message = composeReportEmail({ stats, subscriber: { email: 'ana@example.org', name: 'Ana', locale: 'en' },
 *     from: { address: 'briefs@example.org', name: 'Trade briefs' }, pdfPath: 'out/xinjiang-us/2022-08/edition-1/report.pdf',
 *     pdfFileName: 'xinjiang-us-2022-08.pdf', trendPng, edition: 1,
 *     unsubscribe: { mailto: 'unsubscribe@example.org', url: null }, messageIdDomain: 'example.org', isSample: false });
 *   await transport.send(message);
 * @throws TradebriefError BadMailAddress, BadMailSetting, UnknownLocale
 */
export function composeReportEmail(input: ReportEmailInput): SendMailOptions {
  const { stats, subscriber, edition } = input;
  // 1. words
  const messages = messagesFor(stats.locale);
  const words = emailWordsFor(stats.locale);

  // 2. headers
  const to = assertPlainAddress(subscriber.email.trim(), 'subscriber');
  const fromAddress = assertPlainAddress(input.from.address, 'from');
  const replyTo = input.replyTo === undefined ? undefined : assertPlainAddress(input.replyTo, 'replyTo');
  const subject = emailSubject(stats, edition);
  const messageId = reportMessageId({ report: stats.report, month: stats.month, edition, email: to, domain: input.messageIdDomain });
  const unsubscribe = unsubscribeTargets(input.unsubscribe);
  const chartCid = `trend-${stats.month}@${input.messageIdDomain}`;

  // 3. bodies
  const month = formatMonth(stats.month, 'long', messages);
  const name = headerSafe(subscriber.name);
  const headline = stats.headline;
  const view = {
    lang: messages.lang,
    subject,
    title: stats.title,
    monthLabel: month,
    editionLabel: messages.edition(edition),
    greeting: words.greeting(name === '' ? null : name),
    intro: words.intro(month),
    figures: [
      { label: words.valueLabel, value: formatMoney(headline.valueUsd, messages) },
      { label: words.yoyLabel, value: formatPercent(headline.yoyPct, messages) },
      { label: words.momLabel, value: formatPercent(headline.momPct, messages) },
      { label: words.peakLabel, value: formatHighest(headline.highestInMonths, headline.highestSince, messages) },
    ],
    narrative: stats.narrative.map((sentence) => sentence.text),
    chart:
      input.trendPng === null
        ? null
        : { cid: chartCid, alt: words.chartAlt(stats.title, stats.series.length), width: EMAIL_CHART_WIDTH },
    attached: words.attached(safeFileName(input.pdfFileName)),
    sample: input.isSample ? { title: messages.syntheticTitle, text: messages.syntheticText } : null,
    changes:
      edition > 1 && input.changes !== undefined && input.changes.length > 0
        ? {
            heading: words.changesHeading,
            intro: words.changesIntro(edition),
            before: words.before,
            after: words.after,
            rows: input.changes.map(({ field, before, after }) => ({ field, before, after })),
          }
        : null,
    unsubscribe: { label: words.unsubscribe, url: unsubscribe.https ?? unsubscribe.http ?? unsubscribe.mailto },
    whyReceived: words.whyReceived(stats.title),
  };
  const templates = compileEmail(input.templates ?? loadEmailTemplates(), messages);

  // 4. parts
  const attachments: NonNullable<SendMailOptions['attachments']> = [
    { filename: safeFileName(input.pdfFileName), path: input.pdfPath, contentType: 'application/pdf' },
  ];
  if (input.trendPng !== null) {
    attachments.push({ filename: 'trend.png', content: input.trendPng, contentType: 'image/png', cid: chartCid, contentDisposition: 'inline' });
  }

  const listUnsubscribe = [unsubscribe.mailto, unsubscribe.https ?? unsubscribe.http].filter((url): url is string => url !== null);
  return {
    from: { name: headerSafe(input.from.name), address: fromAddress },
    to: [{ name, address: to }],
    ...(replyTo === undefined ? {} : { replyTo }),
    // The envelope says who gets it, whatever the headers parse to: one RCPT TO, the subscriber.
    envelope: { from: fromAddress, to: [to] },
    subject,
    messageId,
    ...(input.date === undefined ? {} : { date: input.date }),
    text: templates.text(view),
    html: templates.html(view),
    attachments,
    // Nested array: one List-Unsubscribe header carrying both URIs (a flat array would make one header each).
    list: {
      unsubscribe: [listUnsubscribe.map((url) => ({ url }))],
      id: { url: `${stats.report.replace(/[^A-Za-z0-9-]/g, '-')}.${input.messageIdDomain}`, comment: headerSafe(stats.title) },
    },
    // RFC 8058 one-click needs an https URI; without one, the header would promise what the mailto cannot do.
    headers: unsubscribe.https === null ? {} : { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    // Nothing in a report email is fetched from the network while it is built.
    disableUrlAccess: true,
  };
}

interface UnsubscribeTargets {
  mailto: string;
  https: string | null;
  http: string | null;
}

function unsubscribeTargets(unsubscribe: ReportEmailInput['unsubscribe']): UnsubscribeTargets {
  const address = unsubscribe.mailto.replace(/^mailto:/i, '').replace(/\?.*$/, '');
  const mailto = `mailto:${assertPlainAddress(address, 'unsubscribe.mailto')}?subject=unsubscribe`;
  if (unsubscribe.url === null) return { mailto, https: null, http: null };
  let url: URL;
  try {
    url = new URL(unsubscribe.url);
  } catch {
    throw badMailSetting('unsubscribe.baseUrl', 'the unsubscribe URL is not a URL');
  }
  // URL.href percent-encodes spaces, quotes and angle brackets, so the value cannot close the <…> of the header.
  if (url.protocol === 'https:') return { mailto, https: url.href, http: null };
  if (url.protocol === 'http:') return { mailto, https: null, http: url.href };
  throw badMailSetting('unsubscribe.baseUrl', `an unsubscribe URL must be https (got ${url.protocol})`);
}

/** A file name a mail client shows and saves: one line, no path, no quotes. @example safeFileName('a/b\r\n.pdf') // "a_b.pdf" */
function safeFileName(fileName: string): string {
  const cleaned = headerSafe(fileName).replace(/[/\\"]/g, '_').replace(/\s+\./g, '.');
  return cleaned === '' ? 'report.pdf' : cleaned;
}
