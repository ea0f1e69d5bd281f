import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

/** One 8-digit CN line as the GACC code list gives it (names and units exactly as GACC writes them). */
export interface CodeListLine {
  code: string;
  name: string;
  unit1Code: string;
  unit1: string;
  /** null when the line has no second unit (`?` in the list). */
  unit2Code: string | null;
  unit2: string | null;
}

/** The GACC code lists the sample is written with: real codes, real Chinese names. */
export interface CodeLists {
  hs8: ReadonlyMap<string, CodeListLine>;
  partners: ReadonlyMap<string, string>;
  regimes: ReadonlyMap<string, string>;
  regions: ReadonlyMap<string, string>;
}

/**
 * Reads the code lists under `referenceDir` (data/reference/gacc). Only HS8 lines that exist with the same
 * units in both the 2021 and 2022 lists are kept, so a 2020 or 2021 row never carries an HS2022-only code.
 *
 * @example
 *   const lists = readCodeLists('data/reference/gacc');
 *   lists.hs8.get('61159600')?.unit1; // "双"
 */
export function readCodeLists(referenceDir: string): CodeLists {
  const hs2022 = readHs8(join(referenceDir, 'zh-hs8-2022.csv'));
  const hs2021 = readHs8(join(referenceDir, 'zh-hs8-2021.csv'));
  const hs8 = new Map<string, CodeListLine>();
  for (const [code, line] of hs2022) {
    const before = hs2021.get(code);
    if (before && before.unit1Code === line.unit1Code && before.unit2Code === line.unit2Code) hs8.set(code, line);
  }
  return {
    hs8,
    partners: readPairs(join(referenceDir, 'zh-TradingPartner-cleaned-manually.csv')),
    regimes: readPairs(join(referenceDir, 'zh-CustomsRegime.csv')),
    regions: readPairs(join(referenceDir, 'china_customs_provinces.csv')),
  };
}

function readRows(path: string): string[][] {
  const rows: string[][] = parse(readFileSync(path, 'utf8'), { relax_column_count: true, bom: true });
  return rows.slice(1);
}

function readHs8(path: string): Map<string, CodeListLine> {
  const lines = new Map<string, CodeListLine>();
  for (const [code, name, , unit1Code, unit1, unit2Code, unit2] of readRows(path)) {
    // A few descriptions carry a line break inside the quotes; a generated file keeps one record per line.
    if (!code || !name || !unit1Code || !unit1 || name.includes('\n')) continue;
    const hasUnit2 = unit2Code !== undefined && unit2Code !== '?' && unit2 !== undefined && unit2 !== '?';
    lines.set(code, {
      code,
      name: name.trim(),
      unit1Code,
      unit1,
      unit2Code: hasUnit2 ? unit2Code : null,
      unit2: hasUnit2 ? unit2 : null,
    });
  }
  return lines;
}

function readPairs(path: string): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const [code, name] of readRows(path)) if (code && name) pairs.set(code.trim(), name.trim());
  return pairs;
}
