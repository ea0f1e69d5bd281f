import { describe, expect, it } from 'vitest';
import { collectUnits } from '../../../src/data/reference/collect-units.js';
import type { Hs8ListRow } from '../../../src/data/reference/parse-hs8-list.js';

function row(code: string, unit1Code: string, unit1Name: string, unit2Code: string | null = null, unit2Name: string | null = null): Hs8ListRow {
  return { code, label: '', year: 2022, unit1Code, unit1Name, unit2Code, unit2Name };
}

describe('collectUnits()', () => {
  it('takes unit codes and names from both unit columns', () => {
    const units = collectUnits([row('61159600', '02', '双', '09', '千克')], [row('61159600', '02', 'Pair', '09', 'Kilogram')]);
    expect(units.get('02')).toMatchObject({ code: '02', nameZh: '双', nameEn: 'Pair' });
    expect(units.get('09')).toMatchObject({ code: '09', nameZh: '千克', nameEn: 'Kilogram' });
  });

  it('lets the code win over a mislabelled English line (majority of lines)', () => {
    const en = [row('1', '09', 'Kilogram'), row('2', '09', 'Kilogram'), row('3', '09', 'Metre')];
    expect(collectUnits([row('1', '09', '千克')], en).get('09')?.nameEn).toBe('Kilogram');
  });

  it('lists every Chinese name of a count unit, most frequent first', () => {
    const zh = [row('1', '01', '个'), row('2', '01', '台'), row('3', '01', '台'), row('4', '01', '件')];
    expect(collectUnits(zh, []).get('01')).toMatchObject({ nameZh: '台', namesZh: ['台', '个', '件'] });
  });
});
