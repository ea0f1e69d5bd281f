import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultReferenceDir, loadReference } from '../../../src/data/reference/load-reference.js';
import { hsLabel } from '../../../src/data/reference/hs-label.js';
import { partnerName } from '../../../src/data/reference/partner-name.js';
import { unitName } from '../../../src/data/reference/unit-name.js';
import { DataError } from '../../../src/errors.js';

describe('loadReference() on the shipped data/reference/', () => {
  const reference = loadReference();

  it('finds the shipped folder from the module location', () => {
    expect(defaultReferenceDir()).toMatch(/data[/\\]reference$/);
  });

  it('has every code list at its expected size', () => {
    expect(reference.partners.size).toBe(243);
    expect(reference.regions.size).toBe(31);
    expect(reference.regimes.size).toBe(20);
    // 8,939 lines in 2022 plus the 2021 lines that vanished in 2022.
    expect(reference.hs8.size).toBeGreaterThan(8939);
    expect([...reference.hs8.values()].filter((line) => line.year === 2022)).toHaveLength(8939);
    expect([...reference.hsLabelsEn.keys()].filter((code) => code.length === 2)).toHaveLength(97);
    expect([...reference.hsLabelsEn.keys()].filter((code) => code.length === 6)).toHaveLength(5613);
  });

  it('maps GACC partner 502 to the US', () => {
    expect(reference.partners.get('502')).toMatchObject({ iso2: 'US', comtradeCode: '842', nameEn: 'United States', nameZh: '美国' });
    expect(partnerName(reference, '145', 'en')).toBe('Kazakhstan');
    expect(partnerName(reference, '110', 'en')).toBe('Hong Kong');
    expect(partnerName(reference, '344', 'en')).toBe('Russia');
  });

  it('names region 65 Xinjiang and regime 19 Border Trade in both languages', () => {
    expect(reference.regions.get('65')).toEqual({ code: '65', nameZh: '新疆维吾尔自治区', nameEn: 'Xinjiang' });
    expect(reference.regions.get('44')?.nameEn).toBe('Guangdong');
    expect(reference.regimes.get('19')).toEqual({ code: '19', nameZh: '边境小额贸易', nameEn: 'Border Trade' });
  });

  it('gives the article\'s lines their GACC units', () => {
    expect(reference.hs8.get('95051000')).toMatchObject({ unit1: '千克', unit2: null });
    expect(reference.hs8.get('61159600')).toMatchObject({ unit1: '双', unit1Code: '02' });
    expect(reference.hs8.get('98050000')).toMatchObject({ unit1: '千克', unit2: '件' });
    expect(reference.hs8.get('08134030')?.labelZh).toBe('红枣');
  });

  it('keeps the English labels of the tyre lines whose quotes are broken', () => {
    expect(reference.hs8.get('40117010')?.labelEn).toBe(
      'New rubber pneumatic tyres with "herring-bone", for agricultural/forestry vehicles and machines',
    );
    expect([...reference.hs8.values()].filter((line) => line.labelEn === '')).toHaveLength(0);
  });

  it('names units by their code, not the sometimes wrong English label', () => {
    expect(reference.units.get('09')).toMatchObject({ nameZh: '千克', nameEn: 'Kilogram' });
    expect(unitName(reference, '双', 'en')).toBe('Pair');
  });

  it('labels 950510 the WCO way', () => {
    expect(reference.hsLabelsEn.get('950510')).toBe('Christmas festivity articles');
    expect(hsLabel(reference, '950510', 'zh')).toBe('圣诞节用品');
  });

  it('loads the shipped categories with their caveats', () => {
    expect([...reference.categories.keys()]).toEqual(
      expect.arrayContaining(['apparel', 'toys', 'christmas', 'socks', 'cotton', 'tomatoes', 'polysilicon', 'red-dates', 'backpacks', 'wool-jumpers', 'cotton-wrap', 'ecommerce-b2c', 'machinery']),
    );
    expect(reference.categories.get('christmas')).toMatchObject({ label: 'Christmas goods', prefixes: ['950510'] });
    expect(reference.categories.get('red-dates')?.note).toMatch(/8 digits/);
  });

  it('has an HS8 line for every 8-digit category prefix', () => {
    for (const category of reference.categories.values()) {
      for (const prefix of category.prefixes.filter((p) => p.length === 8)) expect(reference.hs8.has(prefix), prefix).toBe(true);
    }
  });

  it('returns the same object on a second call (cached per folder)', () => {
    expect(loadReference()).toBe(reference);
    expect(loadReference(defaultReferenceDir())).toBe(reference);
  });
});

describe('loadReference() on a broken folder', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  function copyOfShipped(): string {
    const dir = mkdtempSync(join(tmpdir(), 'tradebrief-reference-'));
    dirs.push(dir);
    cpSync(defaultReferenceDir(), dir, { recursive: true });
    return dir;
  }

  it('names the missing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tradebrief-reference-empty-'));
    dirs.push(dir);
    expect(() => loadReference(dir)).toThrowError(DataError);
    expect(() => loadReference(dir)).toThrowError(/cannot read reference file/);
  });

  it('names the file and the problem when a category rule is invalid', () => {
    const dir = copyOfShipped();
    writeFileSync(join(dir, 'categories.json'), JSON.stringify({ categories: [{ id: 'x', label: 'x', prefixes: ['6'] }] }));
    expect(() => loadReference(dir)).toThrowError(/categories\.json.*prefixes\.0/);
  });
});
