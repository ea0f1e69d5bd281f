import { describe, expect, it } from 'vitest';
import { parseCategories } from '../../../src/data/reference/parse-categories.js';
import { DataError } from '../../../src/errors.js';

const file = (...categories: unknown[]): string => JSON.stringify({ categories });

describe('parseCategories()', () => {
  it('reads a category with prefixes, an exclusion and a note', () => {
    const [category] = parseCategories(file({ id: 'toys', label: 'toys', labelZh: '玩具', prefixes: ['9503'], exclude: ['950300'], note: 'n' }));
    expect(category).toEqual({ id: 'toys', label: 'toys', labelZh: '玩具', prefixes: ['9503'], exclude: ['950300'], note: 'n' });
  });

  it.each([
    ['a one-digit prefix', { id: 'x', label: 'x', prefixes: ['6'] }, /prefixes\.0/],
    ['a nine-digit prefix', { id: 'x', label: 'x', prefixes: ['950510001'] }, /prefixes\.0/],
    ['a numeric prefix (leading zeros lost)', { id: 'x', label: 'x', prefixes: [702] }, /prefixes\.0/],
    ['an id that is not kebab-case', { id: 'Red_Dates', label: 'x', prefixes: ['0813'] }, /kebab-case/],
    ['no prefix at all', { id: 'x', label: 'x', prefixes: [] }, /prefixes/],
    ['an exclusion outside the prefixes', { id: 'x', label: 'x', prefixes: ['61'], exclude: ['62'] }, /exclude\.0.*not inside/],
    ['an unknown field (a typo such as "prefix")', { id: 'x', label: 'x', prefixes: ['61'], prefix: ['62'] }, /prefix/],
  ])('rejects %s', (_what, category, message) => {
    expect(() => parseCategories(file(category), 'my-categories.json')).toThrowError(message);
    expect(() => parseCategories(file(category), 'my-categories.json')).toThrowError(DataError);
  });

  it('rejects two categories with the same id', () => {
    const socks = { id: 'socks', label: 'socks', prefixes: ['6115'] };
    expect(() => parseCategories(file(socks, socks))).toThrowError(/categories\.1\.id: id "socks" is used twice/);
  });

  it('names the file when it is not JSON', () => {
    expect(() => parseCategories('{', 'mine.json')).toThrowError(/mine\.json.*not valid JSON/);
  });
});
