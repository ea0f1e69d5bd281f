import { describe, expect, it } from 'vitest';
import { fitMonth, leadersFor, placePartner, setGroup, spreadOver, verifyCalibration } from '../../../scripts/sample/calibrate.js';
import type { SampleRow } from '../../../scripts/sample/sample-row.js';

const row = (hsCode: string, valueUsd: number, partner = '502', usdPerUnit1 = 1, unit2PerUnit1 = 0): SampleRow => ({
  month: '2022-08', hsCode, partner, regime: '10', valueUsd, qty1: 0, qty2: 0, usdPerUnit1, unit2PerUnit1,
});
const total = (rows: SampleRow[]): number => rows.reduce((acc, r) => acc + r.valueUsd, 0);

describe('spreadOver()', () => {
  it('keeps the proportions and hits the total in whole dollars', () => {
    const rows = spreadOver([row('61091000', 100), row('62034200', 300)], 1000);
    expect(rows.map((r) => r.valueUsd)).toEqual([250, 750]);
  });

  it('keeps every HS6 line under the cap, whatever its weight', () => {
    const rows = spreadOver([row('61091000', 900), row('62034200', 50), row('84713000', 50)], 1000, 400);
    const [heavy, light1, light2] = rows.map((r) => r.valueUsd) as [number, number, number];
    expect(heavy).toBeLessThan(400);
    expect(heavy).toBeGreaterThan(360);
    expect(light1).toBeLessThan(400);
    expect(light2).toBeLessThan(400);
    expect(heavy + light1 + light2).toBe(1000);
  });

  it('derives quantities from the unit price', () => {
    const [socks] = spreadOver([row('61159600', 1, '502', 0.2, 0.04)], 1000);
    expect(socks).toMatchObject({ qty1: 5000, qty2: 200 });
  });
});

describe('setGroup()', () => {
  it('sets a value and a summed first quantity', () => {
    const rows = setGroup([row('61159500', 1, '502', 0.2, 0.04), row('61159600', 3, '502', 0.2, 0.04)], {
      id: 'socks', prefixes: ['6115'], valueUsd: 2000, qty1: 8000,
    });
    expect(total(rows)).toBe(2000);
    expect(rows.map((r) => r.qty1)).toEqual([2000, 6000]);
    expect(rows.map((r) => r.qty2)).toEqual([80, 240]);
  });

  it('sets a summed second quantity and the first one from it', () => {
    const [ecommerce] = setGroup([row('98050000', 10, '502', 150, 2)], {
      id: 'ecommerce', prefixes: ['98050000'], valueUsd: 3786, qty2: 45,
    });
    expect(ecommerce).toMatchObject({ valueUsd: 3786, qty2: 45, qty1: 23 });
  });
});

describe('fitMonth()', () => {
  it('fixes the named groups and spreads the rest of the total over the other rows', () => {
    const rows = fitMonth(
      [row('95051000', 10), row('95030089', 10), row('84713000', 10), row('85171300', 30)],
      { month: '2022-08', totalUsd: 10_000, groups: [{ id: 'christmas', prefixes: ['950510'], valueUsd: 4000 }] },
      [],
    );
    expect(total(rows)).toBe(10_000);
    expect(rows.find((r) => r.hsCode === '95051000')?.valueUsd).toBe(4000);
    expect(rows.find((r) => r.hsCode === '85171300')?.valueUsd).toBe(3600);
  });

  it('refuses groups that add up to more than the total', () => {
    expect(() =>
      fitMonth([row('95051000', 10), row('84713000', 10)], {
        month: '2022-08', totalUsd: 100, groups: [{ id: 'christmas', prefixes: ['950510'], valueUsd: 400 }],
      }, []),
    ).toThrow(/exceed/);
  });
});

describe('placePartner()', () => {
  const month = [row('84713000', 500, '145'), row('84713000', 300, '146'), row('84713000', 100, '149'), row('84713000', 200, '502')];

  it('lifts the partners that must be above the focus partner and cuts the others below it', () => {
    const placed = placePartner(month, '502', new Set(['145', '149']), 'seed');
    const valueOf = (partner: string): number => placed.find((r) => r.partner === partner)?.valueUsd ?? 0;
    expect(valueOf('145')).toBe(500);
    expect(valueOf('149')).toBeGreaterThan(200);
    expect(valueOf('146')).toBeLessThan(200);
    expect(valueOf('502')).toBe(200);
  });

  it('takes the current leaders when only a rank is given', () => {
    expect(leadersFor(month, '502', 3)).toEqual(new Set(['145', '146']));
  });
});

describe('verifyCalibration()', () => {
  it('throws, naming the month, when a target is missed', () => {
    expect(() => verifyCalibration([row('95051000', 100)])).toThrow(/2022-08: US total 100/);
  });
});
