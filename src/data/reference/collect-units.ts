import type { Hs8ListRow } from './parse-hs8-list.js';
import type { Unit } from './types.js';

/**
 * The GACC unit table, read off the unit columns of the HS8 lists (GACC publishes no separate one). Each name
 * is the one most lines use under that code: the English lists mislabel a few lines (11 say "Metre" under
 * "09" = kilogram), and a majority vote lets the code win, as gacc/SOURCE.md advises.
 *
 * @example collectUnits([{ code: '61159600', label: '', year: 2022, unit1Code: '02', unit1Name: '双', unit2Code: '09', unit2Name: '千克' }], [])
 *   // Map { '02' => { code: '02', nameZh: '双', nameEn: '双', namesZh: ['双'] }, '09' => … }
 */
export function collectUnits(zhRows: readonly Hs8ListRow[], enRows: readonly Hs8ListRow[]): Map<string, Unit> {
  const zhNames = countNames(zhRows);
  const enNames = countNames(enRows);
  const units = new Map<string, Unit>();
  for (const code of [...zhNames.keys()].sort()) {
    const namesZh = byFrequency(zhNames.get(code) ?? new Map());
    const nameZh = namesZh[0] ?? code;
    const nameEn = byFrequency(enNames.get(code) ?? new Map())[0] ?? nameZh;
    units.set(code, { code, nameZh, nameEn, namesZh });
  }
  return units;
}

function countNames(rows: readonly Hs8ListRow[]): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  const add = (code: string | null, name: string | null): void => {
    if (code === null || name === null) return;
    const names = counts.get(code) ?? new Map<string, number>();
    names.set(name, (names.get(name) ?? 0) + 1);
    counts.set(code, names);
  };
  for (const row of rows) {
    add(row.unit1Code, row.unit1Name);
    add(row.unit2Code, row.unit2Name);
  }
  return counts;
}

/** Names by descending count; ties keep first-seen order (Map order) so the result is deterministic. */
function byFrequency(names: ReadonlyMap<string, number>): string[] {
  return [...names].sort((a, b) => b[1] - a[1]).map(([name]) => name);
}
