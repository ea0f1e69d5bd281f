import type { NarrativeSentence } from '../stats/types.js';
import type { NarrativeContext } from './context.js';
import { formatPct, formatUsd, monthName } from './format.js';
import { changeVerb, highestPhrase, multiplePhrase, numberWord, streakPhrase } from './rules.js';

/**
 * "Xinjiang entities exported US$56.8 million worth of goods to the US in August, the most in 10 months."
 * @example headlineValue(context).text
 */
export function headlineValue(context: NarrativeContext): NarrativeSentence | null {
  const { headline, coverage } = context.stats;
  if (headline.valueUsd === null) return null;
  const subject = `${context.traders} ${context.tradedVerb}`;
  if (headline.valueUsd === 0) {
    return {
      id: 'headline-value',
      text: `${subject} no goods ${context.toFrom} ${context.partner} in ${context.month}, according to the customs data.`,
      uses: ['headline.valueUsd'],
    };
  }
  const high = highestPhrase(headline, coverage.firstMonth);
  return {
    id: 'headline-value',
    text: `${subject} ${formatUsd(headline.valueUsd)} worth of goods ${context.toFrom} ${context.partner} in ${context.month}${high ? `, ${high}` : ''}.`,
    uses: ['headline.valueUsd', ...(high ? ['headline.highestInMonths', 'headline.highestSince'] : [])],
  };
}

/** "It surged 592.8 per cent compared to a year earlier." */
export function headlineYoy(context: NarrativeContext): NarrativeSentence | null {
  const { headline } = context.stats;
  if (headline.yoyPct !== null) {
    const verb = changeVerb(headline.yoyPct);
    const amount = headline.yoyPct === 0 ? '' : ` ${formatPct(headline.yoyPct)}`;
    return { id: 'headline-yoy', text: `It ${verb}${amount} compared to a year earlier.`, uses: ['headline.yoyPct'] };
  }
  if (headline.yearAgoValueUsd === 0 && (headline.valueUsd ?? 0) > 0) {
    return {
      id: 'headline-yoy',
      text: `A year earlier there had been no such ${context.flowNoun.toLowerCase()} at all.`,
      uses: ['headline.yearAgoValueUsd'],
    };
  }
  return null;
}

/**
 * Month on month: "Exports to the US rose for the second consecutive month, more than double July and almost
 * seven times June." or "… fell 40.2 per cent from August, ending two consecutive monthly rises."
 */
export function headlineMomentum(context: NarrativeContext): NarrativeSentence | null {
  const { headline } = context.stats;
  const subject = `${context.flowNoun} ${context.toFrom} ${context.partner}`;
  const previous = context.previousMonthName;
  if (headline.momPct === null) {
    if (headline.prevMonthValueUsd === 0 && (headline.valueUsd ?? 0) > 0) {
      return { id: 'headline-mom', text: `${subject} resumed after none in ${previous}.`, uses: ['headline.prevMonthValueUsd'] };
    }
    return null;
  }
  const uses = ['headline.momPct'];
  if (headline.momPct > 0) {
    const streak = streakPhrase(headline.riseStreakMonths);
    let opening = `${subject} ${changeVerb(headline.momPct)} ${formatPct(headline.momPct)} from ${previous}`;
    if (streak !== null) {
      uses.push('headline.riseStreakMonths');
      opening = `${subject} rose ${streak}`;
    }
    const multiples = risingMultiples(context, uses);
    return { id: 'headline-mom', text: `${opening}${multiples.length > 0 ? `, ${multiples.join(' and ')}` : ''}.`, uses };
  }
  if (headline.momPct < 0) {
    let text = `${subject} ${changeVerb(headline.momPct)} ${formatPct(headline.momPct)} from ${previous}`;
    if (headline.prevRiseStreakMonths >= 2) {
      uses.push('headline.prevRiseStreakMonths');
      text += `, ending ${numberWord(headline.prevRiseStreakMonths)} consecutive monthly rises`;
    }
    return { id: 'headline-mom', text: `${text}.`, uses };
  }
  return { id: 'headline-mom', text: `${subject} were unchanged from ${previous}.`, uses };
}

/**
 * "more than double July", "almost seven times June": earlier months are named only while each gives a bigger
 * multiple than the one before, so the list always reads as a climb.
 */
function risingMultiples(context: NarrativeContext, uses: string[]): string[] {
  const phrases: string[] = [];
  let lastRatio = 1;
  context.stats.headline.multiples.forEach((multiple, index) => {
    const phrase = multiplePhrase(multiple.ratio);
    if (phrase === null || multiple.ratio === null || multiple.ratio <= lastRatio || phrases.length >= 2) return;
    if (phrase === 'less than half') return;
    lastRatio = multiple.ratio;
    uses.push(`headline.multiples[${index}].ratio`);
    phrases.push(`${phrase} ${monthName(multiple.month)}`);
  });
  return phrases;
}
