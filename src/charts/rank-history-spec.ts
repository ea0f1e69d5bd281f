/**
 * Chart 3, the focus partner's rank over the last 13 months: a line on a reversed scale (rank 1 at the top),
 * every month labelled with its rank, the report month in the accent. Months without trade break the line.
 * Drawn only when the stats carry `focusRankHistory` with at least one ranked month.
 */
import type { TopLevelSpec } from 'vega-lite';
import { monthYear } from '../narrative/format.js';
import type { StatsJson } from '../stats/types.js';
import { partnerShortName } from '../narrative/rules.js';
import { monthStartUtc, ordinal, partnersNoun, possessive } from './labels.js';
import { themeConfig, type Theme } from './theme.js';

export const RANK_HISTORY_MONTHS = 13;
const HEIGHT = 200;
/** "1st", "2nd", "12th" in a Vega expression, for the rank axis. */
const ORDINAL_EXPR =
  "datum.value + (datum.value % 100 >= 11 && datum.value % 100 <= 13 ? 'th' : datum.value % 10 === 1 ? 'st' : datum.value % 10 === 2 ? 'nd' : datum.value % 10 === 3 ? 'rd' : 'th')";

/** The months drawn, oldest first, ending with the report month at the latest. */
export function rankHistory(stats: StatsJson): { month: string; rank: number | null }[] {
  const history = (stats.focusRankHistory ?? []).filter((point) => point.month <= stats.month);
  return [...history].sort((a, b) => a.month.localeCompare(b.month)).slice(-RANK_HISTORY_MONTHS);
}

/** True when there is a rank history with at least one ranked month. */
export function hasRankHistory(stats: StatsJson): boolean {
  return rankHistory(stats).some((point) => point.rank !== null);
}

/** 1 and a few round ranks down to the worst: [1, 5, 10, 15] for 15, [1, 2, 3, 4] for 4. */
function rankTicks(worst: number): number[] {
  const step = [1, 2, 5, 10, 20, 50, 100].find((candidate) => worst / candidate <= 5) ?? 100;
  const ticks = [1];
  for (let rank = step; rank <= worst; rank += step) if (rank !== 1) ticks.push(rank);
  return ticks;
}

/**
 * @example buildRankHistorySpec(stats, DEFAULT_THEME) // line of 13 ranks, "5th" in the accent for Aug 2022
 */
export function buildRankHistorySpec(stats: StatsJson, theme: Theme): TopLevelSpec {
  const rows = rankHistory(stats).map((point) => ({
    t: monthStartUtc(point.month),
    rank: point.rank,
    label: point.rank === null ? '' : ordinal(point.rank),
    isReport: point.month === stats.month,
  }));
  const worst = Math.max(1, ...rows.map((row) => row.rank ?? 1));
  // Rank 1 always on the scale, so "5th" reads against the top; a little headroom for the labels above points.
  const domain = [1, Math.max(worst, 2)];
  const x = {
    field: 't',
    type: 'temporal' as const,
    scale: { type: 'utc' as const, nice: false, padding: 16 },
    axis: {
      title: null,
      tickCount: { interval: 'month' as const, step: 1 },
      grid: false,
      labelExpr: "datum.index === 0 || utcmonth(datum.value) === 0 ? [utcFormat(datum.value, '%b'), utcFormat(datum.value, '%Y')] : utcFormat(datum.value, '%b')",
      labelOverlap: false,
    },
  };
  const y = {
    field: 'rank',
    type: 'quantitative' as const,
    scale: { domain, reverse: true, nice: false, zero: false, padding: 14 },
    axis: { title: 'Rank', values: rankTicks(domain[1] ?? 2), labelExpr: ORDINAL_EXPR },
  };
  const ranked = rows.filter((row) => row.rank !== null);
  const report = ranked.filter((row) => row.isReport);
  const others = ranked.filter((row) => !row.isReport);
  const layerIf = <T,>(condition: boolean, layer: T): T[] => (condition ? [layer] : []);

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: theme.width,
    height: HEIGHT,
    config: themeConfig(theme),
    layer: [
      {
        data: { values: rows },
        mark: { type: 'line', color: theme.grey, strokeWidth: 2, invalid: 'break-paths-filter-domains' },
        encoding: { x, y },
      },
      {
        data: { values: ranked },
        mark: { type: 'point', filled: true, size: 40, opacity: 1 },
        encoding: { x, y, color: { condition: { test: 'datum.isReport', value: theme.accent }, value: theme.muted }, size: { condition: { test: 'datum.isReport', value: 90 }, value: 40 } },
      },
      // Empty layers are left out: Vega warns about the extent of a scale over no data.
      ...layerIf(others.length > 0, {
        data: { values: others },
        mark: { type: 'text' as const, baseline: 'bottom' as const, dy: -8, color: theme.ink },
        encoding: { x, y, text: { field: 'label' } },
      }),
      // The report month's label in bold and the accent (text has no fontWeight channel, hence its own layer).
      ...layerIf(report.length > 0, {
        data: { values: report },
        mark: { type: 'text' as const, baseline: 'bottom' as const, dy: -8, fontWeight: 'bold' as const, color: theme.accent },
        encoding: { x, y, text: { field: 'label' } },
      }),
    ],
  };
}

/** One sentence for the rank chart's alt text. */
export function describeRankHistory(stats: StatsJson): string {
  const ranked = rankHistory(stats).filter((point): point is { month: string; rank: number } => point.rank !== null);
  const first = ranked[0];
  const last = ranked[ranked.length - 1];
  const best = ranked.reduce<{ month: string; rank: number } | undefined>((top, point) => (top === undefined || point.rank < top.rank ? point : top), undefined);
  const subject = `${possessive(partnerShortName(stats.focusPartner.iso2, stats.focusPartner.name))} rank among ${possessive(stats.region.name)} ${partnersNoun(stats.flow)}`;
  if (first === undefined || last === undefined || best === undefined) return `Line chart of ${subject}: not ranked in any month shown.`;
  const bestPart = best.rank === last.rank ? '' : `, best ${ordinal(best.rank)} in ${monthYear(best.month)}`;
  return `Line chart of ${subject} from ${monthYear(first.month)} (${ordinal(first.rank)}) to ${monthYear(last.month)} (${ordinal(last.rank)})${bestPart}.`;
}
