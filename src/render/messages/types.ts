/**
 * The words of a report that do not come from the data: labels, headings, the methodology notes, and the
 * few locale rules numbers need (how a month, an ordinal or a money figure is written). One table per locale
 * (en.ts, zh.ts) so a zh report is a matter of `locale: "zh"`, not of new templates.
 */
export interface Messages {
  /** BCP 47 tag for <html lang>. */
  lang: string;

  // Locale rules used by the helpers.
  monthLong: (year: number, month: number) => string;
  monthShort: (year: number, month: number) => string;
  ordinal: (rank: number) => string;
  /** A money figure in US dollars, already rounded as the locale's newsrooms print it. */
  money: (valueUsd: number) => string;
  /** Signed percentage, `signed` already carrying "+" or "−" and one decimal. */
  percent: (signed: string) => string;
  upFrom: (prevOrdinal: string) => string;
  downFrom: (prevOrdinal: string) => string;
  unchanged: string;
  newEntry: string;
  /** The name a quantity's unit is shown with: GACC's own (双, 千克) or the English one (Pair, Kilogram). */
  unitLabel: (unit: string, unitName: string) => string;
  /** What a missing figure prints as. */
  missing: string;

  // Cover.
  briefLabel: string;
  edition: (edition: number) => string;
  /** Label of the main figure: "Exports to United States, August 2022". */
  flowTo: (flow: 'export' | 'import', partner: string, month: string) => string;
  comparedWith: (month: string) => string;
  rankAmong: (region: string) => string;
  highestInMonths: (months: number) => string;
  highestOnRecord: string;
  lastHigher: (month: string) => string;
  /** Under "highest on record": how far back the record goes. */
  recordSince: (month: string) => string;
  highestFigureLabel: string;
  yoyLabel: string;
  momLabel: string;
  syntheticTitle: string;
  syntheticText: string;

  // Section headings and figure text.
  summaryHeading: string;
  trendHeading: string;
  partnersHeading: string;
  categoriesHeading: string;
  productsHeading: string;
  contextHeading: string;
  methodologyHeading: string;
  provenanceHeading: string;
  correctionHeading: string;
  correctionIntro: (edition: number) => string;
  correctionNone: string;
  correctionBefore: string;
  correctionAfter: string;

  // Table headers.
  colMonth: string;
  colValue: string;
  colYearEarlier: string;
  colRank: string;
  colPrevRank: string;
  colPartner: string;
  colShare: string;
  colYoy: string;
  colMom: string;
  colCategory: string;
  colHighest: string;
  colQuantities: string;
  colHsCode: string;
  colProduct: string;
  colFigure: string;
  partnersCaption: (shown: number, total: number) => string;
  trendCaption: (months: number) => string;
  focusMarker: string;

  // E-commerce and national context.
  ecommerceHeading: string;
  ecommerceValue: string;
  ecommerceItems: string;
  ecommercePrevMonth: string;
  ecommerceYearAgo: string;
  nationalHeading: (label: string, partner: string) => string;
  nationalValue: string;
  nationalYearAgo: string;
  nationalYoy: string;
  focusYoy: (region: string) => string;
  buckedTrend: string;
  yes: string;
  no: string;
  lastSameSign: string;

  // Methodology.
  sourcesHeading: string;
  sources: string[];
  definitionsHeading: string;
  definitions: { term: string; text: string }[];
  revisionsHeading: string;
  revisions: string[];
  caveatsHeading: string;
  caveats: string[];
  contact: string;

  // Provenance.
  dataAsOf: string;
  editionLabel: string;
  generatedAt: string;
  toolVersion: string;
  inputFiles: string;
  colFile: string;
  colRows: string;
  colSha256: string;
}
