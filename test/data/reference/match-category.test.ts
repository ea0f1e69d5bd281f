import { describe, expect, it } from 'vitest';
import { matchCategory } from '../../../src/data/reference/match-category.js';
import type { Category } from '../../../src/data/reference/types.js';

const apparel: Category = { id: 'apparel', label: 'apparel', prefixes: ['61', '62'] };
const festive: Category = { id: 'festive', label: 'festive', prefixes: ['9505'], exclude: ['950510'] };

describe('matchCategory()', () => {
  it('matches a code under any of the prefixes', () => {
    expect(matchCategory(apparel, '61159600')).toBe(true);
    expect(matchCategory(apparel, '6204')).toBe(true);
  });

  it('does not match a code under none of them', () => {
    expect(matchCategory(apparel, '63090000')).toBe(false);
  });

  it('does not match an excluded code even when a prefix matches', () => {
    expect(matchCategory(festive, '95051000')).toBe(false);
    expect(matchCategory(festive, '95059000')).toBe(true);
  });

  it('does not match a code coarser than the prefix, nor a missing code', () => {
    expect(matchCategory({ id: 'christmas', label: 'Christmas goods', prefixes: ['950510'] }, '9505')).toBe(false);
    expect(matchCategory(apparel, null)).toBe(false);
  });
});
