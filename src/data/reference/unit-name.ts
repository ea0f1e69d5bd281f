import type { Locale } from './hs-label.js';
import type { Reference } from './types.js';

/**
 * The name of a GACC statistical unit. Accepts the unit code ("02") or the Chinese name a GACC export prints
 * in its unit column ("双", "台"), since records carry the latter. For a count (code "01") the Chinese name
 * depends on the product (台, 个, 件 …): given a code, the most common one is returned; given a name, that
 * name is kept in Chinese and translated by its code in English. Unknown units come back unchanged.
 *
 * @example unitName(reference, '02', 'en') // 'Pair'
 * @example unitName(reference, '双', 'en') // 'Pair'
 * @example unitName(reference, '件', 'zh') // '件'
 */
export function unitName(reference: Reference, unit: string, locale: Locale): string {
  const byCode = reference.units.get(unit);
  if (byCode !== undefined) return locale === 'zh' ? byCode.nameZh : byCode.nameEn;
  for (const candidate of reference.units.values()) {
    if (candidate.nameZh === unit || (candidate.namesZh ?? []).includes(unit)) return locale === 'zh' ? unit : candidate.nameEn;
  }
  return unit;
}
