import { describe, expect, it } from 'vitest';
import { hsLabel } from '../../../src/data/reference/hs-label.js';
import { tinyReference } from './tiny-reference.js';

const reference = tinyReference();

describe('hsLabel()', () => {
  it('names an 8-digit line with its CN label in either language', () => {
    expect(hsLabel(reference, '61159600', 'en')).toBe('Other hosiery, of synthetic fibres');
    expect(hsLabel(reference, '61159600', 'zh')).toBe('合成纤维制其他袜');
  });

  it('names 2-, 4- and 6-digit codes with the WCO label in English', () => {
    expect(hsLabel(reference, '95', 'en')).toBe('Toys, games and sports requisites');
    expect(hsLabel(reference, '950510', 'en')).toBe('Christmas festivity articles');
  });

  it('uses the Chinese label of the only CN line under a prefix', () => {
    expect(hsLabel(reference, '950510', 'zh')).toBe('圣诞节用品');
    expect(hsLabel(reference, '611595', 'zh')).toBe('棉制其他袜');
  });

  it('falls back to the English label in Chinese when several lines share the prefix', () => {
    expect(hsLabel(reference, '6115', 'zh')).toBe('Panty hose, tights, stockings, socks and other hosiery');
  });

  it('names a China-only code with its single CN line when WCO has no label', () => {
    expect(hsLabel(reference, '980500', 'en')).toBe('Articles of B2C cross-border e-commerce');
  });

  it('returns the code itself when nothing is known', () => {
    expect(hsLabel(reference, '12345678', 'en')).toBe('12345678');
    expect(hsLabel(reference, '99', 'zh')).toBe('99');
  });
});
