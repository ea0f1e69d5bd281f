import { describe, expect, it } from 'vitest';

import { buildView } from '../../src/render/build-view.js';
import { en } from '../../src/render/messages/en.js';
import type { PartnerStats } from '../../src/stats/types.js';
import { tinyChart, tinyInput, tinyStats } from './fixtures.js';

function partner(rank: number, code = String(100 + rank)): PartnerStats {
  return { code, iso2: null, name: `P${rank}`, valueUsd: 1000 - rank, sharePct: 1, rank, prevRank: rank, prevMonthValueUsd: null, yearAgoValueUsd: null, yoyPct: null };
}

describe('buildView()', () => {
  it('orders the sections trend, partners, categories, products, context and puts each chart in its own', () => {
    const view = buildView(tinyInput({ charts: [tinyChart('products'), tinyChart('focus-rank'), tinyChart('trend')] }), en);
    expect(view.sections.map((section) => section.id)).toEqual(['trend', 'partners', 'categories', 'products', 'context']);
    expect(view.sections.find((s) => s.id === 'partners')?.charts.map((c) => c.id)).toEqual(['focus-rank']);
    expect(view.sections.find((s) => s.id === 'products')?.charts.map((c) => c.id)).toEqual(['products']);
  });

  it('gives a chart it does not know a section of its own, after the others', () => {
    const view = buildView(tinyInput({ charts: [tinyChart('regimes', { title: 'Trade regimes' })] }), en);
    expect(view.sections.at(-1)).toMatchObject({ heading: 'Trade regimes', tablePartial: null });
  });

  it('leaves out the context section when there is neither e-commerce nor a national series', () => {
    const view = buildView(tinyInput({ stats: tinyStats({ ecommerce: null, national: null }) }), en);
    expect(view.sections.map((s) => s.id)).not.toContain('context');
  });

  it('lists the top partners and adds the focus partner below them when it ranks lower', () => {
    const partners = [...Array.from({ length: 20 }, (_, i) => partner(i + 1)).filter((p) => p.rank !== 18), partner(18, '502')];
    const view = buildView(tinyInput({ stats: tinyStats({ partners: partners.sort((a, b) => a.rank - b.rank) }) }), en);
    expect(view.partnerRows).toHaveLength(15 + 1);
    expect(view.partnerRows.at(-1)).toMatchObject({ code: '502', rank: 18, isFocus: true, afterGap: true });
    expect(view.partnerTopCount).toBe(15);
    expect(view.partnerCount).toBe(20);
  });

  it('shows as many partners as the report asks for (config top.partners, carried in stats.topPartners)', () => {
    const partners = Array.from({ length: 20 }, (_, i) => partner(i + 1));
    const view = buildView(tinyInput({ stats: tinyStats({ partners, topPartners: 8 }) }), en);
    expect(view.partnerTopCount).toBe(8);
    expect(view.partnerRows.filter((row) => !row.afterGap)).toHaveLength(8);
  });

  it('marks the focus partner in place when it is in the top list', () => {
    const view = buildView(tinyInput(), en);
    expect(view.partnerRows.filter((row) => row.isFocus).map((row) => row.rank)).toEqual([5]);
    expect(view.partnerRows.some((row) => row.afterGap)).toBe(false);
  });

  it('groups consecutive sentences of one topic into a paragraph, keeping their order', () => {
    const view = buildView(tinyInput(), en);
    expect(view.narrative.map((p) => p.sentences.map((s) => s.id))).toEqual([
      ['headline-value', 'headline-yoy'], ['partner-rank'], ['product-top'],
    ]);
  });

  it('lists the trend months latest first, with the same month a year earlier, skipping months outside the data', () => {
    const view = buildView(tinyInput(), en);
    expect(view.trendRows.map((row) => row.month)).toEqual(['2022-08', '2022-07', '2022-06', '2021-09', '2021-08']);
    expect(view.trendRows[0]).toMatchObject({ valueUsd: 56_803_412, yearEarlierUsd: 8_199_108, isCurrent: true });
    expect(view.trendRows[3]).toMatchObject({ valueUsd: null, isCurrent: false });
  });

  it('hides the "highest in N months" figure when the month is not a high', () => {
    const stats = tinyStats();
    const view = buildView(tinyInput({ stats: { ...stats, headline: { ...stats.headline, highestInMonths: 1, highestSince: '2022-07' } } }), en);
    expect(view.cover.showHighest).toBe(false);
  });

  it('shows the corrected-edition box only when a change list is given', () => {
    expect(buildView(tinyInput(), en).hasChanges).toBe(false);
    expect(buildView(tinyInput({ changes: [] }), en).hasChanges).toBe(true);
  });
});
