import { makeRng } from './rng.js';
import { US_PATH_MILLION } from './seasons.js';

/** Product-group weights of a partner's basket (ids from catalogue.ts). */
export type Basket = Readonly<Record<string, number>>;

/** Trade-regime shares (GACC 贸易方式 codes), need not sum to 1. */
export type RegimeMix = Readonly<Record<string, number>>;

/** How Xinjiang trades with one partner. */
export interface PartnerProfile {
  code: string;
  /** Monthly value at level 1 (Jan 2020 before the calendar), US$ million. */
  baseMillion: number;
  /** A fixed path (US$ million by month) instead of base × Xinjiang's level. */
  pathMillion?: Readonly<Record<string, number>>;
  /** Chance that the partner shows up in a month at all. */
  presence: number;
  basket: Basket;
  regimes: RegimeMix;
  /** Groups with at least one line every month the partner is present. */
  always?: readonly string[];
  /** Groups the partner stops buying from a month on (the US after the UFLPA). */
  embargo?: { from: string; groups: readonly string[] };
  /** At least this many rows a month (a broad basket for the calibrated partner). */
  minRows?: number;
}

const BORDER: RegimeMix = { '19': 78, '10': 17, '39': 3, '33': 2 };
const NEIGHBOUR: RegimeMix = { '10': 52, '19': 38, '34': 5, '39': 5 };
const OVERSEAS: RegimeMix = { '10': 72, '19': 6, '34': 9, '33': 8, '39': 5 };
const USA: RegimeMix = { '10': 90, '34': 4, '33': 3, '39': 3 };

const CENTRAL_ASIA: Basket = {
  knitwear: 8, garments: 8, socks: 1.5, footwear: 7, madeUps: 2, cotton: 1.5, yarnFibres: 3, tomatoes: 1.5,
  polysilicon: 0.4, chemicals: 3, fertiliser: 1.5, fruitNuts: 2, vegetables: 3, foodstuff: 3, plastics: 5,
  tyres: 3, ceramicsGlass: 3, steel: 8, aluminium: 2, tools: 2, machinery: 12, electrical: 10, vehicles: 7,
  instruments: 1, furniture: 3, sundries: 1, backpacks: 1.5, toys: 1.5, sports: 1, christmas: 0.3, festive: 0.2,
  redDates: 0.3, hair: 0.1, ecommerce: 0.05,
};
const RUSSIA: Basket = { ...CENTRAL_ASIA, machinery: 16, vehicles: 10, fruitNuts: 4, tomatoes: 3, vegetables: 4 };
const US_BASKET: Basket = {
  christmas: 3, festive: 1, toys: 5, knitwear: 9, garments: 8, socks: 4, backpacks: 3, hair: 2, ecommerce: 0.02,
  machinery: 10, electrical: 12, furniture: 5, plastics: 4, redDates: 1, tomatoes: 3, polysilicon: 6, cotton: 1,
  chemicals: 3, steel: 3, tools: 2, sports: 2, footwear: 3, madeUps: 2, instruments: 1, fruitNuts: 1,
  foodstuff: 1, sundries: 1,
};
const EUROPE: Basket = {
  tomatoes: 6, redDates: 2, fruitNuts: 3, knitwear: 4, garments: 4, machinery: 6, electrical: 6, chemicals: 3,
  polysilicon: 2, cotton: 2, yarnFibres: 2, plastics: 3, steel: 3, furniture: 2, toys: 2, christmas: 1,
  footwear: 2, hair: 1,
};
const EAST_ASIA: Basket = {
  polysilicon: 5, cotton: 4, yarnFibres: 4, chemicals: 5, tomatoes: 3, redDates: 2, fruitNuts: 3, machinery: 6,
  electrical: 8, steel: 5, plastics: 4, knitwear: 3, garments: 3, aluminium: 2, fertiliser: 2,
};
const SOUTH_WEST_ASIA: Basket = {
  tomatoes: 4, machinery: 7, electrical: 6, steel: 6, plastics: 4, chemicals: 4, knitwear: 3, garments: 3,
  footwear: 3, vehicles: 3, tyres: 2, cotton: 2, yarnFibres: 3, fertiliser: 2, ceramicsGlass: 2, furniture: 2,
  foodstuff: 2,
};
const AFRICA: Basket = {
  tomatoes: 10, machinery: 5, electrical: 4, steel: 3, footwear: 3, knitwear: 2, garments: 2, plastics: 2,
  tyres: 2, vehicles: 2,
};
const AMERICAS_OCEANIA: Basket = {
  tomatoes: 5, machinery: 5, electrical: 5, chemicals: 3, steel: 2, plastics: 2, knitwear: 2, polysilicon: 1,
  redDates: 1,
};

function core(code: string, baseMillion: number, basket: Basket, regimes: RegimeMix): PartnerProfile {
  return { code, baseMillion, presence: 1, basket, regimes };
}

/** Partners present every month, with hand-set sizes (US$ million a month at level 1). */
export const CORE_PARTNERS: readonly PartnerProfile[] = [
  {
    ...core('145', 420, CENTRAL_ASIA, BORDER),
    // The Kazakhstan report's basket: present every month.
    always: ['tomatoes', 'cotton', 'knitwear', 'garments', 'polysilicon', 'machinery', 'electrical'],
  },
  core('146', 340, CENTRAL_ASIA, BORDER),
  core('149', 105, CENTRAL_ASIA, BORDER),
  core('344', 90, RUSSIA, BORDER),
  core('147', 30, CENTRAL_ASIA, BORDER),
  core('148', 10, CENTRAL_ASIA, BORDER),
  {
    ...core('502', 0, US_BASKET, USA),
    pathMillion: US_PATH_MILLION,
    always: ['christmas', 'toys', 'knitwear', 'garments', 'socks', 'backpacks', 'ecommerce', 'machinery', 'electrical'],
    embargo: { from: '2022-06', groups: ['polysilicon', 'tomatoes', 'cotton', 'redDates'] },
    minRows: 70,
  },
  core('127', 34, SOUTH_WEST_ASIA, NEIGHBOUR), core('124', 30, SOUTH_WEST_ASIA, NEIGHBOUR),
  core('101', 22, SOUTH_WEST_ASIA, NEIGHBOUR), core('137', 26, SOUTH_WEST_ASIA, OVERSEAS),
  core('111', 25, SOUTH_WEST_ASIA, OVERSEAS), core('141', 22, EAST_ASIA, OVERSEAS),
  core('110', 18, EAST_ASIA, OVERSEAS), core('138', 17, SOUTH_WEST_ASIA, OVERSEAS),
  core('131', 9, SOUTH_WEST_ASIA, OVERSEAS), core('113', 9, SOUTH_WEST_ASIA, OVERSEAS),
  core('304', 11, EUROPE, OVERSEAS), core('309', 7, EUROPE, OVERSEAS), core('303', 8, EUROPE, OVERSEAS),
  core('307', 7, EUROPE, OVERSEAS), core('305', 5, EUROPE, OVERSEAS), core('116', 8, EAST_ASIA, OVERSEAS),
  core('133', 8, EAST_ASIA, OVERSEAS), core('136', 8, EAST_ASIA, OVERSEAS), core('112', 7, EAST_ASIA, OVERSEAS),
  core('122', 8, EAST_ASIA, OVERSEAS), core('132', 5, EAST_ASIA, OVERSEAS), core('114', 8, SOUTH_WEST_ASIA, OVERSEAS),
  core('236', 8, AFRICA, OVERSEAS), core('220', 4, AFRICA, OVERSEAS), core('215', 5, AFRICA, OVERSEAS),
  core('340', 8, RUSSIA, NEIGHBOUR), core('337', 6, CENTRAL_ASIA, NEIGHBOUR), core('339', 8, CENTRAL_ASIA, NEIGHBOUR),
  core('347', 4, EUROPE, OVERSEAS), core('601', 5, AMERICAS_OCEANIA, OVERSEAS), core('429', 4, AMERICAS_OCEANIA, OVERSEAS),
  core('410', 5, AMERICAS_OCEANIA, OVERSEAS), core('501', 3, AMERICAS_OCEANIA, OVERSEAS),
  core('143', 3, EAST_ASIA, OVERSEAS), core('129', 3, EAST_ASIA, OVERSEAS), core('103', 4, SOUTH_WEST_ASIA, OVERSEAS),
];

// Codes that are aggregates, defunct or not a trading partner of a Chinese province.
const NOT_TRADED = new Set([
  '142', '199', '299', '399', '499', '599', '699', '701', '702', '999', '349', '356', '449', '604', '605', '610',
  '612', '615', '616',
]);

function basketForContinent(code: string): Basket {
  switch (code[0]) {
    case '1': return SOUTH_WEST_ASIA;
    case '2': return AFRICA;
    case '3': return EUROPE;
    default: return AMERICAS_OCEANIA;
  }
}

/**
 * Every partner of the sample: the core ones above, and a long tail of the code list's other partners, each
 * with a seeded size and a chance to appear in a month.
 *
 * @example
 *   buildPartnerProfiles(['101', '145', '502', '624'], 'seed').length; // 3 core + 1 tail partner
 */
export function buildPartnerProfiles(partnerCodes: readonly string[], seed: string): PartnerProfile[] {
  const coreCodes = new Set(CORE_PARTNERS.map((profile) => profile.code));
  const tail: PartnerProfile[] = [];
  for (const code of partnerCodes) {
    if (coreCodes.has(code) || NOT_TRADED.has(code)) continue;
    const rng = makeRng(seed, 'tail-partner', code);
    const baseMillion = Math.min(6, 0.3 * rng.logNormal(1.2));
    tail.push({
      code,
      baseMillion,
      presence: Math.min(0.9, rng.uniform(0.05, 0.45) + baseMillion / 10),
      basket: basketForContinent(code),
      regimes: OVERSEAS,
    });
  }
  return [...CORE_PARTNERS.filter((profile) => partnerCodes.includes(profile.code)), ...tail];
}
