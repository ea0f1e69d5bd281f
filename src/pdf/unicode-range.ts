/**
 * CSS `unicode-range` values as data: the font packages describe each of their files by one, and the
 * printer ships only the files whose range meets a character the document uses.
 */

/** An inclusive range of code points. */
export interface CodePointRange {
  readonly first: number;
  readonly last: number;
}

/**
 * Parses a CSS unicode-range list (`U+0-FF,U+131,U+4E00-4E0F`). Wildcards (`U+4??`) are expanded to their range.
 * @example parseUnicodeRange('U+20-7E,U+4E00') // [{ first: 0x20, last: 0x7e }, { first: 0x4e00, last: 0x4e00 }]
 */
export function parseUnicodeRange(value: string): CodePointRange[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const match = /^U\+([0-9a-f?]{1,6})(?:-([0-9a-f]{1,6}))?$/i.exec(part);
      if (match === null) throw new Error(`not a unicode-range item: "${part}"`);
      const [, start = '', end] = match;
      if (start.includes('?')) {
        return { first: parseInt(start.replaceAll('?', '0'), 16), last: parseInt(start.replaceAll('?', 'f'), 16) };
      }
      const first = parseInt(start, 16);
      return { first, last: end === undefined ? first : parseInt(end, 16) };
    });
}

/**
 * True when any code point of `codePoints` falls in one of `ranges`.
 * @example rangesMeet(parseUnicodeRange('U+4E00-9FFF'), new Set([0x7586])) // true (疆)
 */
export function rangesMeet(ranges: readonly CodePointRange[], codePoints: ReadonlySet<number>): boolean {
  for (const codePoint of codePoints) {
    if (ranges.some((range) => codePoint >= range.first && codePoint <= range.last)) return true;
  }
  return false;
}

/** The distinct code points of a text. @example codePointsOf('美国美') // Set { 0x7f8e, 0x56fd } */
export function codePointsOf(text: string): Set<number> {
  const codePoints = new Set<number>();
  for (const character of text) codePoints.add(character.codePointAt(0) ?? 0);
  return codePoints;
}
