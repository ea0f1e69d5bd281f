/**
 * GACC's two-column code lists (code, name), as served in Chinese and English: provinces (注册地) and trade
 * regimes (贸易方式). A code list is joined on its code only, never on a name.
 */
import { cleanLabel, expectHeader, readCsvTable, referenceProblem, throwIfProblems } from './csv-table.js';
import type { Problem } from '../../errors.js';

export interface CodeListOptions {
  /** Shown in error messages. */
  file: string;
  /** The header GACC uses for this list, e.g. ["贸易方式编码", "贸易方式名称"]. */
  header: readonly [string, string];
  /** What a valid code looks like, e.g. /^\d{2}$/. */
  codePattern: RegExp;
}

/**
 * Parses a code list into a Map from code to name, in file order; rejects malformed or repeated codes.
 *
 * @example parseCodeList('code,name\n65,Xinjiang\n', { file: 'x.csv', header: ['code', 'name'], codePattern: /^\d{2}$/ })
 *   // Map { '65' => 'Xinjiang' }
 */
export function parseCodeList(text: string, options: CodeListOptions): Map<string, string> {
  const table = readCsvTable(text, options.file);
  expectHeader(table, options.header, options.file);
  const [codeColumn, nameColumn] = options.header;
  const names = new Map<string, string>();
  const problems: Problem[] = [];
  for (const { row, cells } of table.rows) {
    const code = (cells[0] ?? '').trim();
    const name = cleanLabel(cells[1] ?? '');
    if (!options.codePattern.test(code)) {
      problems.push(referenceProblem(options.file, row, codeColumn, 'reference.code', `code "${code}" does not match ${options.codePattern}`));
    } else if (names.has(code)) {
      problems.push(referenceProblem(options.file, row, codeColumn, 'reference.duplicate', `code "${code}" appears twice`));
    } else if (name === '') {
      problems.push(referenceProblem(options.file, row, nameColumn, 'reference.name', `code "${code}" has no name`));
    } else {
      names.set(code, name);
    }
  }
  throwIfProblems(problems);
  return names;
}

/**
 * Joins the Chinese and English lists on the code. Every code must be in both: a code without a name in one
 * language would surface later as a bare code in a report.
 *
 * @example joinCodeLists(new Map([['19', '边境小额贸易']]), new Map([['19', 'Border Trade']]), 'zh.csv', 'en.csv')
 *   // [{ code: '19', nameZh: '边境小额贸易', nameEn: 'Border Trade' }]
 */
export function joinCodeLists(
  zh: ReadonlyMap<string, string>,
  en: ReadonlyMap<string, string>,
  zhFile: string,
  enFile: string,
): { code: string; nameZh: string; nameEn: string }[] {
  const problems: Problem[] = [];
  for (const code of zh.keys()) {
    if (!en.has(code)) problems.push(referenceProblem(enFile, undefined, undefined, 'reference.missing', `code "${code}" (in ${zhFile}) has no English name`));
  }
  for (const code of en.keys()) {
    if (!zh.has(code)) problems.push(referenceProblem(zhFile, undefined, undefined, 'reference.missing', `code "${code}" (in ${enFile}) has no Chinese name`));
  }
  throwIfProblems(problems);
  return [...zh].map(([code, nameZh]) => ({ code, nameZh, nameEn: en.get(code) ?? code }));
}
