/**
 * Stats -> sentences a newsroom would print. Deterministic: the same stats give the same words. Each sentence
 * carries the stats fields it states (`uses`), so tests can check every number against stats.json.
 * Word choices and thresholds live in rules.ts; this file only decides the order of the story.
 */
import type { StatsBody } from '../stats/compute-stats.js';
import type { NarrativeSentence } from '../stats/types.js';
import { categorySentences } from './category-sentences.js';
import { narrativeContext, type NarrativeWording } from './context.js';
import { ecommerceSentence, nationalSentence } from './context-sentences.js';
import { headlineMomentum, headlineValue, headlineYoy } from './headline-sentences.js';
import { partnerRank } from './partner-sentences.js';
import { previousTopProduct, topProduct } from './product-sentences.js';

/** Ids of the sentences the command prints as the headline. */
export const HEADLINE_SENTENCE_IDS: readonly string[] = ['headline-value', 'headline-yoy', 'headline-mom', 'partner-rank'];

/**
 * @example narrate(stats, { exporters: 'Xinjiang entities', region: 'the far-west region' })[0].text
 *   // "Xinjiang entities exported US$56.8 million worth of goods to the US in August, the most in 10 months."
 */
export function narrate(stats: StatsBody, wording: NarrativeWording = {}): NarrativeSentence[] {
  const context = narrativeContext(stats, wording);
  // A category whose value is already told as a top product or as the e-commerce channel is not told twice.
  const valuesStated = new Set(stats.products.slice(0, 2).map((product) => product.valueUsd));
  if (stats.ecommerce !== null) valuesStated.add(stats.ecommerce.valueUsd);
  const sentences = [
    headlineValue(context),
    headlineYoy(context),
    headlineMomentum(context),
    partnerRank(context),
    topProduct(context),
    previousTopProduct(context),
    ...categorySentences(context, valuesStated),
    ecommerceSentence(context),
    nationalSentence(context),
  ];
  return sentences.filter((sentence): sentence is NarrativeSentence => sentence !== null);
}
