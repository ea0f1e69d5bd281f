/**
 * What every sentence needs to know besides the numbers: how to name the traders, the region, the partner and
 * the direction of the flow. Built once from the stats and the report's wording.
 */
import type { StatsBody } from '../stats/compute-stats.js';
import { addMonths } from '../stats/month-keys.js';
import { monthName } from './format.js';
import { partnerShortName } from './rules.js';

export interface NarrativeWording {
  /** Who trades, as the sentence's subject: "Xinjiang entities". Default: the region name. */
  exporters?: string;
  importers?: string;
  /** How to refer to the region a second time: "the far-west region". Default: the region name. */
  region?: string;
}

export interface NarrativeContext {
  stats: StatsBody;
  /** "Xinjiang entities" */
  traders: string;
  /** "the far-west region's" */
  regionPossessive: string;
  /** "the US" */
  partner: string;
  /** "exported" / "imported" */
  tradedVerb: string;
  /** "to" / "from" */
  toFrom: string;
  /** "Exports" / "Imports" */
  flowNoun: string;
  /** "August" */
  month: string;
  previousMonth: string;
  previousMonthName: string;
  /** Whether the data cover last month at all (a gap is not "no trade"). */
  previousMonthCovered: boolean;
}

/** @example narrativeContext(stats, { exporters: 'Xinjiang entities' }).partner // "the US" */
export function narrativeContext(stats: StatsBody, wording: NarrativeWording = {}): NarrativeContext {
  const isExport = stats.flow === 'export';
  const region = wording.region ?? stats.region.name;
  const previousMonth = addMonths(stats.month, -1);
  return {
    stats,
    traders: (isExport ? wording.exporters : wording.importers) ?? `${stats.region.name} entities`,
    regionPossessive: `${region}'s`,
    partner: partnerShortName(stats.focusPartner.iso2, stats.focusPartner.name),
    tradedVerb: isExport ? 'exported' : 'imported',
    toFrom: isExport ? 'to' : 'from',
    flowNoun: isExport ? 'Exports' : 'Imports',
    month: monthName(stats.month),
    previousMonth,
    previousMonthName: monthName(previousMonth),
    previousMonthCovered: previousMonth >= stats.coverage.firstMonth && stats.headline.prevMonthValueUsd !== null,
  };
}
