import type { NarrativeSentence } from '../stats/types.js';
import type { NarrativeContext } from './context.js';
import { partnerShortName, rankChangePhrase, rankPhrase, rankVerb, THRESHOLDS } from './rules.js';

/**
 * "The US became the far-west region's fifth biggest trading partner in August, up from 12th in July, behind
 * Kazakhstan, Kyrgyzstan, Uzbekistan and Russia."
 */
export function partnerRank(context: NarrativeContext): NarrativeSentence | null {
  const focus = context.stats.focusPartner;
  if (focus.rank === null) return null;
  const uses = ['focusPartner.rank'];
  const partner = context.partner.charAt(0).toUpperCase() + context.partner.slice(1);
  const verb = rankVerb(focus.rank, focus.prevRank);
  let text = `${partner} ${verb} ${context.regionPossessive} ${rankPhrase(focus.rank)} trading partner in ${context.month}`;
  const change = rankChangePhrase(focus.rank, focus.prevRank, context.previousMonth, context.previousMonthCovered);
  if (change !== null) {
    uses.push('focusPartner.prevRank');
    text += `, ${change}`;
  } else if (verb === 'remained') {
    uses.push('focusPartner.prevRank');
    text += `, as in ${context.previousMonthName}`;
  }
  if (focus.above.length > 0 && focus.above.length <= THRESHOLDS.maxPartnersNamed) {
    uses.push('focusPartner.above');
    const names = focus.above.map((partner) => partnerShortName(partner.iso2, partner.name));
    text += `, behind ${joinList(names)}`;
  }
  return { id: 'partner-rank', text: `${text}.`, uses };
}

/** "a, b and c" */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
