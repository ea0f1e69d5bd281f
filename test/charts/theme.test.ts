import { describe, expect, it } from 'vitest';
import { DEFAULT_THEME, themeConfig } from '../../src/charts/theme.js';

/** WCAG relative luminance of a #rrggbb colour: what is left of it on a greyscale print. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('DEFAULT_THEME', () => {
  it('keeps the accent, grey and light grey apart by lightness, not by hue alone', () => {
    const [accent, grey, lightGrey] = [DEFAULT_THEME.accent, DEFAULT_THEME.grey, DEFAULT_THEME.lightGrey].map(luminance);
    expect(accent).toBeLessThan(0.2);
    expect(grey! - accent!).toBeGreaterThan(0.2);
    expect(lightGrey! - grey!).toBeGreaterThan(0.15);
  });

  it('sets the report font first in the font list, with fallbacks', () => {
    expect(themeConfig(DEFAULT_THEME).font).toMatch(/^"Noto Sans", .*sans-serif$/);
  });
});
