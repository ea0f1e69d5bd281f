import type { NarrativeSentence } from '../stats/types.js';
import type { NarrativeContext } from './context.js';
import { capitalize, formatUsd } from './format.js';
import { inARowPhrase, inSentence, numberWord, ordinal } from './rules.js';

/**
 * The top product: "Christmas goods remained the top product exported to the US for two months in a row,
 * worth US$4.8 million in August, followed by toys, totalling US$2.5 million." When the top changed hands:
 * "Socks replaced Christmas goods as the top product …".
 */
export function topProduct(context: NarrativeContext): NarrativeSentence | null {
  const [first, second] = context.stats.products;
  if (first === undefined) return null;
  const prevTop = context.stats.prevTopProduct;
  const uses = ['products[0].valueUsd', 'products[0].topStreakMonths'];
  const what = `the top product ${context.tradedVerb} ${context.toFrom} ${context.partner}`;
  const worth = `worth ${formatUsd(first.valueUsd)} in ${context.month}`;
  const inARow = inARowPhrase(first.topStreakMonths);
  const replaced = inARow === null && prevTop !== null && prevTop.hsCode !== first.hsCode ? prevTop : null;
  let text: string;
  if (inARow !== null) {
    text = `${capitalize(first.shortLabel)} remained ${what} ${inARow}, ${worth}`;
  } else if (replaced !== null) {
    uses.push('prevTopProduct.hsCode');
    text = `${capitalize(first.shortLabel)} replaced ${inSentence(replaced.shortLabel)} as ${what}, ${worth}`;
  } else {
    text = `${capitalize(first.shortLabel)} was ${what}, ${worth}`;
  }
  // Last month's leader now second is told by previousTopProduct(); naming it twice would read badly.
  if (second !== undefined && second.hsCode !== replaced?.hsCode) {
    uses.push('products[1].valueUsd');
    text += `, followed by ${inSentence(second.shortLabel)}, totalling ${formatUsd(second.valueUsd)}`;
  }
  return { id: 'product-top', text: `${text}.`, uses };
}

/**
 * When the top changed hands, where last month's leader went: "Christmas goods, the top product for the
 * previous two months, came second at US$1.5 million." / "… slipped to fifth place …".
 */
export function previousTopProduct(context: NarrativeContext): NarrativeSentence | null {
  const prevTop = context.stats.prevTopProduct;
  const first = context.stats.products[0];
  if (prevTop === null || first === undefined || prevTop.hsCode === first.hsCode) return null;
  const label = capitalize(prevTop.shortLabel);
  const uses = ['prevTopProduct.rank'];
  let run = '';
  if (prevTop.prevTopStreakMonths >= 2) {
    uses.push('prevTopProduct.prevTopStreakMonths');
    run = `, the top product for the previous ${numberWord(prevTop.prevTopStreakMonths)} months,`;
  }
  if (prevTop.rank === null) {
    return { id: 'product-prev-top', text: `${label}${run} were not ${context.tradedVerb} at all in ${context.month}.`, uses };
  }
  uses.push('prevTopProduct.valueUsd');
  const place = prevTop.rank === 2 ? 'came second' : `slipped to ${ordinal(prevTop.rank)} place`;
  return { id: 'product-prev-top', text: `${label}${run} ${place}, at ${formatUsd(prevTop.valueUsd)}.`, uses };
}
