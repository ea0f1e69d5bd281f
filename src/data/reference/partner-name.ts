import type { Locale } from './hs-label.js';
import type { Reference } from './types.js';

/**
 * A partner's name as a newspaper prints it ("United States", "Russia", "Hong Kong" in English; 美国,
 * 俄罗斯联邦, 中国香港 in Chinese, GACC's own list). Falls back to the code when it is not in the list, so
 * a new GACC code shows up in a report instead of failing it.
 *
 * @example partnerName(reference, '502', 'en') // 'United States'
 * @example partnerName(reference, '888', 'en') // '888'
 */
export function partnerName(reference: Reference, code: string, locale: Locale): string {
  const partner = reference.partners.get(code);
  if (partner === undefined) return code;
  return locale === 'zh' ? partner.nameZh : partner.nameEn;
}
