import { describe, expect, it } from 'vitest';

import { fontFaceCss, selectFontFiles } from '../../src/pdf/fonts.js';

const tinyFamilies: Parameters<typeof selectFontFiles>[2] = [
  { family: 'Latin', subsets: { latin: 'U+0-FF', greek: 'U+370-3FF' }, fileFor: (subset: string, weight: number) => `/latin/${subset}-${weight}.woff2` },
  { family: 'CJK', subsets: { '[1]': 'U+7f8e,U+56fd', '[2]': 'U+7586', '[3]': 'U+20-7E' }, fileFor: (subset: string, weight: number) => `/cjk/${subset}-${weight}.woff2` },
];

describe('selectFontFiles()', () => {
  it('picks only the files holding a character of the text, for each weight', () => {
    expect(selectFontFiles('US 美国', [400, 700], tinyFamilies)).toEqual([
      { family: 'Latin', weight: 400, unicodeRange: 'U+0-FF', file: '/latin/latin-400.woff2' },
      { family: 'Latin', weight: 700, unicodeRange: 'U+0-FF', file: '/latin/latin-700.woff2' },
      { family: 'CJK', weight: 400, unicodeRange: 'U+7f8e,U+56fd', file: '/cjk/[1]-400.woff2' },
      { family: 'CJK', weight: 700, unicodeRange: 'U+7f8e,U+56fd', file: '/cjk/[1]-700.woff2' },
    ]);
  });

  it("does not pick a later family's file for characters an earlier family already has", () => {
    expect(selectFontFiles('US', [400], tinyFamilies).map((font) => font.family)).toEqual(['Latin']);
  });

  it('picks nothing for an empty text', () => {
    expect(selectFontFiles('', [400], tinyFamilies)).toEqual([]);
  });
});

describe('fontFaceCss()', () => {
  const rules = (css: string) => css.split('\n').filter((line) => line.startsWith('@font-face'));

  it('inlines Noto Sans for Latin text and no Chinese font', () => {
    const css = fontFaceCss({ text: 'Xinjiang exports to the US', weights: [400] });
    expect(rules(css)).toHaveLength(1);
    expect(css).toContain("font-family:'Noto Sans'");
    expect(css).toContain('src:url(data:font/woff2;base64,d09GMg'); // "wOF2", the woff2 signature
    expect(css).not.toContain('Noto Sans SC');
  });

  it('adds only the few Noto Sans SC slices that hold the Chinese characters used', () => {
    const css = fontFaceCss({ text: '新疆维吾尔自治区 美国 哈萨克斯坦', weights: [400] });
    const chinese = rules(css).filter((rule) => rule.includes("'Noto Sans SC'"));
    expect(chinese.length).toBeGreaterThan(0);
    expect(chinese.length).toBeLessThan(15); // of the package's ~100 slices
    expect(css.length).toBeLessThan(1_000_000);
  });

  it('doubles the files for two weights', () => {
    const one = rules(fontFaceCss({ text: 'Xinjiang 新疆', weights: [400] })).length;
    const two = rules(fontFaceCss({ text: 'Xinjiang 新疆', weights: [400, 700] })).length;
    expect(two).toBe(2 * one);
  });
});
