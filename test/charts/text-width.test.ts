import { describe, expect, it } from 'vitest';
import { labelWidth, reportFontWidths } from '../../src/charts/text-width.js';

describe('reportFontWidths()', () => {
  it("reads Noto Sans advance widths from the shipped font: narrow i, wide W, bold wider than regular", () => {
    const { regular, bold } = reportFontWidths();
    const width = (face: typeof regular, char: string) => face.widthOf(char.codePointAt(0) ?? 0) ?? Number.NaN;
    expect(width(regular, 'i')).toBeLessThan(0.35);
    expect(width(regular, 'W')).toBeGreaterThan(0.8);
    expect(width(bold, 'a')).toBeGreaterThan(width(regular, 'a'));
    // Figures are tabular in Noto Sans: every digit has the same advance.
    expect(new Set([...'0123456789'].map((digit) => width(regular, digit))).size).toBe(1);
  });
});

describe('labelWidth()', () => {
  it('is far narrower than the 0.8 em per character Vega guesses without a canvas', () => {
    const text = 'United Arab Emirates';
    expect(labelWidth(text, 11)).toBeLessThan(0.65 * 11 * text.length);
    expect(labelWidth(text, 11)).toBeGreaterThan(0.4 * 11 * text.length);
  });

  it('counts a character the font lacks as a full em when it is CJK', () => {
    expect(labelWidth('新疆', 10)).toBe(20);
  });
});
