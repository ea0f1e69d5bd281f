import { looksLikeGaccHeader } from './gacc-columns.js';
import type { ReaderFormat } from './types.js';

/**
 * Which reader a header belongs to, or null: GACC (zh/en value column), Comtrade (flowCode + period),
 * canonical (month + flow). Used when a file's format is 'auto'.
 *
 * @example
 * sniffFormat(['数据年月', '商品编码', '美元']) // 'gacc'
 * sniffFormat(['收发货人注册地编码', '收发货人注册地名称']) // null (a code list, not data)
 */
export function sniffFormat(header: readonly string[]): ReaderFormat | null {
  if (looksLikeGaccHeader(header)) return 'gacc';
  if (header.includes('flowCode') && header.includes('period')) return 'comtrade';
  if (header.includes('month') && header.includes('flow')) return 'canonical';
  return null;
}
