/**
 * The shape of the synthetic all-China export cube that bench/make-data writes: which provinces, partners,
 * HS8 lines and trade regimes exist, and how often each occurs (skewed, as real customs data are). Built once
 * per seed from the GACC code lists in data/reference/gacc, so every size of the bench data shares it.
 */
import seedrandom from 'seedrandom';
import { readCodeLists, type CodeLists } from '../../scripts/sample/code-lists.js';

/** A weighted list: `cumulative[i]` is the sum of the weights up to and including item i. */
export interface Weighted<T> {
  items: T[];
  cumulative: Float64Array;
}

export interface World {
  lists: CodeLists;
  /** Province codes with their share of the rows of a month. */
  regions: { code: string; share: number }[];
  partners: Weighted<string>;
  /** Xinjiang trades mostly with Central Asia and Russia, over the border (regime 19). */
  xinjiangPartners: Weighted<string>;
  hs8: Weighted<string>;
  /** Xinjiang's product mix leans to the article's goods (apparel, toys, Christmas goods, socks, e-commerce). */
  xinjiangHs8: Weighted<string>;
  regimes: Weighted<string>;
  xinjiangRegimes: Weighted<string>;
  /** Median unit value (USD per first unit) of each HS8 line. */
  unitPrice: Map<string, number>;
}

// Rough shares of China's exports by registration place (GD, ZJ, JS, SH, SD, FJ … lead). Xinjiang is given 4 %
// of the rows (its real share of value is nearer 1.5 %) so the xinjiang-us report has substance at 100k rows.
const REGION_WEIGHTS: Record<string, number> = {
  '44': 22, '33': 14, '32': 14, '31': 7, '37': 7, '35': 5, '11': 3, '12': 2, '13': 2, '21': 2, '34': 2, '36': 2,
  '41': 2, '42': 2, '43': 2, '45': 1.5, '50': 1.5, '51': 2, '61': 1, '65': 4,
  '14': 0.6, '15': 0.5, '22': 0.4, '23': 0.5, '46': 0.4, '52': 0.3, '53': 0.8, '54': 0.05, '62': 0.2, '63': 0.05, '64': 0.1,
};
const BIG_PARTNERS = ['502', '110', '116', '133', '304', '305', '303', '309', '112', '136', '129', '601', '501', '344', '132'];
const XINJIANG_PARTNERS: Record<string, number> = { '145': 40, '146': 30, '344': 15, '149': 12, '147': 8, '148': 3, '502': 10, '113': 4 };
const XINJIANG_PRODUCTS = ['61', '62', '9503', '950510', '6115', '98050000', '0702', '2002', '52'];
const REGIME_WEIGHTS: Record<string, number> = { '10': 60, '15': 14, '14': 4, '33': 6, '34': 6, '19': 2, '39': 2, '16': 0.5, '22': 1, '12': 0.2, '13': 0.1, '23': 0.2, '27': 0.1, '30': 0.1, '31': 0.1, '41': 0.2 };
const XINJIANG_REGIMES: Record<string, number> = { '19': 50, '10': 35, '39': 5, '33': 4, '34': 3, '15': 2, '22': 1 };

/** @example buildWorld('tradebrief-bench-v1', 'data/reference/gacc').regions.length // 31 */
export function buildWorld(seed: string, referenceDir: string): World {
  const lists = readCodeLists(referenceDir);
  const random = seedrandom.alea(`${seed}|world`);
  const total = Object.values(REGION_WEIGHTS).reduce((sum, weight) => sum + weight, 0);
  const regions = [...lists.regions.keys()].sort().map((code) => {
    const weight = REGION_WEIGHTS[code];
    if (weight === undefined) throw new Error(`make-data: no row share for region ${code}`);
    return { code, share: weight / total };
  });

  // Partners: Zipf over a shuffled list with the big markets first; China itself (142) is not an export partner.
  const others = shuffle([...lists.partners.keys()].filter((code) => code !== '142' && !BIG_PARTNERS.includes(code)).sort(), random);
  const partnerOrder = [...BIG_PARTNERS.filter((code) => lists.partners.has(code)), ...others];
  const partnerWeights = partnerOrder.map((_, rank) => 1 / (rank + 1) ** 0.9);
  const xinjiangWeights = partnerOrder.map((code, rank) => (XINJIANG_PARTNERS[code] ?? 0) + 0.5 / (rank + 1) ** 0.9);

  const hsOrder = shuffle([...lists.hs8.keys()].sort(), random);
  const hsWeights = hsOrder.map((_, rank) => 1 / (rank + 10) ** 0.8);
  const xinjiangHsWeights = hsOrder.map((code, index) => (hsWeights[index] ?? 0) * (XINJIANG_PRODUCTS.some((prefix) => code.startsWith(prefix)) ? 40 : 1));
  const unitPrice = new Map(hsOrder.map((code) => [code, Math.exp(1 + 2 * normal(random))]));

  const regimeCodes = Object.keys(REGIME_WEIGHTS).filter((code) => lists.regimes.has(code));
  const xinjiangRegimeCodes = Object.keys(XINJIANG_REGIMES).filter((code) => lists.regimes.has(code));
  return {
    lists,
    regions,
    partners: weighted(partnerOrder, partnerWeights),
    xinjiangPartners: weighted(partnerOrder, xinjiangWeights),
    hs8: weighted(hsOrder, hsWeights),
    xinjiangHs8: weighted(hsOrder, xinjiangHsWeights),
    regimes: weighted(regimeCodes, regimeCodes.map((code) => REGIME_WEIGHTS[code] ?? 0)),
    xinjiangRegimes: weighted(xinjiangRegimeCodes, xinjiangRegimeCodes.map((code) => XINJIANG_REGIMES[code] ?? 0)),
    unitPrice,
  };
}

export function weighted<T>(items: T[], weights: readonly number[]): Weighted<T> {
  const cumulative = new Float64Array(items.length);
  let sum = 0;
  weights.forEach((weight, index) => (cumulative[index] = sum += weight));
  return { items, cumulative };
}

/** Index of a weighted draw for a uniform `u` in [0, 1) (binary search on the cumulative weights). */
export function pick(list: Weighted<unknown>, u: number): number {
  const target = u * (list.cumulative[list.cumulative.length - 1] ?? 0);
  let low = 0;
  let high = list.cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((list.cumulative[middle] ?? 0) > target) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Standard normal draw (Box–Muller). */
export function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [items[index], items[other]] = [items[other] as T, items[index] as T];
  }
  return items;
}
