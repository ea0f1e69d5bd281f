import { describe, expect, it } from 'vitest';
import { compareEditions, withArticle } from '../../src/narrative/compare-editions.js';
import type { StatsJson } from '../../src/stats/types.js';
import { tinyStats } from '../render/fixtures.js';

/** Edition 2 of the tiny month after the US rows were revised up by US$4.4 million. */
function revised(): StatsJson {
  const stats = tinyStats();
  const valueUsd = 61_203_412;
  return {
    ...stats,
    focusPartner: { ...stats.focusPartner, rank: 4 },
    headline: { ...stats.headline, valueUsd, yoyPct: 646.5, momPct: 144.6 },
    partners: stats.partners.map((partner) => (partner.code === '502' ? { ...partner, valueUsd, rank: 4 } : partner.code === '146' ? { ...partner, rank: 5 } : partner)),
    series: stats.series.map((point) => (point.month === '2022-08' ? { ...point, valueUsd } : point)),
    narrative: stats.narrative.map((sentence) =>
      sentence.id === 'headline-value' ? { ...sentence, text: 'Xinjiang entities exported US$61.2 million worth of goods to the US in August, the most in 10 months.' } : sentence,
    ),
  };
}

describe('compareEditions()', () => {
  it('lists nothing when the stats did not change', () => {
    expect(compareEditions(tinyStats(), tinyStats())).toEqual([]);
  });

  it('lists the headline, the ranks and the sentence that changed, labelled for a reader, with the raw values', () => {
    const changes = compareEditions(tinyStats(), revised());
    expect(changes.map((change) => change.key)).toEqual([
      'headline.valueUsd',
      'headline.yoyPct',
      'headline.momPct',
      'focusPartner.rank',
      'partners[146].rank',
      'narrative[headline-value]',
    ]);
    expect(changes[0]).toEqual({
      kind: 'figure',
      key: 'headline.valueUsd',
      field: 'Exports to the United States, August 2022',
      before: 'US$56.8 million',
      after: 'US$61.2 million',
      beforeValue: 56_803_412,
      afterValue: 61_203_412,
    });
    expect(changes[1]).toMatchObject({ field: 'Exports to the United States, August 2022, year on year', before: '+592.8 per cent', after: '+646.5 per cent' });
    expect(changes[3]).toMatchObject({ kind: 'rank', field: 'Rank of the United States among partners, August 2022', before: 'fifth', after: 'fourth', beforeValue: 5, afterValue: 4 });
    expect(changes[4]).toMatchObject({ field: 'Rank of Kyrgyzstan, August 2022', before: 'second', after: 'fifth' });
    expect(changes[5]).toMatchObject({ kind: 'sentence', field: 'Summary, sentence 1', after: expect.stringContaining('US$61.2 million') });
  });

  it('prints money to the dollar when the rounded figures would read the same', () => {
    const before = tinyStats();
    const after = tinyStats({ categories: before.categories.map((category) => (category.id === 'toys' ? { ...category, valueUsd: 2_497_630 } : category)) });
    expect(compareEditions(before, after)).toEqual([
      { kind: 'figure', key: 'categories[toys].valueUsd', field: 'Toys, August 2022', before: 'US$2,497,530', after: 'US$2,497,630', beforeValue: 2_497_530, afterValue: 2_497_630 },
    ]);
  });

  it('names a new top product, products and partners that appear or vanish, the national series and earlier months', () => {
    const before = tinyStats();
    const [christmas, toys] = before.products;
    if (christmas === undefined || toys === undefined) throw new Error('fixture');
    const after = tinyStats({
      products: [{ ...toys, rank: 1, valueUsd: 5_000_000 }],
      partners: before.partners.filter((partner) => partner.code !== '145'),
      national: before.national === null ? null : { ...before.national, valueUsd: 59_000_000_000, yoyPct: -4.9 },
      series: before.series.map((point) => (point.month === '2022-07' ? { ...point, valueUsd: 26_000_000 } : point)),
    });
    const byKey = new Map(compareEditions(before, after).map((change) => [change.key, change]));
    expect(byKey.get('products.top')).toMatchObject({ field: 'Top product, August 2022', before: 'Christmas goods (HS 950510)', after: 'Toys (HS 950300)', beforeValue: '950510', afterValue: '950300' });
    expect(byKey.get('products[950510].valueUsd')).toMatchObject({ before: 'US$4.8 million', after: 'not in the top 1', afterValue: null });
    expect(byKey.get('partners[145].valueUsd')).toMatchObject({ field: 'Exports to Kazakhstan, August 2022', after: 'none' });
    expect(byKey.get('partners[145].rank')).toMatchObject({ before: 'first', after: 'not ranked' });
    expect(byKey.get('national.valueUsd')).toMatchObject({ field: 'China exports to the United States, August 2022', before: 'US$59.7 billion', after: 'US$59 billion' });
    expect(byKey.get('national.yoyPct')).toMatchObject({ before: '-3.8 per cent', after: '-4.9 per cent' });
    expect(byKey.get('series[2022-07].valueUsd')).toMatchObject({ field: 'Exports to the United States, July 2022', before: 'US$25 million', after: 'US$26 million' });
  });

  it('says which sentences were added or removed', () => {
    const before = tinyStats();
    const after = tinyStats({ narrative: [...before.narrative.slice(1), { id: 'ecommerce', text: 'E-commerce: 45 items.', uses: [] }] });
    const sentences = compareEditions(before, after).filter((change) => change.kind === 'sentence');
    expect(sentences.map(({ key, before: was, after: now }) => [key, was, now])).toEqual([
      ['narrative[ecommerce]', 'none', 'E-commerce: 45 items.'],
      ['narrative[headline-value]', before.narrative[0]?.text, 'none'],
    ]);
  });
});

describe('withArticle()', () => {
  it('puts "the" before the names that take it', () => {
    expect(withArticle('United States')).toBe('the United States');
    expect(withArticle('Netherlands')).toBe('the Netherlands');
    expect(withArticle('Kazakhstan')).toBe('Kazakhstan');
  });
});
