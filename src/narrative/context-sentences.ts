import type { NarrativeSentence } from '../stats/types.js';
import type { NarrativeContext } from './context.js';
import { formatCount, formatPct, formatUsd } from './format.js';
import { direction, signRunPhrase, unitNoun } from './rules.js';

/** "Xinjiang entities also exported 45 items to the US via e-commerce in August, worth US$3,786." */
export function ecommerceSentence(context: NarrativeContext): NarrativeSentence | null {
  const channel = context.stats.ecommerce;
  if (channel === null || channel.valueUsd <= 0) return null;
  const noun = channel.items === null || channel.itemsUnitName === null ? null : unitNoun(channel.itemsUnitName, channel.items);
  const via = `${context.toFrom} ${context.partner} via e-commerce in ${context.month}`;
  if (channel.items !== null && channel.items > 0 && noun !== null) {
    return {
      id: 'ecommerce',
      text: `${context.traders} also ${context.tradedVerb} ${formatCount(channel.items)} ${noun} ${via}, worth ${formatUsd(channel.valueUsd)}.`,
      uses: ['ecommerce.items', 'ecommerce.valueUsd'],
    };
  }
  return {
    id: 'ecommerce',
    text: `${context.traders} also ${context.tradedVerb} ${formatUsd(channel.valueUsd)} worth of goods ${via}.`,
    uses: ['ecommerce.valueUsd'],
  };
}

/**
 * "China's exports to the US fell 3.8 per cent year on year in August, for the first time since May 2020,
 * while those from Xinjiang rose, bucking the national trend."
 */
export function nationalSentence(context: NarrativeContext): NarrativeSentence | null {
  const national = context.stats.national;
  if (national === null || national.yoyPct === null) return null;
  const uses = ['national.yoyPct'];
  const flow = context.flowNoun.toLowerCase();
  const verb = direction(national.yoyPct);
  const amount = national.yoyPct === 0 ? '' : ` ${formatPct(national.yoyPct)}`;
  let text = `${national.label}'s ${flow} ${context.toFrom} ${context.partner} ${verb}${amount} year on year in ${context.month}`;
  const run = signRunPhrase(national.sameSignStreakMonths, national.lastSameSignMonth);
  if (run !== null) {
    uses.push('national.sameSignStreakMonths', 'national.lastSameSignMonth');
    text += ` ${run}`;
  }
  if (national.buckedTrend === true && national.focusYoyPct !== null) {
    uses.push('national.buckedTrend', 'national.focusYoyPct');
    text += `, while those from ${context.stats.region.name} ${direction(national.focusYoyPct)}, bucking the national trend`;
  } else if (national.buckedTrend === false && national.focusYoyPct !== null) {
    uses.push('national.buckedTrend', 'national.focusYoyPct');
    text += `, and those from ${context.stats.region.name} ${direction(national.focusYoyPct) === 'rose' ? 'rose' : 'fell'} too`;
  }
  return { id: 'national-context', text: `${text}.`, uses };
}
