/**
 * GACC's 8-digit commodity code lists (商品编码表), one file per year and language, with the statistical
 * units of each line. See data/reference/gacc/SOURCE.md for the quirks handled here.
 */
import { cleanLabel, expectHeader, readCsvTable, referenceProblem, throwIfProblems } from './csv-table.js';
import type { Problem } from '../../errors.js';

/** One row of a GACC HS8 list, in the file's language. */
export interface Hs8ListRow {
  code: string;
  label: string;
  year: number;
  unit1Code: string;
  unit1Name: string;
  /** null where GACC writes `?`: the line has no second unit. */
  unit2Code: string | null;
  unit2Name: string | null;
}

const HEADERS = {
  zh: ['商品编码', '商品名称', '年份', '第一计量单位编码', '第一计量单位名称', '第二计量单位编码', '第二计量单位名称'],
  en: ['CODES', 'DESCRIPTION', 'YEAR', 'UNIT_1_CODES', 'UNIT_1_DESCRIPTION', 'UNIT_2_CODES', 'UNIT_2_DESCRIPTION'],
} as const;

const FIELDS_AFTER_LABEL = 5;

/**
 * Parses one HS8 list. Rows where stray quotes split the description into several fields (three tyre lines
 * in the English files) are put back together: the code is the first field, the last five are year and
 * units, and everything between is the description.
 *
 * @example parseHs8List('"商品编码","商品名称","年份","第一计量单位编码","第一计量单位名称","第二计量单位编码","第二计量单位名称",\n61159600,"合成纤维制其他袜",2022,02,"双",09,"千克",\n', 'zh', 'zh.csv')
 *   // [{ code: '61159600', label: '合成纤维制其他袜', year: 2022, unit1Code: '02', unit1Name: '双', unit2Code: '09', unit2Name: '千克' }]
 */
export function parseHs8List(text: string, language: 'zh' | 'en', file: string): Hs8ListRow[] {
  const header = HEADERS[language];
  const table = readCsvTable(text, file);
  expectHeader(table, header, file);
  const rows: Hs8ListRow[] = [];
  const problems: Problem[] = [];
  for (const { row, cells } of table.rows) {
    if (cells.length < header.length) {
      problems.push(referenceProblem(file, row, undefined, 'reference.row', `expected ${header.length} fields, found ${cells.length}`));
      continue;
    }
    const tail = cells.slice(cells.length - FIELDS_AFTER_LABEL);
    const [yearText, unit1Code, unit1Name, unit2Code, unit2Name] = tail.map((cell) => cell.trim());
    const code = (cells[0] ?? '').trim();
    const label = cleanLabel(stripStrayQuotes(cells.slice(1, cells.length - FIELDS_AFTER_LABEL).join(',')));
    const year = Number(yearText);
    if (!/^\d{8}$/.test(code)) {
      problems.push(referenceProblem(file, row, header[0], 'reference.code', `code "${code}" is not 8 digits`));
    } else if (!Number.isInteger(year) || year < 1990 || year > 2100) {
      problems.push(referenceProblem(file, row, header[2], 'reference.year', `year "${yearText ?? ''}" is not a year`));
    } else if (!isUnitCode(unit1Code) || !unit1Name || unit1Name === '?') {
      problems.push(referenceProblem(file, row, header[3], 'reference.unit', `line ${code} has no first unit`));
    } else if (!(unit2Code === '?' || isUnitCode(unit2Code))) {
      problems.push(referenceProblem(file, row, header[5], 'reference.unit', `line ${code} has a malformed second unit code "${unit2Code ?? ''}"`));
    } else {
      const hasUnit2 = unit2Code !== '?';
      rows.push({
        code,
        label,
        year,
        unit1Code,
        unit1Name,
        unit2Code: hasUnit2 ? unit2Code : null,
        unit2Name: hasUnit2 && unit2Name && unit2Name !== '?' ? unit2Name : null,
      });
    }
  }
  throwIfProblems(problems);
  return rows;
}

function isUnitCode(code: string | undefined): code is string {
  return code !== undefined && /^\d{2}$/.test(code);
}

/** A description split by stray quotes keeps the opening and closing quote of the original field. */
function stripStrayQuotes(text: string): string {
  return text.startsWith('"') && text.endsWith('"') && text.length >= 2 ? text.slice(1, -1) : text;
}
