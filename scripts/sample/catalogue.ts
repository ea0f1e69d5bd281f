import type { CodeListLine, CodeLists } from './code-lists.js';
import { makeRng, sampleWeighted } from './rng.js';
import type { SeasonId } from './seasons.js';

/**
 * A family of products the sample trades in: which HS8 lines it draws from the code list, and the prices
 * that turn a dollar value into plausible quantities. Prices are in USD per kilogram; `kgPerItem` converts
 * a count or a pair into kilograms (and so gives a price per item), `kgPerMetre` does the same for fabrics.
 */
export interface ProductGroup {
  id: string;
  prefixes: readonly string[];
  /** How many lines to draw from the code list under these prefixes (the `required` ones come on top). */
  pick: number;
  /** Lines that must be in the sample whatever the draw (the report's categories use them). */
  required?: readonly string[];
  /** Prefixes left to another group. */
  exclude?: readonly string[];
  usdPerKg: number;
  kgPerItem?: number;
  kgPerMetre?: number;
  season?: SeasonId;
}

// Design inputs, not results: export unit values of the order seen in customs data for these goods.
export const PRODUCT_GROUPS: readonly ProductGroup[] = [
  { id: 'christmas', prefixes: ['950510'], pick: 0, required: ['95051000'], usdPerKg: 3.1, season: 'christmas' },
  { id: 'festive', prefixes: ['950590'], pick: 1, usdPerKg: 3.4, season: 'christmas' },
  { id: 'toys', prefixes: ['9503'], pick: 7, usdPerKg: 4.2, kgPerItem: 0.35 },
  { id: 'sports', prefixes: ['9506', '9504'], pick: 5, usdPerKg: 3.8, kgPerItem: 1.2 },
  { id: 'socks', prefixes: ['6115'], pick: 0, required: ['61159400', '61159500', '61159600', '61159900'], usdPerKg: 5.0, kgPerItem: 0.04 },
  { id: 'knitwear', prefixes: ['61'], pick: 30, required: ['61101100'], exclude: ['6115'], usdPerKg: 11, kgPerItem: 0.3 },
  { id: 'garments', prefixes: ['62'], pick: 28, usdPerKg: 13, kgPerItem: 0.45 },
  { id: 'madeUps', prefixes: ['63'], pick: 6, usdPerKg: 4.5, kgPerItem: 0.8 },
  { id: 'cotton', prefixes: ['52'], pick: 10, required: ['52010000'], usdPerKg: 2.6, kgPerMetre: 0.22, season: 'cotton' },
  { id: 'yarnFibres', prefixes: ['54', '55'], pick: 5, usdPerKg: 2.2, kgPerMetre: 0.2 },
  { id: 'tomatoes', prefixes: ['0702', '2002'], pick: 0, required: ['07020000', '20021010', '20029011', '20029019', '20029090'], usdPerKg: 0.95, season: 'tomato' },
  { id: 'polysilicon', prefixes: ['28046190'], pick: 0, required: ['28046190'], usdPerKg: 24 },
  { id: 'chemicals', prefixes: ['28', '29', '38'], pick: 8, usdPerKg: 0.9 },
  { id: 'fertiliser', prefixes: ['31'], pick: 2, usdPerKg: 0.45 },
  { id: 'redDates', prefixes: ['08134030'], pick: 0, required: ['08134030'], usdPerKg: 2.4, season: 'harvest' },
  { id: 'fruitNuts', prefixes: ['0802', '0806', '0808', '0813'], pick: 6, usdPerKg: 1.6, season: 'harvest' },
  { id: 'vegetables', prefixes: ['0703', '0704', '0709', '0712'], pick: 5, usdPerKg: 0.7, season: 'harvest' },
  { id: 'foodstuff', prefixes: ['0902', '1905', '2103', '2202'], pick: 5, usdPerKg: 1.8 },
  { id: 'backpacks', prefixes: ['4202'], pick: 3, required: ['42029200'], usdPerKg: 6.5, kgPerItem: 0.6 },
  { id: 'footwear', prefixes: ['64'], pick: 8, usdPerKg: 7, kgPerItem: 0.7 },
  { id: 'hair', prefixes: ['6703', '6704'], pick: 2, usdPerKg: 38, kgPerItem: 0.2 },
  { id: 'plastics', prefixes: ['39'], pick: 10, usdPerKg: 2.1, kgPerItem: 0.5, kgPerMetre: 0.3 },
  { id: 'tyres', prefixes: ['4011'], pick: 3, usdPerKg: 2.8, kgPerItem: 12 },
  { id: 'ceramicsGlass', prefixes: ['69', '70'], pick: 6, usdPerKg: 0.8, kgPerItem: 2 },
  { id: 'steel', prefixes: ['72', '73'], pick: 14, usdPerKg: 1.1, kgPerItem: 4, kgPerMetre: 6 },
  { id: 'aluminium', prefixes: ['76'], pick: 4, usdPerKg: 3.0, kgPerItem: 3 },
  { id: 'tools', prefixes: ['82', '83'], pick: 5, usdPerKg: 4.5, kgPerItem: 0.8 },
  { id: 'machinery', prefixes: ['84'], pick: 36, usdPerKg: 9, kgPerItem: 120 },
  { id: 'electrical', prefixes: ['85'], pick: 30, usdPerKg: 14, kgPerItem: 6 },
  { id: 'vehicles', prefixes: ['87'], pick: 9, usdPerKg: 6, kgPerItem: 900 },
  { id: 'instruments', prefixes: ['90'], pick: 4, usdPerKg: 40, kgPerItem: 3 },
  { id: 'furniture', prefixes: ['94'], pick: 8, usdPerKg: 3.2, kgPerItem: 14 },
  { id: 'sundries', prefixes: ['96', '67'], pick: 3, usdPerKg: 4, kgPerItem: 0.1 },
  { id: 'ecommerce', prefixes: ['98050000'], pick: 0, required: ['98050000'], usdPerKg: 150, kgPerItem: 0.5 },
];

/** One tradeable line of the sample: a real HS8 line, its group, and fixed prices for it. */
export interface CatalogueLine {
  line: CodeListLine;
  group: ProductGroup;
  /** USD per first unit, before the small monthly price noise. */
  usdPerUnit1: number;
  /** Second quantity per first unit (0 when the line has no second unit). */
  unit2PerUnit1: number;
}

// Units whose conversion the sample knows: count (01), pair (02), metre (04), square metre (05), kilogram (09).
const KNOWN_UNITS = new Set(['01', '02', '04', '05', '09']);

/**
 * Draws the sample's HS8 lines from the code list, group by group, with a price for each line.
 *
 * @example
 *   const lines = buildCatalogue(readCodeLists('data/reference/gacc'), 'seed');
 *   lines.find((l) => l.line.code === '61159600')?.line.unit1; // "双"
 */
export function buildCatalogue(lists: CodeLists, seed: string): CatalogueLine[] {
  const taken = new Set<string>();
  const catalogue: CatalogueLine[] = [];
  for (const group of PRODUCT_GROUPS) {
    const rng = makeRng(seed, 'catalogue', group.id);
    const required = (group.required ?? []).map((code) => {
      const line = lists.hs8.get(code);
      if (!line) throw new Error(`sample catalogue: required line ${code} is not in the code list`);
      return line;
    });
    const candidates = [...lists.hs8.values()].filter(
      (line) =>
        !taken.has(line.code) &&
        !required.includes(line) &&
        group.prefixes.some((prefix) => line.code.startsWith(prefix)) &&
        !(group.exclude ?? []).some((prefix) => line.code.startsWith(prefix)) &&
        KNOWN_UNITS.has(line.unit1Code) &&
        (line.unit2Code === null || KNOWN_UNITS.has(line.unit2Code)),
    );
    const drawn = sampleWeighted(rng, candidates, () => 1, group.pick).sort((a, b) => a.code.localeCompare(b.code));
    for (const line of [...required, ...drawn]) {
      taken.add(line.code);
      catalogue.push(priceLine(line, group, seed));
    }
  }
  return catalogue.sort((a, b) => a.line.code.localeCompare(b.line.code));
}

function priceLine(line: CodeListLine, group: ProductGroup, seed: string): CatalogueLine {
  const rng = makeRng(seed, 'price', line.code);
  const usdPerKg = group.usdPerKg * rng.logNormal(0.25);
  const kgPer = (unitCode: string): number => {
    if (unitCode === '01' || unitCode === '02') return (group.kgPerItem ?? 1) * rng.logNormal(0.2);
    if (unitCode === '04') return (group.kgPerMetre ?? 0.3) * rng.logNormal(0.15);
    if (unitCode === '05') return (group.kgPerMetre ?? 0.3) * 0.8 * rng.logNormal(0.15);
    return 1;
  };
  if (line.unit1Code === '09') {
    const perUnit2 = line.unit2Code ? kgPer(line.unit2Code) : 0;
    return { line, group, usdPerUnit1: usdPerKg, unit2PerUnit1: perUnit2 > 0 ? 1 / perUnit2 : 0 };
  }
  // First unit is a count, pair or length: the second (when there is one) is kilograms in these lines.
  const kgPerUnit1 = kgPer(line.unit1Code);
  return { line, group, usdPerUnit1: usdPerKg * kgPerUnit1, unit2PerUnit1: line.unit2Code ? kgPerUnit1 : 0 };
}
