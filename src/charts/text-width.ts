/**
 * Text widths from the report font's own metrics, so Vega lays out axes and labels for the font the PDF really
 * uses. Without the canvas package Vega guesses 0.8 em per character, which reserves a third too much room for
 * every axis label and pushes value labels off their bars. The widths come from the Noto Sans files that the
 * @fontsource package ships (the same files the PDF embeds): WOFF 1.0, tables zlib-compressed, parsed here for
 * their advance widths (hmtx) and character map (cmap format 4).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';

/** Advance widths in em per code point, for one font face. */
export interface FontWidths {
  widthOf(codePoint: number): number | undefined;
}

function woffTables(woff: Buffer): Map<string, Buffer> {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 font');
  const tables = new Map<string, Buffer>();
  const count = woff.readUInt16BE(12);
  for (let index = 0; index < count; index++) {
    const entry = 44 + index * 20;
    const tag = woff.toString('latin1', entry, entry + 4);
    const offset = woff.readUInt32BE(entry + 4);
    const compressed = woff.readUInt32BE(entry + 8);
    const original = woff.readUInt32BE(entry + 12);
    const data = woff.subarray(offset, offset + compressed);
    tables.set(tag, compressed < original ? inflateSync(data) : data);
  }
  return tables;
}

/** Code point -> glyph id from the cmap's Windows Unicode BMP subtable (format 4). */
function cmapFormat4(cmap: Buffer): Map<number, number> {
  const glyphs = new Map<number, number>();
  const subtables = cmap.readUInt16BE(2);
  for (let index = 0; index < subtables; index++) {
    const record = 4 + index * 8;
    const platform = cmap.readUInt16BE(record);
    const encoding = cmap.readUInt16BE(record + 2);
    const offset = cmap.readUInt32BE(record + 4);
    if (platform !== 3 || encoding !== 1 || cmap.readUInt16BE(offset) !== 4) continue;
    const segments = cmap.readUInt16BE(offset + 6) / 2;
    const ends = offset + 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const rangeOffsets = deltas + segments * 2;
    for (let segment = 0; segment < segments; segment++) {
      const end = cmap.readUInt16BE(ends + segment * 2);
      const start = cmap.readUInt16BE(starts + segment * 2);
      const delta = cmap.readInt16BE(deltas + segment * 2);
      const rangeOffsetAt = rangeOffsets + segment * 2;
      const rangeOffset = cmap.readUInt16BE(rangeOffsetAt);
      for (let codePoint = start; codePoint <= end && codePoint !== 0xffff; codePoint++) {
        let glyph: number;
        if (rangeOffset === 0) glyph = (codePoint + delta) & 0xffff;
        else {
          const raw = cmap.readUInt16BE(rangeOffsetAt + rangeOffset + (codePoint - start) * 2);
          glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
        }
        if (glyph !== 0) glyphs.set(codePoint, glyph);
      }
    }
    return glyphs;
  }
  throw new Error('font has no Unicode BMP (3,1) format-4 cmap');
}

/**
 * Parses a WOFF 1.0 font's advance widths.
 * @example parseFontWidths(readFileSync('noto-sans-latin-400-normal.woff')).widthOf(0x41) // 0.639 ("A")
 */
export function parseFontWidths(woff: Buffer): FontWidths {
  const tables = woffTables(woff);
  const head = tables.get('head');
  const hhea = tables.get('hhea');
  const hmtx = tables.get('hmtx');
  const cmap = tables.get('cmap');
  if (!head || !hhea || !hmtx || !cmap) throw new Error('font lacks head, hhea, hmtx or cmap');
  const unitsPerEm = head.readUInt16BE(18);
  const metrics = hhea.readUInt16BE(34);
  const glyphs = cmapFormat4(cmap);
  const advance = (glyph: number): number => hmtx.readUInt16BE(Math.min(glyph, metrics - 1) * 4) / unitsPerEm;
  return { widthOf: (codePoint) => (glyphs.has(codePoint) ? advance(glyphs.get(codePoint) ?? 0) : undefined) };
}

/** Width of text in px at a font size; characters the font lacks count as 1 em (CJK) or 0.6 em. */
export function textWidth(font: FontWidths, text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    ems += font.widthOf(codePoint) ?? (codePoint >= 0x2e80 ? 1 : 0.6);
  }
  return ems * fontSize;
}

let cached: { regular: FontWidths; bold: FontWidths } | undefined;

/** The report font's regular and bold faces, read once from the @fontsource package. */
export function reportFontWidths(): { regular: FontWidths; bold: FontWidths } {
  if (cached === undefined) {
    const require = createRequire(import.meta.url);
    const file = (weight: number) => require.resolve(`@fontsource/noto-sans/files/noto-sans-latin-${weight}-normal.woff`);
    cached = { regular: parseFontWidths(readFileSync(file(400))), bold: parseFontWidths(readFileSync(file(700))) };
  }
  return cached;
}

/** Width in px of a label set in the report font. @example labelWidth('United States', 11) // ≈ 69 */
export function labelWidth(text: string, fontSize: number, options: { bold?: boolean } = {}): number {
  const fonts = reportFontWidths();
  return textWidth(options.bold ? fonts.bold : fonts.regular, text, fontSize);
}
