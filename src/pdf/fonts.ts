/**
 * The fonts every PDF is set in, shipped with the program from npm packages so a report looks the same on
 * any machine (a Docker image without fonts, a laptop with different ones: puppeteer#2230, #422) and so the
 * renderer never has to load anything: the files are inlined as data: URLs, because the printer blocks every
 * other request (RELIABILITY.md B3, B4).
 *
 * Why each package is here:
 *   @fontsource/noto-sans     Latin, Latin-extended, Greek, Cyrillic and Vietnamese: names of partners and
 *                             products, figures, the English narrative. ~13 kB a weight for Latin.
 *   @fontsource/noto-sans-sc  Simplified Chinese: region, partner and product names as GACC publishes them
 *                             (新疆维吾尔自治区, 哈萨克斯坦). Google splits the font into ~100 files by frequency of
 *                             use, each with its unicode-range; only the files that hold a character of the
 *                             document are inlined (a few hundred kB instead of 3.5 MB a weight). Chromium
 *                             then embeds only the glyphs it used, so the PDF stays small either way.
 * Both are OFL-1.1; Noto Sans SC is designed to match Noto Sans, so mixed-script lines look of a piece.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { codePointsOf, parseUnicodeRange, rangesMeet, type CodePointRange } from './unicode-range.js';

/** The CSS font-family list that uses the shipped fonts: Latin first, CJK for what Latin lacks. */
export const FONT_STACK = "'Noto Sans', 'Noto Sans SC', sans-serif";

/** The weights a report uses: body text and headings. */
export const DEFAULT_WEIGHTS: readonly number[] = [400, 700];

interface ShippedFamily {
  family: string;
  packageName: string;
  /** Which entries of the package's unicode.json this family is used for. */
  usesSubset: (subset: string) => boolean;
  /** The woff2 file of one subset and weight, as the package names it. */
  fileName: (subset: string, weight: number) => string;
}

const SHIPPED_FAMILIES: readonly ShippedFamily[] = [
  {
    family: 'Noto Sans',
    packageName: '@fontsource/noto-sans',
    usesSubset: () => true,
    fileName: (subset, weight) => `noto-sans-${subset}-${weight}-normal.woff2`,
  },
  {
    family: 'Noto Sans SC',
    packageName: '@fontsource/noto-sans-sc',
    // Only the numbered Chinese slices ("[42]"): its Latin, Cyrillic and Vietnamese copies duplicate Noto Sans.
    usesSubset: (subset) => /^\[\d+\]$/.test(subset),
    fileName: (subset, weight) => `noto-sans-sc-${subset.slice(1, -1)}-${weight}-normal.woff2`,
  },
];

/** One font file a document needs. */
export interface FontFile {
  family: string;
  weight: number;
  /** The unicode-range the file covers, as the package states it (copied to the @font-face rule). */
  unicodeRange: string;
  /** Absolute path of the woff2 file. */
  file: string;
}

/** A family's subsets as its package's unicode.json lists them: subset name -> unicode-range. */
export type SubsetRanges = Readonly<Record<string, string>>;

/**
 * Chooses the font files that cover the characters of `text`, for each weight, trying the families in order:
 * pure, so it is tested on a tiny literal manifest.
 * @example selectFontFiles('美国', [400], [{ family: 'Noto Sans SC', subsets: { '[7]': 'U+56fd,U+7f8e' }, fileFor: (s, w) => `/f/${s}-${w}.woff2` }])
 *   // [{ family: 'Noto Sans SC', weight: 400, unicodeRange: 'U+56fd,U+7f8e', file: '/f/[7]-400.woff2' }]
 */
export function selectFontFiles(
  text: string,
  weights: readonly number[],
  families: readonly { family: string; subsets: SubsetRanges; fileFor: (subset: string, weight: number) => string }[],
): FontFile[] {
  // Families are listed in font-stack order: a character an earlier family has is never drawn by a later one,
  // so it must not pull in a later family's file (Noto Sans SC repeats ASCII in one of its Chinese slices).
  let uncovered = codePointsOf(text);
  const selected: FontFile[] = [];
  for (const { family, subsets, fileFor } of families) {
    const familyRanges: CodePointRange[] = [];
    for (const [subset, unicodeRange] of Object.entries(subsets)) {
      const ranges = parseUnicodeRange(unicodeRange);
      familyRanges.push(...ranges);
      if (!rangesMeet(ranges, uncovered)) continue;
      for (const weight of weights) selected.push({ family, weight, unicodeRange, file: fileFor(subset, weight) });
    }
    uncovered = new Set([...uncovered].filter((codePoint) => !rangesMeet(familyRanges, new Set([codePoint]))));
  }
  return selected;
}

export interface FontFaceOptions {
  /** Every character the document (and its header and footer) will show; only the files covering them are inlined. */
  text: string;
  /** Font weights to include (default 400 and 700). */
  weights?: readonly number[];
}

/**
 * `@font-face` rules for the shipped fonts, each file inlined as a base64 woff2 data: URL, limited to the files
 * that cover the characters of `options.text`. Put them in the page's `<style>` and set `font-family: FONT_STACK`.
 * @example
 *   const css = fontFaceCss({ text: 'Xinjiang 新疆 exports to 美国' });
 *   const html = `<style>${css} body { font-family: ${FONT_STACK} }</style>…`;
 */
export function fontFaceCss(options: FontFaceOptions): string {
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const files = selectFontFiles(options.text, weights, shippedFamilies());
  return files
    .map(
      (font) =>
        `@font-face{font-family:'${font.family}';font-style:normal;font-weight:${font.weight};font-display:block;` +
        `src:url(data:font/woff2;base64,${base64Of(font.file)}) format('woff2');unicode-range:${font.unicodeRange}}`,
    )
    .join('\n');
}

const require = createRequire(import.meta.url);

let familiesCache: ReturnType<typeof loadShippedFamilies> | undefined;

function shippedFamilies(): ReturnType<typeof loadShippedFamilies> {
  familiesCache ??= loadShippedFamilies();
  return familiesCache;
}

function loadShippedFamilies() {
  return SHIPPED_FAMILIES.map((shipped) => {
    const manifest = require.resolve(`${shipped.packageName}/unicode.json`);
    const filesDir = path.join(path.dirname(manifest), 'files');
    const all = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, string>;
    const subsets = Object.fromEntries(Object.entries(all).filter(([subset]) => shipped.usesSubset(subset)));
    return {
      family: shipped.family,
      subsets,
      fileFor: (subset: string, weight: number) => path.join(filesDir, shipped.fileName(subset, weight)),
    };
  });
}

// A report run renders the same few files again and again (13 months of a backfill): encode each once.
const base64Cache = new Map<string, string>();

function base64Of(file: string): string {
  let encoded = base64Cache.get(file);
  if (encoded === undefined) {
    encoded = readFileSync(file).toString('base64');
    base64Cache.set(file, encoded);
  }
  return encoded;
}
