import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/data/decode.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const gb18030 = (text: string): Uint8Array => new Uint8Array(iconv.encode(text, 'gb18030'));

describe('decodeBytes()', () => {
  it('takes valid UTF-8 as UTF-8', () => {
    expect(decodeBytes(utf8('"美元",'))).toMatchObject({ text: '"美元",', encoding: 'utf8', hadBom: false, hasReplacementChars: false });
  });

  it('takes bytes that are not UTF-8 as GB18030 (the raw GACC download)', () => {
    expect(decodeBytes(gb18030('"贸易伙伴名称","美元",'))).toMatchObject({ text: '"贸易伙伴名称","美元",', encoding: 'gb18030' });
  });

  it('strips a UTF-8 BOM and says it was there', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('month')]);
    expect(decodeBytes(withBom)).toMatchObject({ text: 'month', encoding: 'utf8', hadBom: true });
  });

  it('flags replacement characters when GB18030 bytes are forced through UTF-8', () => {
    expect(decodeBytes(gb18030('美元'), 'utf8')).toMatchObject({ encoding: 'utf8', hasReplacementChars: true });
  });

  it('recognises a UTF-16 file by its BOM', () => {
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, 0x61, 0x00])).isUtf16).toBe(true);
  });
});
