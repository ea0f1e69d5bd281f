/**
 * Chart 2, the partner ranking: the month's top partners by value as horizontal bars, largest on top, the focus
 * partner's bar in the accent with a bold label, every bar labelled with its value and last month's rank
 * ("US$56.8m · prev 12th", "new"). When the focus partner is outside the top, a line under the chart says where
 * it stands, so the reader is never left looking for it.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatUsd, monthYear } from '../narrative/format.js';
import { partnerShortName } from '../narrative/rules.js';
import type { PartnerStats, StatsJson } from '../stats/types.js';
import { formatUsdShort, ordinal, partnersNoun, previousRankLabel, rankChangePhrase, truncateLabel, uniqueLabels } from './labels.js';
import { categoryAxisWidth, roomForLabels } from './room-for-labels.js';
import { moneyLabelExpr, themeConfig, type Theme } from './theme.js';

const BAR_STEP = 18;
/** Room under the bars for the value axis ("fit" sizing counts it in the height). */
const AXIS_HEIGHT = 28;
const MAX_NAME_CHARS = 24;

/** The partners the chart shows, best first. */
export function topPartners(stats: StatsJson): PartnerStats[] {
  return [...stats.partners].sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code)).slice(0, stats.topPartners);
}

/** Where the focus partner stands when it is not among the bars; null when it is. */
function focusNote(stats: StatsJson, shown: readonly PartnerStats[]): string | null {
  const focus = stats.focusPartner;
  if (shown.some((partner) => partner.code === focus.code)) return null;
  const own = stats.partners.find((partner) => partner.code === focus.code);
  if (own === undefined || focus.rank === null) return `${focus.name}: no trade in ${monthYear(stats.month)}`;
  return `${focus.name}: ${ordinal(focus.rank)}, ${formatUsdShort(own.valueUsd)} (${previousRankLabel(focus.prevRank)})`;
}

/**
 * @example buildPartnerRankingSpec(stats, DEFAULT_THEME) // 15 bars, "United States" in the accent, "US$56.8m · prev 12th"
 */
export function buildPartnerRankingSpec(stats: StatsJson, theme: Theme): TopLevelSpec {
  const shown = topPartners(stats);
  const names = uniqueLabels(shown.map((partner) => ({ label: truncateLabel(partner.name, MAX_NAME_CHARS), key: partner.code })));
  const rows = shown.map((partner, index) => ({
    name: names[index] ?? partner.name,
    valueUsd: partner.valueUsd,
    isFocus: partner.code === stats.focusPartner.code,
    label: `${formatUsdShort(partner.valueUsd)} · ${previousRankLabel(partner.prevRank)}`,
  }));
  const focusName = rows.find((row) => row.isFocus)?.name ?? null;
  const note = focusNote(stats, shown);
  const axisWidth = categoryAxisWidth(rows.map((row) => row.name), theme.fontSize);
  const xMax = roomForLabels(
    rows.map((row) => ({ ...row, bold: row.isFocus })),
    { width: theme.width, fontSize: theme.fontSize, axisWidth },
  );

  const x = { field: 'valueUsd', type: 'quantitative' as const, scale: { domain: [0, xMax], nice: false }, axis: { title: null, labelExpr: moneyLabelExpr(), tickCount: 4, grid: true } };
  const y = {
    field: 'name',
    type: 'nominal' as const,
    // Data order is rank order.
    sort: null,
    axis: {
      title: null,
      ticks: false,
      domain: false,
      labelPadding: 6,
      labelLimit: 0,
      // The measured width, so the plot gets the rest of the column.
      minExtent: axisWidth,
      maxExtent: axisWidth,
      ...(focusName === null
        ? {}
        : {
            labelFontWeight: { condition: { test: `datum.value === ${JSON.stringify(focusName)}`, value: 'bold' as const }, value: 'normal' as const },
            labelColor: { condition: { test: `datum.value === ${JSON.stringify(focusName)}`, value: theme.ink }, value: theme.muted },
          }),
    },
  };

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: theme.width,
    height: rows.length * BAR_STEP + AXIS_HEIGHT,
    config: themeConfig(theme),
    ...(note === null ? {} : { title: { text: note, orient: 'bottom' as const, anchor: 'start' as const, fontSize: theme.fontSize, fontWeight: 'normal' as const, color: theme.ink, offset: 8 } }),
    data: { values: rows },
    encoding: { y },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: { x, color: { condition: { test: 'datum.isFocus', value: theme.accent }, value: theme.grey } },
      },
      {
        // No fontWeight channel exists: the focus partner's label is a second, filtered layer in bold.
        transform: [{ filter: '!datum.isFocus' }],
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4 },
        encoding: { x, text: { field: 'label' } },
      },
      {
        transform: [{ filter: 'datum.isFocus' }],
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4, fontWeight: 'bold', color: theme.accent },
        encoding: { x, text: { field: 'label' } },
      },
    ],
  };
}

/** One sentence for the partner chart's alt text. */
export function describePartnerRanking(stats: StatsJson): string {
  const shown = topPartners(stats);
  const leader = shown[0];
  const focus = stats.partners.find((partner) => partner.code === stats.focusPartner.code);
  const opening = `Bar chart of the top ${shown.length} ${partnersNoun(stats.flow)} of ${stats.region.name} in ${monthYear(stats.month)}`;
  const leaderPart = leader === undefined ? '' : `: ${leader.name} leads with ${formatUsd(leader.valueUsd)}`;
  const focusName = partnerShortName(stats.focusPartner.iso2, stats.focusPartner.name);
  const focusPart =
    focus === undefined
      ? `; ${focusName} had no trade that month`
      : focus.code === leader?.code
        ? ` (${rankChangePhrase(focus.rank, focus.prevRank)})`
        : `, and ${focusName} ranks ${ordinal(focus.rank)} with ${formatUsd(focus.valueUsd)} (${rankChangePhrase(focus.rank, focus.prevRank)})`;
  return `${opening}${leaderPart}${focusPart}.`;
}
