import type { Hs8ListRow } from './parse-hs8-list.js';
import type { Hs8Line } from './types.js';

/** One year's HS8 list in both languages. */
export interface Hs8Year {
  zh: readonly Hs8ListRow[];
  en: readonly Hs8ListRow[];
}

/**
 * Merges the yearly HS8 lists, newest first, into one table by code. The Chinese list is the source of codes
 * and units (it parses cleanly); the English one only adds labels. A code found only in an older list is
 * kept with that year, so data from before a nomenclature change still validates.
 *
 * @example buildHs8([{ zh: rows2022Zh, en: rows2022En }, { zh: rows2021Zh, en: rows2021En }]).get('95051000')?.unit1 // '千克'
 */
export function buildHs8(yearsNewestFirst: readonly Hs8Year[]): Map<string, Hs8Line> {
  const lines = new Map<string, Hs8Line>();
  for (const { zh, en } of yearsNewestFirst) {
    const labelsEn = new Map(en.map((row) => [row.code, row.label]));
    for (const row of zh) {
      if (lines.has(row.code)) continue;
      lines.set(row.code, {
        code: row.code,
        labelZh: row.label,
        labelEn: labelsEn.get(row.code) ?? '',
        unit1: row.unit1Name,
        unit2: row.unit2Name,
        unit1Code: row.unit1Code,
        unit2Code: row.unit2Code,
        year: row.year,
      });
    }
  }
  return lines;
}
