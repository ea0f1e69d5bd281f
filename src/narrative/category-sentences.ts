import type { CategoryStats, NarrativeSentence } from '../stats/types.js';
import type { NarrativeContext } from './context.js';
import { formatPct } from './format.js';
import { describeCount, describeUsd, highestPhrase, inSentence, leadsWithQuantity, unitNoun } from './rules.js';

/**
 * One sentence per basket category with trade this month. A category counted in one unit a reader counts
 * (pairs of socks) is told by its quantity: "Xinjiang entities also exported nearly 8 million pairs of socks
 * to the US in August, worth US$5.1 million."; the others by value: "Exports of apparel to the US were worth
 * more than US$9 million in August, the highest value since October 2020." A category whose value is already
 * stated as a top product is not repeated.
 */
export function categorySentences(context: NarrativeContext, alreadyStated: ReadonlySet<number>): NarrativeSentence[] {
  const sentences: NarrativeSentence[] = [];
  context.stats.categories.forEach((category, index) => {
    if (category.valueUsd <= 0 || alreadyStated.has(category.valueUsd)) return;
    sentences.push(categorySentence(context, category, index));
  });
  return sentences;
}

function categorySentence(context: NarrativeContext, category: CategoryStats, index: number): NarrativeSentence {
  const path = `categories[${index}]`;
  const uses = [`${path}.valueUsd`];
  const label = inSentence(category.label);
  const value = describeUsd(category.valueUsd);
  const clauses: string[] = [];
  const high = highestPhrase(category, context.stats.coverage.firstMonth);
  if (high !== null) {
    clauses.push(high);
    uses.push(`${path}.highestInMonths`, `${path}.highestSince`);
  }
  if (category.yoyPct !== null) {
    clauses.push(`${yoyWords(category.yoyPct)} year on year`);
    uses.push(`${path}.yoyPct`);
  }
  const tail = clauses.length > 0 ? `, ${clauses.join(', ')}` : '';
  const counted = countedQuantity(category);
  if (counted !== null) {
    uses.push(`${path}.quantities[${counted.index}].quantity`);
    const quantity = `${describeCount(counted.quantity)} ${counted.noun}`;
    return {
      id: `category-${category.id}`,
      text: `${context.traders} also ${context.tradedVerb} ${quantity} of ${label} ${context.toFrom} ${context.partner} in ${context.month}, worth ${value}${tail}.`,
      uses,
    };
  }
  return {
    id: `category-${category.id}`,
    text: `${context.flowNoun} of ${label} ${context.toFrom} ${context.partner} were worth ${value} in ${context.month}${tail}.`,
    uses,
  };
}

/**
 * The counted unit that leads a category's sentence (pairs of socks): only when it is the category's one
 * counted unit, so apparel (pairs of gloves and socks, items of the rest) is told by value.
 */
function countedQuantity(category: CategoryStats): { index: number; quantity: number; noun: string } | null {
  const counted = category.quantities
    .map((quantity, index) => ({ index, quantity: quantity.quantity, unitName: quantity.unitName, noun: unitNoun(quantity.unitName, quantity.quantity) }))
    .filter((entry) => entry.noun !== null);
  const only = counted[0];
  if (counted.length !== 1 || only === undefined || only.noun === null || only.quantity <= 0 || !leadsWithQuantity(only.unitName)) return null;
  return { index: only.index, quantity: only.quantity, noun: only.noun };
}


function yoyWords(pct: number): string {
  if (pct === 0) return 'unchanged';
  return `${pct > 0 ? 'up' : 'down'} ${formatPct(pct)}`;
}

