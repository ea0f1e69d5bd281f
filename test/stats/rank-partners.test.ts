import { describe, expect, it } from 'vitest';
import { rankPartners } from '../../src/stats/rank-partners.js';
import { tinyReference } from './tiny-reference.js';

const byMonth = (entries: Record<string, Record<string, number>>) =>
  new Map(Object.entries(entries).map(([month, values]) => [month, new Map(Object.entries(values))]));

describe('rankPartners()', () => {
  const data = byMonth({
    '2021-08': { '145': 50, '502': 10 },
    '2022-07': { '145': 60, '146': 30, '344': 20, '502': 5 },
    '2022-08': { '145': 60, '146': 20, '344': 20, '502': 40 },
  });
  const { partners, focus } = rankPartners({ byMonth: data, month: '2022-08', focusPartner: '502', reference: tinyReference, locale: 'en' });

  it('ranks all partners of the month with shares that add up, ties broken by code', () => {
    expect(partners.map((p) => [p.code, p.rank])).toEqual([['145', 1], ['502', 2], ['146', 3], ['344', 4]]);
    expect(partners.map((p) => p.sharePct)).toEqual([42.9, 28.6, 14.3, 14.3]);
  });

  it("gives last month's rank and a yoy that is null for a partner absent a year ago", () => {
    const us = partners.find((p) => p.code === '502');
    expect(us).toMatchObject({ prevRank: 4, yoyPct: 300, yearAgoValueUsd: 10 });
    expect(partners.find((p) => p.code === '146')).toMatchObject({ yearAgoValueUsd: 0, yoyPct: null });
  });

  it('says where the focus partner stands and who is above it', () => {
    expect(focus).toMatchObject({ code: '502', iso2: 'US', name: 'United States', rank: 2, prevRank: 4 });
    expect(focus.above.map((p) => p.name)).toEqual(['Kazakhstan']);
  });

  it('gives a partner new this month a null prevRank, and a missing previous month null values', () => {
    const fresh = rankPartners({ byMonth: byMonth({ '2022-07': { '145': 1 }, '2022-08': { '145': 1, '502': 2 } }), month: '2022-08', focusPartner: '502', reference: tinyReference, locale: 'en' });
    expect(fresh.focus).toMatchObject({ rank: 1, prevRank: null });
    expect(fresh.partners[0]).toMatchObject({ prevMonthValueUsd: 0, yearAgoValueUsd: null, yoyPct: null });
  });

  it('gives the focus partner a null rank and nobody above when it did not trade this month', () => {
    const none = rankPartners({ byMonth: byMonth({ '2022-08': { '145': 1 } }), month: '2022-08', focusPartner: '502', reference: tinyReference, locale: 'en' });
    expect(none.focus).toMatchObject({ rank: null, sharePct: null, above: [] });
  });

  it('names partners in Chinese for a zh report', () => {
    const zh = rankPartners({ byMonth: data, month: '2022-08', focusPartner: '502', reference: tinyReference, locale: 'zh' });
    expect(zh.focus.name).toBe('美国');
  });
});
