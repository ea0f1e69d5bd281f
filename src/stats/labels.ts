/**
 * Names for codes, in the report's locale, from the Reference (helper functions of src/data/reference/).
 * Stats join on codes only; names are looked up at the end so a drifting name in a data file can never split
 * a partner or a product in two.
 */
import { hsLabel, type Locale } from '../data/reference/hs-label.js';
import { matchCategory } from '../data/reference/match-category.js';
import { partnerName } from '../data/reference/partner-name.js';
import type { Category, Reference } from '../data/reference/types.js';
import { unitName } from '../data/reference/unit-name.js';

export type { Locale };

/** Partner name, falling back to the code so a new code still prints. @example partnerLabel(ref, '502', 'en') // "United States" */
export function partnerLabel(reference: Reference, code: string, locale: Locale): string {
  return partnerName(reference, code, locale);
}

/** Region (registration place) names, joined when a report covers several. @example regionLabel(ref, ['65'], 'en') // "Xinjiang" */
export function regionLabel(reference: Reference, codes: readonly string[], locale: Locale): string {
  return codes
    .map((code) => {
      const region = reference.regions.get(code);
      if (region === undefined) return code;
      return locale === 'zh' ? region.nameZh : region.nameEn;
    })
    .join(', ');
}

/** HS label at any level from the nomenclature. @example productLabel(ref, '950510', 'en') // "Christmas festivity articles" */
export function productLabel(reference: Reference, hsCode: string, locale: Locale): string {
  return hsLabel(reference, hsCode, locale);
}

/** English unit name for a unit as records carry it (code "02", or GACC name "双"). @example unitLabel(ref, '双') // "Pair" */
export function unitLabel(reference: Reference, unit: string): string {
  return unitName(reference, unit, 'en');
}

/** Whether an HS code falls in a category (prefix rules with exclusions). @example inCategory(socks, '61159600') // true */
export function inCategory(category: Category, hsCode: string): boolean {
  return matchCategory(category, hsCode);
}
