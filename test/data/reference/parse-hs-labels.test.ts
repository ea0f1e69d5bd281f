import { describe, expect, it } from 'vitest';
import { parseHsLabels } from '../../../src/data/reference/parse-hs-labels.js';

const HEADER = 'section,hscode,description,parent,level\n';

describe('parseHsLabels()', () => {
  it('reads chapter, heading and subheading labels and skips the TOTAL row', () => {
    const labels = parseHsLabels(
      `${HEADER}TOTAL,TOTAL,Total of all HS2022 commodities,,5\nXX,95,"Toys, games and sports requisites",TOTAL,2\nXX,950510,Christmas festivity articles,9505,6\n`,
    );
    expect([...labels]).toEqual([
      ['95', 'Toys, games and sports requisites'],
      ['950510', 'Christmas festivity articles'],
    ]);
  });

  it('keeps the leading zero of chapter 01', () => {
    expect(parseHsLabels(`${HEADER}I,01,Animals; live,TOTAL,2\n`).get('01')).toBe('Animals; live');
  });

  it('rejects a code whose length does not match its level', () => {
    expect(() => parseHsLabels(`${HEADER}I,0101,Horses,01,6\n`, 'hs.csv')).toThrowError(/hs\.csv:2/);
  });
});
