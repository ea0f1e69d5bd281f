/**
 * Loads data/reference/ into the Reference object every stage consumes. The only I/O of this folder: each
 * file is read here and handed to a pure parseX(text) function, so the parsing is tested on small strings.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataError } from '../../errors.js';
import { buildHs8 } from './build-hs8.js';
import { collectUnits } from './collect-units.js';
import { CATEGORIES_FILE, parseCategories } from './parse-categories.js';
import { HS_LABELS_FILE, parseHsLabels } from './parse-hs-labels.js';
import { parseHs8List } from './parse-hs8-list.js';
import { PARTNERS_FILE, parsePartners } from './parse-partners.js';
import { REGIME_FILES, parseRegimes } from './parse-regimes.js';
import { REGION_FILES, parseRegions } from './parse-regions.js';
import type { Reference } from './types.js';

/** The HS8 lists, newest first: a code keeps the label and units of the newest list that has it. */
const HS8_FILES = [
  { zh: 'gacc/zh-hs8-2022.csv', en: 'gacc/en-hs8-2022.csv' },
  { zh: 'gacc/zh-hs8-2021.csv', en: 'gacc/en-hs8-2021.csv' },
] as const;

/**
 * The shipped folder, found from this module's own location so it works from src/ (tsx, vitest) and from
 * dist/ whatever the build's rootDir: walk up to the first ancestor holding data/reference/partners.csv.
 */
export function defaultReferenceDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'data', 'reference');
    if (existsSync(join(candidate, PARTNERS_FILE))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`data/reference/ not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

const cache = new Map<string, Reference>();

/**
 * Reads and validates every reference file of `dir` (default: the shipped data/reference/). Synchronous and
 * cached per directory: the files are a few MB and read once per process.
 *
 * @example
 *   const reference = loadReference();
 *   reference.partners.get('502')?.iso2 // 'US'
 *   reference.hs8.get('61159600')?.unit1 // '双'
 */
export function loadReference(dir: string = defaultReferenceDir()): Reference {
  const key = resolve(dir);
  const cached = cache.get(key);
  if (cached !== undefined) return cached;

  const read = (file: string): string => {
    const path = join(key, file);
    try {
      return readFileSync(path, 'utf8');
    } catch (error) {
      throw new DataError([
        { severity: 'error', file: path, rule: 'reference.missing', message: `cannot read reference file: ${(error as Error).message}` },
      ]);
    }
  };
  const at = (file: string): string => join(key, file);

  const hs8Years = HS8_FILES.map((files) => ({
    zh: parseHs8List(read(files.zh), 'zh', at(files.zh)),
    en: parseHs8List(read(files.en), 'en', at(files.en)),
  }));
  const reference: Reference = {
    partners: byCode(parsePartners(read(PARTNERS_FILE), at(PARTNERS_FILE))),
    regions: byCode(parseRegions(read(REGION_FILES.zh), read(REGION_FILES.en), { zh: at(REGION_FILES.zh), en: at(REGION_FILES.en) })),
    regimes: byCode(parseRegimes(read(REGIME_FILES.zh), read(REGIME_FILES.en), { zh: at(REGIME_FILES.zh), en: at(REGIME_FILES.en) })),
    units: collectUnits(
      hs8Years.flatMap((year) => year.zh),
      hs8Years.flatMap((year) => year.en),
    ),
    hs8: buildHs8(hs8Years),
    hsLabelsEn: parseHsLabels(read(HS_LABELS_FILE), at(HS_LABELS_FILE)),
    categories: new Map(parseCategories(read(CATEGORIES_FILE), at(CATEGORIES_FILE)).map((category) => [category.id, category])),
  };
  cache.set(key, reference);
  return reference;
}

function byCode<T extends { code: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.code, item]));
}
