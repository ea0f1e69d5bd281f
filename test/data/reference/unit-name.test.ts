import { describe, expect, it } from 'vitest';
import { unitName } from '../../../src/data/reference/unit-name.js';
import { tinyReference } from './tiny-reference.js';

const reference = tinyReference();

describe('unitName()', () => {
  it('names a unit code in English and Chinese', () => {
    expect(unitName(reference, '02', 'en')).toBe('Pair');
    expect(unitName(reference, '02', 'zh')).toBe('双');
  });

  it('translates a Chinese unit name as GACC exports print it', () => {
    expect(unitName(reference, '双', 'en')).toBe('Pair');
    expect(unitName(reference, '件', 'en')).toBe('Number of item');
  });

  it('keeps a product-specific count name in Chinese', () => {
    expect(unitName(reference, '件', 'zh')).toBe('件');
  });

  it('returns an unknown unit unchanged', () => {
    expect(unitName(reference, '吨', 'en')).toBe('吨');
  });
});
