/**
 * The report as the templates see it: stats, provenance and charts arranged into cover, narrative, sections and
 * notes. Pure (no I/O, no clock): it chooses and orders, and leaves the writing of numbers to the helpers, so the
 * same figure is formatted the same way everywhere.
 */
import { addMonths, yearAgo } from '../stats/month-keys.js';
import type { NarrativeSentence, PartnerStats, StatsJson } from '../stats/types.js';
import type { Messages } from './messages/types.js';
import { sanitizeSvg } from './sanitize-svg.js';
import type { EditionChange, Provenance, ReportChart, ReportInput } from './types.js';

/** How many partners the partner table lists (the focus partner is added below them when it ranks lower). */
/** How many months the trend table lists, latest first (the chart shows the whole series). */
export const TREND_TABLE_MONTHS = 13;
/** How many narrative sentences open the report on the cover. */
export const COVER_LEAD_SENTENCES = 2;

export type SectionId = 'trend' | 'partners' | 'categories' | 'products' | 'context';
const SECTION_ORDER: readonly SectionId[] = ['trend', 'partners', 'categories', 'products', 'context'];

export interface ChartView extends ReportChart {
  /** The sanitised SVG with ids scoped to this chart. */
  svg: string;
  anchor: string;
}

export interface SectionView {
  id: string;
  heading: string;
  /** The partial that draws the section's table; null for a chart-only section. */
  tablePartial: string | null;
  charts: ChartView[];
}

export interface PartnerRowView extends PartnerStats {
  isFocus: boolean;
  /** The row follows a gap in the ranking (the focus partner shown below the top list). */
  afterGap: boolean;
}

export interface ReportView {
  lang: string;
  stats: StatsJson;
  provenance: Provenance;
  months: { current: string; previous: string; yearAgo: string };
  cover: { lead: NarrativeSentence[]; showHighest: boolean; showRank: boolean };
  narrative: { sentences: NarrativeSentence[] }[];
  sections: SectionView[];
  trendRows: { month: string; valueUsd: number | null; yearEarlierUsd: number | null; isCurrent: boolean }[];
  partnerRows: PartnerRowView[];
  /** How many of the top partners the table lists (the focus partner below them is extra). */
  partnerTopCount: number;
  partnerCount: number;
  /** True when the input carries a change list: the corrected-edition box is shown (even for an empty list). */
  hasChanges: boolean;
  changes: readonly EditionChange[];
  contactUrl: string | null;
}

/** The section a chart belongs in, from its id; charts the report does not know get a section of their own. */
function sectionOf(chartId: string): SectionId | null {
  const id = chartId.toLowerCase();
  if (/trend|series/.test(id)) return 'trend';
  if (/partner|rank/.test(id)) return 'partners';
  if (/categor/.test(id)) return 'categories';
  if (/product/.test(id)) return 'products';
  if (/ecommerce|e-commerce|national|context/.test(id)) return 'context';
  return null;
}

/**
 * Groups sentences into paragraphs by topic: consecutive sentences whose ids share the part before the first
 * "-" ("headline-value", "headline-yoy" …) read as one paragraph. Order is kept exactly.
 */
function paragraphs(sentences: readonly NarrativeSentence[]): { sentences: NarrativeSentence[] }[] {
  const grouped: { topic: string; sentences: NarrativeSentence[] }[] = [];
  for (const sentence of sentences) {
    const topic = sentence.id.split('-')[0] ?? sentence.id;
    const last = grouped.at(-1);
    if (last !== undefined && last.topic === topic) last.sentences.push(sentence);
    else grouped.push({ topic, sentences: [sentence] });
  }
  return grouped.map(({ sentences: group }) => ({ sentences: group }));
}

function partnerRows(stats: StatsJson): PartnerRowView[] {
  const focus = stats.focusPartner.code;
  const rows = stats.partners.slice(0, stats.topPartners).map((partner) => ({ ...partner, isFocus: partner.code === focus, afterGap: false }));
  if (!rows.some((row) => row.isFocus)) {
    const focusRow = stats.partners.find((partner) => partner.code === focus);
    if (focusRow !== undefined) rows.push({ ...focusRow, isFocus: true, afterGap: true });
  }
  return rows;
}

function trendRows(stats: StatsJson): ReportView['trendRows'] {
  const byMonth = new Map(stats.series.map((point) => [point.month, point.valueUsd]));
  const rows: ReportView['trendRows'] = [];
  for (let back = 0; back < TREND_TABLE_MONTHS; back++) {
    const month = addMonths(stats.month, -back);
    if (!byMonth.has(month)) continue;
    rows.push({ month, valueUsd: byMonth.get(month) ?? null, yearEarlierUsd: byMonth.get(yearAgo(month)) ?? null, isCurrent: back === 0 });
  }
  return rows;
}

/**
 * @example const view = buildView(input, en); view.sections.map((s) => s.id) // ["trend", "partners", …]
 * @throws TradebriefError UnsafeChart when a chart's SVG fails sanitizeSvg
 */
export function buildView(input: ReportInput, messages: Messages): ReportView {
  const { stats } = input;
  const headings: Record<SectionId, string> = {
    trend: messages.trendHeading,
    partners: messages.partnersHeading,
    categories: messages.categoriesHeading,
    products: messages.productsHeading,
    context: messages.contextHeading,
  };
  const hasTable: Record<SectionId, boolean> = {
    trend: stats.series.length > 0,
    partners: stats.partners.length > 0,
    categories: stats.categories.length > 0,
    products: stats.products.length > 0,
    context: stats.ecommerce !== null || stats.national !== null,
  };

  const placed = new Map<SectionId, ChartView[]>(SECTION_ORDER.map((id) => [id, []]));
  const ownSections: SectionView[] = [];
  for (const chart of input.charts) {
    const view: ChartView = { ...chart, svg: sanitizeSvg(chart.svg, chart.id), anchor: `chart-${chart.id}` };
    const section = sectionOf(chart.id);
    if (section === null) ownSections.push({ id: `section-${chart.id}`, heading: chart.title, tablePartial: null, charts: [view] });
    else placed.get(section)?.push(view);
  }

  const sections: SectionView[] = SECTION_ORDER.filter((id) => hasTable[id] || (placed.get(id)?.length ?? 0) > 0).map((id) => ({
    id,
    heading: headings[id],
    tablePartial: hasTable[id] ? `table-${id}` : null,
    charts: placed.get(id) ?? [],
  }));

  const highest = stats.headline.highestInMonths;
  return {
    lang: messages.lang,
    stats,
    provenance: input.provenance,
    months: { current: stats.month, previous: addMonths(stats.month, -1), yearAgo: yearAgo(stats.month) },
    cover: {
      lead: stats.narrative.slice(0, COVER_LEAD_SENTENCES),
      showHighest: highest !== null && highest >= 2,
      showRank: stats.focusPartner.rank !== null,
    },
    narrative: paragraphs(stats.narrative),
    sections: [...sections, ...ownSections],
    trendRows: trendRows(stats),
    partnerRows: partnerRows(stats),
    partnerTopCount: Math.min(stats.topPartners, stats.partners.length),
    partnerCount: stats.partners.length,
    hasChanges: input.changes !== undefined,
    changes: input.changes ?? [],
    contactUrl: input.contactUrl ?? null,
  };
}
