import { describe, expect, it } from 'vitest';
import { countMarks } from '../../src/charts/assert-has-marks.js';
import { describePartnerRanking } from '../../src/charts/partner-ranking-spec.js';
import { DEFAULT_THEME } from '../../src/charts/theme.js';
import { augustStats, statsWithFocusOutsideTop, statsWithoutFocusTrade } from './fixtures.js';
import { renderChart } from './render.js';
import { attribute, axisLabels, markItems, markTexts } from './svg-helpers.js';

const fills = (svg: string) => markItems(svg, 'rect').map((item) => attribute(item.tag, 'fill'));

describe('buildPartnerRankingSpec()', () => {
  it('draws one bar for each of the top 15 partners out of 18', async () => {
    expect(countMarks(await renderChart(augustStats(), 'partners')).rect).toBe(15);
  });

  it('draws as many bars as the report asks for (stats.topPartners from config top.partners)', async () => {
    expect(countMarks(await renderChart({ ...augustStats(), topPartners: 8 }, 'partners')).rect).toBe(8);
  });

  it('draws one bar per partner when there are fewer than 15', async () => {
    const stats = augustStats();
    const svg = await renderChart({ ...stats, partners: stats.partners.slice(0, 3) }, 'partners');
    expect(countMarks(svg).rect).toBe(3);
  });

  it('fills the focus partner bar, and only it, with the accent', async () => {
    const barFills = fills(await renderChart(augustStats(), 'partners'));
    expect(barFills[4]).toBe(DEFAULT_THEME.accent);
    expect(barFills.filter((fill) => fill === DEFAULT_THEME.accent)).toHaveLength(1);
  });

  it('orders bars by rank, largest on top, names on one axis and US$ amounts on the other', async () => {
    const [values, names] = axisLabels(await renderChart(augustStats(), 'partners'));
    expect(names?.slice(0, 5)).toEqual(['Kazakhstan', 'Kyrgyzstan', 'Uzbekistan', 'Russia', 'United States']);
    expect(values).toEqual(['0', 'US$200m', 'US$400m', 'US$600m']);
  });

  it("labels each bar with its value and last month's rank, or new", async () => {
    const stats = augustStats();
    stats.partners[2] = { ...stats.partners[2]!, prevRank: null };
    const texts = markTexts(await renderChart(stats, 'partners'));
    expect(texts).toContain('US$56.8m · prev 12th');
    expect(texts).toContain('US$130m · new');
    expect(texts).toHaveLength(15);
  });

  it('says where the focus partner stands when it is outside the top 15', async () => {
    const svg = await renderChart(statsWithFocusOutsideTop(), 'partners');
    expect(svg).toContain('Turkmenistan: 17th, US$13.2m (prev 16th)');
    expect(fills(svg)).not.toContain(DEFAULT_THEME.accent);
  });

  it('says the focus partner had no trade when it is missing from the month', async () => {
    const svg = await renderChart(statsWithoutFocusTrade(), 'partners');
    expect(svg).toContain('United States: no trade in August 2022');
    expect(countMarks(svg).rect).toBe(15);
  });
});

describe('describePartnerRanking()', () => {
  it('names the leader and the focus partner with their values and the rank change', () => {
    expect(describePartnerRanking(augustStats())).toBe(
      'Bar chart of the top 15 export markets of Xinjiang in August 2022: Kazakhstan leads with US$607 million, and the US ranks 5th with US$56.8 million (up from 12th).',
    );
  });
});
