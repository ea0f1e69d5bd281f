import { describe, expect, it } from 'vitest';
import { narrate } from '../../src/narrative/narrate.js';
import { statsValue } from '../../src/narrative/stats-path.js';
import { computeStats, type StatsBody } from '../../src/stats/compute-stats.js';
import type { NarrativeSentence } from '../../src/stats/types.js';
import { definition, record, tinyReference } from '../stats/tiny-reference.js';

const wording = { exporters: 'Xinjiang entities', region: 'the far-west region' };
const text = (sentences: NarrativeSentence[], id: string) => sentences.find((sentence) => sentence.id === id)?.text;

/** Three months: June small, July more (Christmas goods on top), August far more, then a September fall. */
function story(): ReturnType<typeof record>[] {
  return [
    record('2021-08', '502', '95051000', 1_000_000),
    record('2021-09', '502', '95051000', 3_000_000),
    record('2022-06', '502', '95051000', 1_000_000),
    record('2022-06', '145', '84713000', 90_000_000),
    record('2022-07', '502', '95051000', 2_000_000),
    record('2022-07', '502', '61159600', 500_000, { unit1: '双', qty1: 400_000, unit2: '千克', qty2: 1 }),
    record('2022-07', '145', '84713000', 90_000_000),
    record('2022-08', '502', '95051000', 4_800_000),
    record('2022-08', '502', '95030089', 2_500_000),
    record('2022-08', '502', '61159600', 1_600_000, { unit1: '双', qty1: 7_912_306, unit2: '千克', qty2: 1 }),
    record('2022-08', '502', '98050000', 3_786, { unit1: '千克', qty1: 30, unit2: '件', qty2: 45 }),
    record('2022-08', '145', '84713000', 90_000_000),
    record('2022-08', '146', '84713000', 1_000_000),
    record('2022-09', '502', '61159600', 1_600_000, { unit1: '双', qty1: 7_000_000, unit2: '千克', qty2: 1 }),
    record('2022-09', '502', '95051000', 1_500_000),
    record('2022-09', '145', '84713000', 90_000_000),
    record('2022-09', '146', '84713000', 9_000_000),
  ];
}

function statsFor(month: string, records = story()): StatsBody {
  return computeStats({ records, reference: tinyReference, report: definition(), month });
}

describe('narrate()', () => {
  const august = narrate(statsFor('2022-08'), wording);

  it('opens with the value and how high it is', () => {
    expect(text(august, 'headline-value')).toBe(
      'Xinjiang entities exported US$8.9 million worth of goods to the US in August, the highest in data going back to August 2021.',
    );
  });

  it('words the growth as the numbers say', () => {
    expect(text(august, 'headline-yoy')).toBe('It surged 790.4 per cent compared to a year earlier.');
    expect(text(august, 'headline-mom')).toBe(
      'Exports to the US rose for the second consecutive month, more than three times July and almost nine times June.',
    );
  });

  it('places the focus partner among all partners', () => {
    expect(text(august, 'partner-rank')).toBe(
      "The US remained the far-west region's second biggest trading partner in August, as in July, behind Kazakhstan.",
    );
  });

  it('names the top product, its run at the top and the runner-up', () => {
    expect(text(august, 'product-top')).toBe(
      'Christmas goods remained the top product exported to the US for three months in a row, worth US$4.8 million in August, followed by toys, totalling US$2.5 million.',
    );
  });

  it('tells counted goods by quantity and e-commerce by items', () => {
    expect(text(august, 'category-socks')).toBe(
      'Xinjiang entities also exported nearly 8 million pairs of socks to the US in August, worth US$1.6 million, the highest in data going back to August 2021.',
    );
    expect(text(august, 'ecommerce')).toBe('Xinjiang entities also exported 45 items to the US via e-commerce in August, worth US$3,786.');
  });

  it('reads differently a month later: the fall, the broken streak, a new top product', () => {
    const september = narrate(statsFor('2022-09'), wording);
    expect(text(september, 'headline-mom')).toBe('Exports to the US plunged 65.2 per cent from August, ending two consecutive monthly rises.');
    expect(text(september, 'product-top')).toBe('Socks replaced Christmas goods as the top product exported to the US, worth US$1.6 million in September.');
    expect(text(september, 'product-prev-top')).toBe(
      'Christmas goods, the top product for the previous three months, came second, at US$1.5 million.',
    );
    expect(text(september, 'partner-rank')).toBe(
      "The US slipped to the far-west region's third biggest trading partner in September, down from second in August, behind Kazakhstan and Kyrgyzstan.",
    );
  });

  it('says so plainly when there was no trade with the focus partner', () => {
    const records = [...story().filter((row) => !(row.month === '2022-09' && row.partner === '502'))];
    const september = narrate(statsFor('2022-09', records), wording);
    expect(text(september, 'headline-value')).toBe('Xinjiang entities exported no goods to the US in September, according to the customs data.');
    expect(text(september, 'partner-rank')).toBeUndefined();
    expect(september.map((sentence) => sentence.text).join(' ')).not.toMatch(/NaN|Infinity|null|undefined/);
  });

  it('writes imports as imports', () => {
    const imports = story().map((row) => ({ ...row, flow: 'import' as const }));
    const stats = computeStats({ records: imports, reference: tinyReference, report: definition({ flow: 'import' }), month: '2022-08' });
    expect(text(narrate(stats, { importers: 'Xinjiang entities' }), 'headline-value')).toMatch(/^Xinjiang entities imported US\$8\.9 million worth of goods from the US in August/);
  });

  it('lists for every sentence stats fields that exist', () => {
    for (const month of ['2022-07', '2022-08', '2022-09']) {
      const stats = statsFor(month);
      for (const sentence of narrate(stats, wording)) {
        expect(sentence.uses.length, sentence.id).toBeGreaterThan(0);
        for (const path of sentence.uses) expect(statsValue(stats, path), `${sentence.id}: ${path}`).not.toBeUndefined();
      }
    }
  });
});

describe('statsValue()', () => {
  it('reads dotted and indexed paths', () => {
    expect(statsValue({ partners: [{ rank: 1 }, { rank: 2 }] }, 'partners[1].rank')).toBe(2);
    expect(statsValue({ headline: { valueUsd: 5 } }, 'headline.valueUsd')).toBe(5);
    expect(statsValue({ headline: null }, 'headline.valueUsd')).toBeUndefined();
  });
});
