/**
 * The email's own words (the report's words live in src/render/messages/). The email is written in the report's
 * language: its narrative is quoted from stats.json, and a mail that switches language halfway reads as a mistake.
 */
import { TradebriefError } from '../errors.js';

export interface EmailWords {
  /** After the figures in the subject: "+592.8 % year on year". */
  yearOnYear: (percent: string) => string;
  /** The subject when the month has no trade for the focus flow. */
  noTrade: (flow: 'export' | 'import') => string;
  corrected: string;
  greeting: (name: string | null) => string;
  intro: (month: string) => string;
  valueLabel: string;
  yoyLabel: string;
  momLabel: string;
  peakLabel: string;
  chartAlt: (title: string, months: number) => string;
  attached: (fileName: string) => string;
  changesHeading: string;
  changesIntro: (edition: number) => string;
  before: string;
  after: string;
  unsubscribe: string;
  whyReceived: (title: string) => string;
}

const en: EmailWords = {
  yearOnYear: (percent) => `${percent} year on year`,
  noTrade: (flow) => (flow === 'export' ? 'no exports recorded' : 'no imports recorded'),
  corrected: 'Corrected: ',
  greeting: (name) => (name === null || name === '' ? 'Hello,' : `Dear ${name},`),
  intro: (month) => `Here are the highlights for ${month}; the full report is attached.`,
  valueLabel: 'Value',
  yoyLabel: 'Year on year',
  momLabel: 'Month on month',
  peakLabel: 'Peak',
  chartAlt: (title, months) => `${title}: monthly values over the last ${months} months`,
  attached: (fileName) => `The full report, with tables, charts and the methodology, is attached as ${fileName}.`,
  changesHeading: 'What changed in this edition',
  changesIntro: (edition) => `This is edition ${edition}: the source data were revised and these figures changed.`,
  before: 'Before',
  after: 'After',
  unsubscribe: 'Unsubscribe',
  whyReceived: (title) => `You receive this email because you subscribed to ${title}.`,
};

const zh: EmailWords = {
  yearOnYear: (percent) => `同比${percent}`,
  noTrade: (flow) => (flow === 'export' ? '无出口记录' : '无进口记录'),
  corrected: '更正：',
  greeting: (name) => (name === null || name === '' ? '您好：' : `${name}，您好：`),
  intro: (month) => `以下是${month}的要点，完整报告见附件。`,
  valueLabel: '金额',
  yoyLabel: '同比',
  momLabel: '环比',
  peakLabel: '峰值',
  chartAlt: (title, months) => `${title}：最近${months}个月的月度金额`,
  attached: (fileName) => `完整报告（含表格、图表和方法说明）见附件 ${fileName}。`,
  changesHeading: '本版更正内容',
  changesIntro: (edition) => `这是第${edition}版：源数据已修订，以下数字有变化。`,
  before: '修订前',
  after: '修订后',
  unsubscribe: '退订',
  whyReceived: (title) => `您收到此邮件，是因为您订阅了《${title}》。`,
};

const TABLES: Readonly<Record<string, EmailWords>> = { en, zh };

/**
 * @example emailWordsFor('en-GB').unsubscribe // "Unsubscribe"
 * @throws TradebriefError UnknownLocale for a language without a table (the report renderer would refuse it too)
 */
export function emailWordsFor(locale: string): EmailWords {
  const language = locale.toLowerCase().split(/[-_]/)[0] ?? '';
  const words = Object.hasOwn(TABLES, language) ? TABLES[language] : undefined;
  if (words === undefined) {
    throw new TradebriefError('UnknownLocale', 'user', `no email wording for locale "${locale}"`, { hint: `Use one of: ${Object.keys(TABLES).join(', ')}.` });
  }
  return words;
}
