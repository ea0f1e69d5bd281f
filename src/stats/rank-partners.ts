import type { Reference } from '../data/reference/types.js';
import { pctChange, sharePct } from './growth.js';
import { partnerLabel, type Locale } from './labels.js';
import { addMonths, yearAgo } from './month-keys.js';
import { rankByValue, rankIndex } from './rank.js';
import type { FocusPartnerStats, PartnerStats } from './types.js';

export interface RankPartnersInput {
  /** Value per month and partner code (sumByMonthAnd(table, 'partner')). */
  byMonth: ReadonlyMap<string, ReadonlyMap<string, number>>;
  month: string;
  focusPartner: string;
  reference: Reference;
  locale: Locale;
}

/**
 * Every partner of the report month by rank, with share of the month's total, last month's rank and yoy,
 * plus where the focus partner stands and who is above it.
 * @example rankPartners({ byMonth, month: '2022-08', focusPartner: '502', reference, locale: 'en' }).focus.rank // 5
 */
export function rankPartners(input: RankPartnersInput): { partners: PartnerStats[]; focus: FocusPartnerStats } {
  const { byMonth, month, reference, locale } = input;
  const current = byMonth.get(month);
  const previous = byMonth.get(addMonths(month, -1));
  const yearBefore = byMonth.get(yearAgo(month));
  const total = [...(current?.values() ?? [])].reduce((sum, value) => sum + value, 0);
  const prevRanks = rankIndex(rankByValue(previous));
  const iso2Of = (code: string): string | null => reference.partners.get(code)?.iso2 ?? null;

  const partners: PartnerStats[] = rankByValue(current).map(({ key: code, value, rank }) => ({
    code,
    iso2: iso2Of(code),
    name: partnerLabel(reference, code, locale),
    valueUsd: value,
    sharePct: sharePct(value, total),
    rank,
    prevRank: prevRanks.get(code) ?? null,
    // A month the data do not cover has no Map at all: null; a covered month without this partner: 0.
    prevMonthValueUsd: previous === undefined ? null : (previous.get(code) ?? 0),
    yearAgoValueUsd: yearBefore === undefined ? null : (yearBefore.get(code) ?? 0),
    yoyPct: pctChange(value, yearBefore === undefined ? null : (yearBefore.get(code) ?? 0)),
  }));

  const focusEntry = partners.find((partner) => partner.code === input.focusPartner);
  const focus: FocusPartnerStats = {
    code: input.focusPartner,
    iso2: iso2Of(input.focusPartner),
    name: partnerLabel(reference, input.focusPartner, locale),
    rank: focusEntry?.rank ?? null,
    prevRank: prevRanks.get(input.focusPartner) ?? null,
    sharePct: focusEntry?.sharePct ?? null,
    above: partners
      .filter((partner) => focusEntry !== undefined && partner.rank < focusEntry.rank)
      .map(({ code, iso2, name, rank }) => ({ code, iso2, name, rank })),
  };
  return { partners, focus };
}
