/**
 * Reference data the readers, the validator and the stats need: GACC code lists, HS labels, units and the
 * category rules. Loaded once from data/reference/ by `loadReference()` (src/data/reference/load-reference.ts);
 * everything that consumes it takes this plain object, so tests can build a tiny one by hand.
 */
export interface Partner {
  /** GACC 3-digit partner code, e.g. "502". */
  code: string;
  /** ISO 3166-1 alpha-2, e.g. "US"; null for codes that are not a country (701 unknown, 702 int. orgs). */
  iso2: string | null;
  /** UN Comtrade partner code (M49-like; 842 for the US), null when Comtrade has no equivalent. */
  comtradeCode: string | null;
  nameEn: string;
  nameZh: string;
}

export interface Region {
  /** Registration-place code, "65" = Xinjiang. */
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface Regime {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** A statistical unit as GACC codes it ("02" = 双 / Pair). */
export interface Unit {
  code: string;
  /** The most frequent Chinese name under this code (for "01", a count, it varies by product). */
  nameZh: string;
  nameEn: string;
  /** Every Chinese name GACC uses under this code, most frequent first ("01": 台, 个, 件, 辆 …). */
  namesZh?: string[];
}

/** One 8-digit CN line with its statistical units. */
export interface Hs8Line {
  code: string;
  labelZh: string;
  labelEn: string;
  /** Chinese unit name as GACC exports print it (第一计量单位), e.g. "千克", "双". */
  unit1: string;
  unit2: string | null;
  /** GACC unit code of unit1 ("09" = kg); trust it over the English label. */
  unit1Code?: string;
  unit2Code?: string | null;
  /** Latest code-list year that has the line: 2021 for lines that vanished in 2022, kept so older data validates. */
  year?: number;
}

/** A category: HS-prefix rules (DESIGN.md, FORMATS.md §3.1). */
export interface Category {
  id: string;
  label: string;
  labelZh?: string;
  /** Match when an HS code starts with any of these. */
  prefixes: string[];
  /** ...unless it also starts with one of these. */
  exclude?: string[];
  note?: string;
}

export interface Reference {
  partners: ReadonlyMap<string, Partner>;
  regions: ReadonlyMap<string, Region>;
  regimes: ReadonlyMap<string, Regime>;
  units: ReadonlyMap<string, Unit>;
  /** HS8 lines by code. */
  hs8: ReadonlyMap<string, Hs8Line>;
  /** English HS labels at 2, 4 and 6 digits (WCO HS2022), plus 8-digit CN labels via hs8. */
  hsLabelsEn: ReadonlyMap<string, string>;
  categories: ReadonlyMap<string, Category>;
}
