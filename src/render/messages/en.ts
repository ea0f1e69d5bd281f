/** English report wording, as the newsroom writes it ("US$56.8 million", "+592.8 %", "5th, up from 12th"). */
import { formatUsd } from '../../narrative/format.js';
import type { Messages } from './types.js';

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st, 101st, 111th. */
function englishOrdinal(rank: number): string {
  const lastTwo = rank % 100;
  const last = rank % 10;
  const suffix = lastTwo >= 11 && lastTwo <= 13 ? 'th' : last === 1 ? 'st' : last === 2 ? 'nd' : last === 3 ? 'rd' : 'th';
  return `${rank}${suffix}`;
}

// GACC's English unit names as a reader expects them after a number; others are shown lower-cased.
const UNIT_WORDS: Readonly<Record<string, string>> = {
  Kilogram: 'kg',
  Pair: 'pairs',
  'Number of item': 'items',
  Piece: 'pieces',
  Set: 'sets',
  Tonne: 'tonnes',
  Litre: 'litres',
  'Square metre': 'm²',
  'Cubic metre': 'm³',
  Metre: 'm',
};

// U+202F NARROW NO-BREAK SPACE: the thin space the newsroom puts before "%", which must not wrap.
const THIN = '\u202F';

export const en: Messages = {
  lang: 'en',

  monthLong: (year, month) => `${MONTHS[month - 1] ?? month} ${year}`,
  monthShort: (year, month) => `${(MONTHS[month - 1] ?? String(month)).slice(0, 3)} ${year}`,
  ordinal: englishOrdinal,
  money: formatUsd,
  percent: (signed) => `${signed}${THIN}%`,
  upFrom: (prev) => `up from ${prev}`,
  downFrom: (prev) => `down from ${prev}`,
  unchanged: 'unchanged',
  newEntry: 'new',
  unitLabel: (_unit, unitName) => (Object.hasOwn(UNIT_WORDS, unitName) ? UNIT_WORDS[unitName] : undefined) ?? unitName.toLowerCase(),
  missing: '–',

  briefLabel: 'Monthly trade brief',
  edition: (edition) => `Edition ${edition}`,
  flowTo: (flow, partner, month) => `${flow === 'export' ? 'Exports to' : 'Imports from'} ${partner}, ${month}`,
  comparedWith: (month) => `compared with ${month}`,
  rankAmong: (region) => `rank among ${region}’s trading partners`,
  highestInMonths: (months) => `highest in ${months} months`,
  highestOnRecord: 'highest on record',
  lastHigher: (month) => `last higher in ${month}`,
  recordSince: (month) => `in data back to ${month}`,
  highestFigureLabel: 'Peak',
  yoyLabel: 'Year on year',
  momLabel: 'Month on month',
  syntheticTitle: 'SYNTHETIC DATA',
  syntheticText:
    'The figures in this report come from the synthetic sample shipped with tradebrief. They imitate the layout ' +
    'and scale of GACC exports and reproduce a few published figures, but they are not official statistics ' +
    'and must not be quoted as such.',

  summaryHeading: 'Summary',
  trendHeading: 'Monthly trend',
  partnersHeading: 'Trading partners',
  categoriesHeading: 'Product categories',
  productsHeading: 'Top products',
  contextHeading: 'E-commerce and national context',
  methodologyHeading: 'Methodology and data notes',
  provenanceHeading: 'Provenance',
  correctionHeading: 'Corrected edition',
  correctionIntro: (edition) =>
    `This is edition ${edition} of this report. It replaces the earlier edition, after a revision of the source ` +
    'data or of the report itself.',
  correctionNone: 'No figure or sentence changed from the earlier edition.',
  correctionBefore: 'Before',
  correctionAfter: 'After',

  colMonth: 'Month',
  colValue: 'Value',
  colYearEarlier: 'A year earlier',
  colRank: 'Rank',
  colPrevRank: 'Change',
  colPartner: 'Partner',
  colShare: 'Share',
  colYoy: 'Year on year',
  colMom: 'Month on month',
  colCategory: 'Category',
  colHighest: 'Peak',
  colQuantities: 'Quantities',
  colHsCode: 'HS code',
  colProduct: 'Product',
  colFigure: 'Figure',
  partnersCaption: (shown, total) => `Top ${shown} of ${total} partners by value.`,
  trendCaption: (months) => `The last ${months} months.`,
  focusMarker: 'focus partner',

  ecommerceHeading: 'Cross-border e-commerce (B2C)',
  ecommerceValue: 'Value',
  ecommerceItems: 'Items',
  ecommercePrevMonth: 'Previous month',
  ecommerceYearAgo: 'A year earlier',
  nationalHeading: (label, partner) => `${label}: all exports to ${partner}`,
  nationalValue: 'Value',
  nationalYearAgo: 'A year earlier',
  nationalYoy: 'Year on year',
  focusYoy: (region) => `${region}, year on year`,
  buckedTrend: 'Moved against the national trend',
  yes: 'yes',
  no: 'no',
  lastSameSign: 'Last month with the same national direction',

  sourcesHeading: 'Sources',
  sources: [
    'General Administration of Customs of China (GACC), online customs statistics query platform ' +
      '(stats.customs.gov.cn): monthly values and quantities by registration place, trading partner, HS code and trade regime.',
    'United Nations Comtrade database (comtradeplus.un.org): China’s monthly national series, used for the national context only.',
  ],
  definitionsHeading: 'Definitions',
  definitions: [
    {
      term: 'Registration place',
      text:
        'The province where the declaring consignor or consignee is registered (收发货人注册地), not where the goods were ' +
        'made, nor where they left or entered the country.',
    },
    { term: 'Rank', text: 'Position by value in the month; 1 is the largest. Ties are broken by GACC code.' },
    { term: 'Change in rank', text: 'Compared with the rank in the previous month; "new" when there was no trade that month.' },
    {
      term: 'Year on year',
      text: 'Change against the same month a year earlier; not given when that month is missing from the data or zero.',
    },
    {
      term: 'Highest in N months',
      text:
        'The month is the highest of the last N months (itself included) and the month before that window was higher; ' +
        '"highest since" names that month. "On record" means no earlier month in the data is higher.',
    },
  ],
  revisionsHeading: 'Revisions',
  revisions: [
    'GACC revises its monthly figures after first publication. A report is computed from the data as downloaded on the ' +
      'date given under Provenance; when the data are revised, the month is regenerated as a new edition and the ' +
      'changed figures are listed at the top.',
  ],
  caveatsHeading: 'Caveats',
  caveats: [
    'Values are in whole US dollars as GACC publishes them; no currency is converted.',
    'Quantities are summed only within one statistical unit (pairs, kilograms, items are never added together).',
    'Percentages are rounded to one decimal place; shares may not add up to 100 %.',
  ],
  contact: 'Corrections',

  dataAsOf: 'Data as of',
  editionLabel: 'Edition',
  generatedAt: 'Generated at',
  toolVersion: 'Tool version',
  inputFiles: 'Input files',
  colFile: 'File',
  colRows: 'Rows',
  colSha256: 'SHA-256',
};
