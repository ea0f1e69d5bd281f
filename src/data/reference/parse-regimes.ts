import { joinCodeLists, parseCodeList } from './parse-code-list.js';
import type { Regime } from './types.js';

/** Where the files sit under data/reference/, also used as the default name in error messages. */
export const REGIME_FILES = { zh: 'gacc/zh-CustomsRegime.csv', en: 'gacc/en-CustomsRegime.csv' } as const;

/**
 * Trade regimes (贸易方式) from GACC's Chinese and English lists, joined on the code.
 *
 * @example parseRegimes('"贸易方式编码","贸易方式名称",\n19,边境小额贸易,\n', '"Customs Regime code","Customs Regime",\n19,Border Trade,\n')
 *   // [{ code: '19', nameZh: '边境小额贸易', nameEn: 'Border Trade' }]
 */
export function parseRegimes(zhText: string, enText: string, files: { zh: string; en: string } = REGIME_FILES): Regime[] {
  const codePattern = /^\d{2}$/;
  const zh = parseCodeList(zhText, { file: files.zh, header: ['贸易方式编码', '贸易方式名称'], codePattern });
  const en = parseCodeList(enText, { file: files.en, header: ['Customs Regime code', 'Customs Regime'], codePattern });
  return joinCodeLists(zh, en, files.zh, files.en);
}
