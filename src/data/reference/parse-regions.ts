import { joinCodeLists, parseCodeList } from './parse-code-list.js';
import type { Region } from './types.js';

/** Where the files sit under data/reference/, also used as the default name in error messages. */
export const REGION_FILES = { zh: 'gacc/china_customs_provinces.csv', en: 'provinces-en.csv' } as const;

/**
 * Registration places (收发货人注册地): Chinese names from GACC's list, English names from our own small table
 * (GACC publishes none). Codes are GB/T 2260 province prefixes, "65" = Xinjiang.
 *
 * @example parseRegions('"收发货人注册地编码","收发货人注册地名称",\n65,新疆维吾尔自治区,\n', 'code,nameEn\n65,Xinjiang\n')
 *   // [{ code: '65', nameZh: '新疆维吾尔自治区', nameEn: 'Xinjiang' }]
 */
export function parseRegions(zhText: string, enText: string, files: { zh: string; en: string } = REGION_FILES): Region[] {
  const codePattern = /^\d{2}$/;
  const zh = parseCodeList(zhText, { file: files.zh, header: ['收发货人注册地编码', '收发货人注册地名称'], codePattern });
  const en = parseCodeList(enText, { file: files.en, header: ['code', 'nameEn'], codePattern });
  return joinCodeLists(zh, en, files.zh, files.en);
}
