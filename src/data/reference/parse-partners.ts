import { cleanLabel, expectHeader, readCsvTable, referenceProblem, throwIfProblems } from './csv-table.js';
import type { Problem } from '../../errors.js';
import type { Partner } from './types.js';

export const PARTNERS_FILE = 'partners.csv';
export const PARTNER_COLUMNS = ['code', 'iso2', 'comtradeCode', 'nameEn', 'nameZh'] as const;

/**
 * Reads data/reference/partners.csv (built by scripts/build-partners.ts): one row per GACC partner code, with
 * its ISO alpha-2 and UN Comtrade code when it has one (empty otherwise).
 *
 * @example parsePartners('code,iso2,comtradeCode,nameEn,nameZh\n502,US,842,United States,美国\n')
 *   // [{ code: '502', iso2: 'US', comtradeCode: '842', nameEn: 'United States', nameZh: '美国' }]
 */
export function parsePartners(text: string, file: string = PARTNERS_FILE): Partner[] {
  const table = readCsvTable(text, file);
  expectHeader(table, PARTNER_COLUMNS, file);
  const partners: Partner[] = [];
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const { row, cells } of table.rows) {
    const [code = '', iso2 = '', comtradeCode = '', nameEn = '', nameZh = ''] = cells.map((cell) => cell.trim());
    if (!/^\d{3}$/.test(code)) {
      problems.push(referenceProblem(file, row, 'code', 'reference.code', `partner code "${code}" is not 3 digits`));
    } else if (seen.has(code)) {
      problems.push(referenceProblem(file, row, 'code', 'reference.duplicate', `partner code "${code}" appears twice`));
    } else if (iso2 !== '' && !/^[A-Z]{2}$/.test(iso2)) {
      problems.push(referenceProblem(file, row, 'iso2', 'reference.iso2', `"${iso2}" is not an ISO 3166-1 alpha-2 code`));
    } else if (comtradeCode !== '' && !/^\d{1,3}$/.test(comtradeCode)) {
      problems.push(referenceProblem(file, row, 'comtradeCode', 'reference.comtrade', `"${comtradeCode}" is not a Comtrade area code`));
    } else if (nameEn === '' || nameZh === '') {
      problems.push(referenceProblem(file, row, nameEn === '' ? 'nameEn' : 'nameZh', 'reference.name', `partner ${code} needs a name in both languages`));
    } else {
      seen.add(code);
      partners.push({
        code,
        iso2: iso2 === '' ? null : iso2,
        comtradeCode: comtradeCode === '' ? null : comtradeCode,
        nameEn: cleanLabel(nameEn),
        nameZh: cleanLabel(nameZh),
      });
    }
  }
  throwIfProblems(problems);
  return partners;
}
