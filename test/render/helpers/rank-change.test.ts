import { describe, expect, it } from 'vitest';

import { formatRankChange } from '../../../src/render/helpers/rank-change.js';
import { en } from '../../../src/render/messages/en.js';
import { zh } from '../../../src/render/messages/zh.js';

describe('formatRankChange()', () => {
  it.each([
    [5, 12, 'up from 12th'],
    [4, 3, 'down from 3rd'],
    [2, 2, 'unchanged'],
    [9, null, 'new'],
    [null, 3, '–'],
    [1, 21, 'up from 21st'],
  ])('writes rank %s after %s as "%s"', (rank, prevRank, expected) => {
    expect(formatRankChange(rank, prevRank, en)).toBe(expected);
  });

  it('speaks Chinese', () => {
    expect(formatRankChange(5, 12, zh)).toBe('较上月第12位上升');
    expect(formatRankChange(9, null, zh)).toBe('新上榜');
  });
});
