import { describe, expect, it } from 'vitest';
import { buildHs8 } from '../../../src/data/reference/build-hs8.js';
import type { Hs8ListRow } from '../../../src/data/reference/parse-hs8-list.js';

function row(code: string, label: string, year: number, unit1Name = '千克'): Hs8ListRow {
  return { code, label, year, unit1Code: '09', unit1Name, unit2Code: null, unit2Name: null };
}

describe('buildHs8()', () => {
  const hs8 = buildHs8([
    { zh: [row('95051000', '圣诞节用品', 2022)], en: [row('95051000', 'Articles for Christmas festivities', 2022, 'Kilogram')] },
    {
      zh: [row('95051000', '旧名', 2021), row('85176294', '只在2021年', 2021)],
      en: [row('85176294', 'Only in 2021', 2021, 'Kilogram')],
    },
  ]);

  it('takes a code from the newest list that has it', () => {
    expect(hs8.get('95051000')).toMatchObject({ labelZh: '圣诞节用品', labelEn: 'Articles for Christmas festivities', unit1: '千克', year: 2022 });
  });

  it('keeps a line that vanished from the newer list, marked with its year', () => {
    expect(hs8.get('85176294')).toMatchObject({ labelZh: '只在2021年', labelEn: 'Only in 2021', year: 2021 });
  });

  it('takes units from the Chinese list, as GACC exports print them', () => {
    expect(hs8.get('95051000')?.unit1).toBe('千克');
  });

  it('leaves the English label empty, not wrong, when the English list lacks the code', () => {
    const lines = buildHs8([{ zh: [row('98050000', '个人跨境电商商品', 2022)], en: [] }]);
    expect(lines.get('98050000')?.labelEn).toBe('');
  });
});
