import { describe, expect, it } from 'vitest';
import { ProblemList } from '../../../src/data/validate/problem-list.js';

describe('ProblemList', () => {
  it('keeps problems up to the cap and counts the rest, errors included', () => {
    const list = new ProblemList(2);
    list.warning('a', { file: 'f' }, 'w');
    list.warning('a', { file: 'f' }, 'w');
    list.error('b', { file: 'f', row: 9, column: 'c' }, 'e');
    expect(list.items).toHaveLength(2);
    expect(list.truncated).toBe(true);
    expect(list.errors).toBe(1);
  });
});
