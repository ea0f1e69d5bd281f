import iconv from 'iconv-lite';
import type { CodeLists } from './code-lists.js';
import type { SampleRow } from './sample-row.js';

/** The header line of a GACC query-platform export with all four dimensions, per month, in US dollars. */
export const GACC_HEADER =
  '"数据年月","商品编码","商品名称","贸易伙伴编码","贸易伙伴名称","贸易方式编码","贸易方式名称","注册地编码","注册地名称","第一数量","第一计量单位","第二数量","第二计量单位","美元",';

/**
 * Whole number with comma thousands separators, as the platform writes the 美元 column.
 *
 * @example withThousands(10261740) // "10,261,740"
 */
export function withThousands(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`withThousands: ${value} is not a whole number`);
  const sign = value < 0 ? '-' : '';
  return sign + String(Math.abs(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Rows of one registration place as the text of a GACC export: every field quoted, a trailing comma, LF line
 * ends, `"0","?"` for an absent second unit, names from the code lists.
 *
 * @example
 *   formatGaccCsv([row], lists, '65').split('\n')[1];
 *   // "202208","95051000","圣诞节用品","502","美国","10","一般贸易","65","新疆维吾尔自治区","1549424","千克","0","?","4,803,215",
 */
export function formatGaccCsv(rows: readonly SampleRow[], lists: CodeLists, region: string): string {
  const regionName = lookup(lists.regions, region, 'region');
  const lines = [GACC_HEADER];
  for (const row of rows) {
    const line = lists.hs8.get(row.hsCode);
    if (!line) throw new Error(`formatGaccCsv: ${row.hsCode} is not in the code list`);
    const fields = [
      row.month.replace('-', ''),
      row.hsCode,
      line.name,
      row.partner,
      lookup(lists.partners, row.partner, 'partner'),
      row.regime,
      lookup(lists.regimes, row.regime, 'regime'),
      region,
      regionName,
      String(row.qty1),
      line.unit1,
      line.unit2 ? String(row.qty2) : '0',
      line.unit2 ?? '?',
      withThousands(row.valueUsd),
    ];
    lines.push(fields.map((field) => `"${field.replaceAll('"', '""')}"`).join(',') + ',');
  }
  return lines.join('\n') + '\n';
}

/** The bytes of the download: GB18030, as the platform serves it. */
export function encodeGb18030(text: string): Buffer {
  return iconv.encode(text, 'gb18030');
}

function lookup(names: ReadonlyMap<string, string>, code: string, what: string): string {
  const name = names.get(code);
  if (name === undefined) throw new Error(`formatGaccCsv: unknown ${what} code ${code}`);
  return name;
}
