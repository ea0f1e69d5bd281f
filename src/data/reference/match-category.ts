import type { Category } from './types.js';

/**
 * Whether an HS code belongs to a category: it starts with one of the category's prefixes and with none of
 * its exclusions. A code shorter than a prefix never matches it (data at HS4 cannot say which of its HS6
 * subheadings a value belongs to), so a category defined at 8 digits is empty on HS6 data.
 *
 * @example matchCategory({ id: 'apparel', label: 'apparel', prefixes: ['61', '62'] }, '61159600') // true
 * @example matchCategory({ id: 'christmas', label: 'Christmas goods', prefixes: ['950510'] }, '9505') // false
 */
export function matchCategory(category: Category, hsCode: string | null): boolean {
  if (hsCode === null) return false;
  if (!category.prefixes.some((prefix) => hsCode.startsWith(prefix))) return false;
  return !(category.exclude ?? []).some((excluded) => hsCode.startsWith(excluded));
}
