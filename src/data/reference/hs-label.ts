import type { Reference } from './types.js';

export type Locale = 'en' | 'zh';

/**
 * The label of an HS code at 2, 4, 6 or 8 digits, the way a report names a product.
 *  - 8 digits: the CN line's own label (GACC list), in the asked language.
 *  - 6/4/2 digits, en: the WCO HS2022 label.
 *  - 6/4/2 digits, zh: GACC publishes Chinese labels only for 8-digit lines, so when exactly one line
 *    shares the prefix its label is exact and used; otherwise the English WCO label (a label in the wrong
 *    language beats a wrong label).
 * Falls back to the code itself when nothing is known (e.g. China-only chapter "98" has no WCO label).
 *
 * @example hsLabel(reference, '950510', 'en') // 'Christmas festivity articles'
 * @example hsLabel(reference, '950510', 'zh') // '圣诞节用品' (the only CN line under 9505.10)
 * @example hsLabel(reference, '61159600', 'zh') // '合成纤维制其他袜'
 */
export function hsLabel(reference: Reference, code: string, locale: Locale): string {
  if (code.length === 8) {
    const line = reference.hs8.get(code);
    if (line === undefined) return code;
    const label = locale === 'zh' ? line.labelZh : line.labelEn;
    return label === '' ? (locale === 'zh' ? line.labelEn : line.labelZh) || code : label;
  }
  const labelEn = reference.hsLabelsEn.get(code);
  if (locale === 'zh') {
    const onlyLine = singleLineUnder(reference, code);
    if (onlyLine !== undefined) return onlyLine;
  }
  if (labelEn !== undefined) return labelEn;
  // A China-only code (chapters 98/99) has no WCO label, but a single CN line can still name it in English.
  if (locale === 'en') {
    const onlyLine = singleLineUnder(reference, code, 'en');
    if (onlyLine !== undefined) return onlyLine;
  }
  return code;
}

/** Prefix -> the one HS8 line under it, or null when several; built once per hs8 table. */
const singleLineIndex = new WeakMap<ReadonlyMap<string, unknown>, Map<string, string | null>>();

function singleLineUnder(reference: Reference, prefix: string, locale: Locale = 'zh'): string | undefined {
  let index = singleLineIndex.get(reference.hs8);
  if (index === undefined) {
    index = new Map();
    for (const code of reference.hs8.keys()) {
      for (const length of [2, 4, 6]) {
        const key = code.slice(0, length);
        index.set(key, index.has(key) ? null : code);
      }
    }
    singleLineIndex.set(reference.hs8, index);
  }
  const code = index.get(prefix);
  if (code === undefined || code === null) return undefined;
  const line = reference.hs8.get(code);
  const label = locale === 'zh' ? line?.labelZh : line?.labelEn;
  return label === '' ? undefined : label;
}

export { matchCategory } from './match-category.js';
export { unitName } from './unit-name.js';
