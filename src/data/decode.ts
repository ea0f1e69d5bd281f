/**
 * Bytes -> text for the CSV readers. GACC's "导出数据" button writes GB18030/GBK; Comtrade, canonical files and
 * files re-saved by hand are UTF-8, often with a BOM. Detection is deliberately simple and never silent:
 * a BOM or valid UTF-8 means UTF-8, anything else is decoded as GB18030, and a decoding that needed
 * replacement characters is reported as a wrong encoding rather than passed on as mojibake.
 */
export type TextEncodingName = 'utf8' | 'gb18030';
export type EncodingOption = TextEncodingName | 'auto';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** A UTF-8 byte order mark was present (and has been stripped). */
  hadBom: boolean;
  /** The decoder had to insert U+FFFD: the bytes are not in `encoding`. */
  hasReplacementChars: boolean;
  /** UTF-16 BOM: a spreadsheet "Unicode text" save, which none of the readers accept. */
  isUtf16: boolean;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
const REPLACEMENT_CHAR = '\uFFFD';

function startsWithUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}

function startsWithUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** The text when the bytes are valid UTF-8 (BOM stripped), else null. */
function decodeStrictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decodes a file's bytes. With `encoding: 'auto'` a UTF-8 BOM or valid UTF-8 gives utf8, else gb18030.
 *
 * @example
 * decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), 'auto') // { text: 'a', encoding: 'utf8', hadBom: true, … }
 */
export function decodeBytes(bytes: Uint8Array, encoding: EncodingOption = 'auto'): DecodedText {
  const hadBom = startsWithUtf8Bom(bytes);
  const isUtf16 = startsWithUtf16Bom(bytes);
  // In auto mode the strict UTF-8 attempt doubles as the decoding, so big files are decoded once.
  const strict = encoding === 'auto' ? decodeStrictUtf8(bytes) : null;
  const chosen: TextEncodingName = encoding !== 'auto' ? encoding : hadBom || strict !== null ? 'utf8' : 'gb18030';
  let text = strict;
  if (text === null) {
    // TextDecoder strips a UTF-8 BOM itself for utf-8; for gb18030 we cut it so the header still matches.
    const body = hadBom && chosen === 'gb18030' ? bytes.subarray(3) : bytes;
    text = new TextDecoder(chosen === 'utf8' ? 'utf-8' : 'gb18030').decode(body);
  }
  return { text, encoding: chosen, hadBom, hasReplacementChars: text.includes(REPLACEMENT_CHAR), isUtf16 };
}

/** The other encoding, used to tell "wrong encoding" apart from "unknown header". */
export function otherEncoding(encoding: TextEncodingName): TextEncodingName {
  return encoding === 'utf8' ? 'gb18030' : 'utf8';
}
