import { cleanLabel, expectHeader, readCsvTable, referenceProblem, throwIfProblems } from './csv-table.js';
import type { Problem } from '../../errors.js';

export const HS_LABELS_FILE = 'hs2022/harmonized-system.csv';

/**
 * English WCO labels of HS2022 chapters, headings and subheadings (2, 4 and 6 digits), from the datasets
 * copy of the nomenclature. The TOTAL row is not a code and is skipped.
 *
 * @example parseHsLabels('section,hscode,description,parent,level\nXX,950510,Christmas festivity articles,9505,6\n')
 *   // Map { '950510' => 'Christmas festivity articles' }
 */
export function parseHsLabels(text: string, file: string = HS_LABELS_FILE): Map<string, string> {
  const table = readCsvTable(text, file);
  expectHeader(table, ['section', 'hscode', 'description', 'parent', 'level'], file);
  const labels = new Map<string, string>();
  const problems: Problem[] = [];
  for (const { row, cells } of table.rows) {
    const code = (cells[1] ?? '').trim();
    if (code === 'TOTAL') continue;
    const level = Number(cells[4]);
    if (!/^(\d{2}|\d{4}|\d{6})$/.test(code) || level !== code.length) {
      problems.push(referenceProblem(file, row, 'hscode', 'reference.code', `"${code}" is not a 2-, 4- or 6-digit HS code of level ${cells[4] ?? ''}`));
      continue;
    }
    labels.set(code, cleanLabel(cells[2] ?? ''));
  }
  throwIfProblems(problems);
  return labels;
}
