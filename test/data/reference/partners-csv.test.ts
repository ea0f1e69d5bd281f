import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFERENCE_DIR, buildPartners, renderPartnersCsv } from '../../../scripts/build-partners.js';
import { parsePartners } from '../../../src/data/reference/parse-partners.js';

const committed = readFileSync(join(REFERENCE_DIR, 'partners.csv'), 'utf8');

describe('data/reference/partners.csv', () => {
  it('is exactly what scripts/build-partners.ts produces (re-run the script after changing it)', () => {
    expect(renderPartnersCsv()).toBe(committed);
  });

  it.each([
    ['145', 'KZ', '398'],
    ['146', 'KG', '417'],
    ['147', 'TJ', '762'],
    ['148', 'TM', '795'],
    ['149', 'UZ', '860'],
    ['344', 'RU', '643'],
    ['502', 'US', '842'],
    ['110', 'HK', '344'],
    ['116', 'JP', '392'],
    ['305', 'FR', '251'],
    ['331', 'CH', '757'],
    ['111', 'IN', '699'],
    ['326', 'NO', '579'],
  ])('maps GACC %s to ISO %s and Comtrade %s', (code, iso2, comtradeCode) => {
    const partner = parsePartners(committed).find((p) => p.code === code);
    expect(partner).toMatchObject({ iso2, comtradeCode });
  });

  it('gives no ISO code to partners that are not countries', () => {
    const partners = new Map(parsePartners(committed).map((p) => [p.code, p]));
    for (const code of ['701', '702', '199', '999']) expect(partners.get(code)?.iso2, code).toBeNull();
  });

  it('never gives Monaco the Comtrade code 492, which Comtrade uses for "Europe EU, nes"', () => {
    expect(parsePartners(committed).find((p) => p.code === '325')).toMatchObject({ iso2: 'MC', comtradeCode: null });
  });
});

describe('buildPartners()', () => {
  it('matches English names with i18n-iso-countries and applies the override table', () => {
    const rows = buildPartners('code,en,comment\n145,Kazakhstan,\n119,Laos,\n702,UN and other international organizations,\n', 'code,zh\n145,哈萨克斯坦\n119,老挝\n702,联合国及机构和国际组织\n');
    expect(rows.map((r) => [r.code, r.iso2, r.comtradeCode])).toEqual([
      ['119', 'LA', '418'],
      ['145', 'KZ', '398'],
      ['702', null, null],
    ]);
  });

  it('fails when a code has no Chinese name', () => {
    expect(() => buildPartners('code,en,comment\n145,Kazakhstan,\n', 'code,zh\n')).toThrowError(/145/);
  });
});
