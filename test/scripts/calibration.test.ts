import { beforeAll, describe, expect, it } from 'vitest';
import { readAllGaccRows, readComtrade, type GaccRow } from './sample-files.js';

// Independent of the generator: sums over the committed files in plain loops.
let rows: GaccRow[] = [];
beforeAll(() => {
  rows = readAllGaccRows();
});

const US = '502';
const months = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let y = Number(from.slice(0, 4)), m = Number(from.slice(4)); ; m++) {
    if (m > 12) [y, m] = [y + 1, 1];
    const key = `${y}${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key === to) return out;
  }
};

function sum(filter: (row: GaccRow) => boolean, field: 'valueUsd' | 'qty1' | 'qty2' = 'valueUsd'): number {
  let total = 0;
  for (const row of rows) if (filter(row)) total += row[field];
  return total;
}
const usValue = (month: string): number => sum((r) => r.month === month && r.partner === US && r.region === '65');
const usPrefix = (month: string, prefixes: string[]): number =>
  sum((r) => r.month === month && r.partner === US && prefixes.some((p) => r.hsCode.startsWith(p)));

function partnerRanking(month: string): string[] {
  const totals = new Map<string, number>();
  for (const row of rows) if (row.month === month) totals.set(row.partner, (totals.get(row.partner) ?? 0) + row.valueUsd);
  return [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code]) => code);
}

function usHs6Ranking(month: string): Array<[string, number]> {
  const totals = new Map<string, number>();
  for (const row of rows) {
    if (row.month !== month || row.partner !== US) continue;
    const hs6 = row.hsCode.slice(0, 6);
    totals.set(hs6, (totals.get(hs6) ?? 0) + row.valueUsd);
  }
  return [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

describe('the sample reproduces the published Xinjiang → US figures', () => {
  it('has US$56.8 million in August 2022, +592.8 % on August 2021', () => {
    const aug = usValue('202208');
    expect(aug).toBeGreaterThanOrEqual(56_750_000);
    expect(aug).toBeLessThanOrEqual(56_850_000);
    const yoyPct = (aug / usValue('202108') - 1) * 100;
    expect(yoyPct).toBeGreaterThanOrEqual(592.75);
    expect(yoyPct).toBeLessThanOrEqual(592.85);
  });

  it('makes August 2022 the highest in 10 months (October 2021 higher, November–July lower)', () => {
    const aug = usValue('202208');
    expect(usValue('202110')).toBeGreaterThan(aug);
    for (const month of months('202111', '202207')) expect(usValue(month), month).toBeLessThan(aug);
  });

  it('has August more than double July and almost seven times June, after a second monthly rise', () => {
    const [may, jun, jul, aug] = ['202205', '202206', '202207', '202208'].map(usValue) as [number, number, number, number];
    expect(aug / jul).toBeGreaterThanOrEqual(2.0);
    expect(aug / jul).toBeLessThanOrEqual(2.5);
    expect(aug / jun).toBeGreaterThanOrEqual(6.7);
    expect(aug / jun).toBeLessThanOrEqual(6.97);
    expect(jul).toBeGreaterThan(jun);
    expect(jun).toBeLessThan(may);
  });

  it('ranks the US 5th in August 2022 behind three Central Asian states and Russia, 12th in July', () => {
    const aug = partnerRanking('202208');
    expect(aug.indexOf(US) + 1).toBe(5);
    const ahead = aug.slice(0, 4);
    expect(ahead).toEqual(expect.arrayContaining(['145', '146', '344']));
    expect(['149', '147']).toContain(ahead.find((code) => !['145', '146', '344'].includes(code)));
    expect(partnerRanking('202207').indexOf(US) + 1).toBe(12);
  });

  it('has Christmas goods on top in August for the second month running, then toys', () => {
    const aug = usHs6Ranking('202208');
    expect(aug[0]?.[0]).toBe('950510');
    expect(aug[0]?.[1]).toBeGreaterThanOrEqual(4_750_000);
    expect(aug[0]?.[1]).toBeLessThanOrEqual(4_850_000);
    expect(aug[1]?.[0]).toBe('950300');
    expect(aug[1]?.[1]).toBeGreaterThanOrEqual(2_450_000);
    expect(aug[1]?.[1]).toBeLessThanOrEqual(2_550_000);
    for (const [hs6, value] of aug.slice(2)) expect(value, hs6).toBeLessThan(2_450_000);
    expect(usHs6Ranking('202207')[0]?.[0]).toBe('950510');
    expect(usHs6Ranking('202206')[0]?.[0]).not.toBe('950510');
  });

  it('has apparel just over US$9 million in August 2022, the highest since October 2020', () => {
    const apparel = (month: string): number => usPrefix(month, ['61', '62']);
    const aug = apparel('202208');
    expect(aug).toBeGreaterThanOrEqual(9_000_000);
    expect(aug).toBeLessThanOrEqual(9_100_000);
    expect(apparel('202010')).toBeGreaterThan(aug);
    for (const month of months('202011', '202207')) expect(apparel(month), month).toBeLessThan(aug);
  });

  it('counts nearly 8 million pairs of socks in August 2022', () => {
    const socks = (r: GaccRow): boolean => r.month === '202208' && r.partner === US && r.hsCode.startsWith('6115');
    expect(rows.filter(socks).every((r) => r.unit1 === '双')).toBe(true);
    const pairs = sum(socks, 'qty1');
    expect(pairs).toBeGreaterThanOrEqual(7_800_000);
    expect(pairs).toBeLessThanOrEqual(7_990_000);
  });

  it('has 45 e-commerce items worth US$3,786 in August 2022', () => {
    const ecommerce = (r: GaccRow): boolean => r.month === '202208' && r.partner === US && r.hsCode === '98050000';
    expect(rows.filter(ecommerce).every((r) => r.unit2 === '件')).toBe(true);
    expect(sum(ecommerce, 'qty2')).toBe(45);
    expect(sum(ecommerce)).toBe(3786);
  });

  it('has US$21.05 million in September 2022, led by synthetic socks then Christmas goods', () => {
    const sep = usValue('202209');
    expect(sep).toBeGreaterThanOrEqual(21_045_000);
    expect(sep).toBeLessThanOrEqual(21_055_000);
    expect(sep).toBeLessThan(usValue('202208'));
    const ranking = usHs6Ranking('202209');
    expect(ranking[0]?.[0]).toBe('611596');
    expect(ranking[0]?.[1]).toBeGreaterThanOrEqual(1_555_000);
    expect(ranking[0]?.[1]).toBeLessThanOrEqual(1_565_000);
    const pairs = sum((r) => r.month === '202209' && r.partner === US && r.hsCode.startsWith('611596'), 'qty1');
    expect(pairs).toBeGreaterThanOrEqual(7_800_000);
    expect(pairs).toBeLessThanOrEqual(8_200_000);
    expect(ranking[1]?.[0]).toBe('950510');
    expect(ranking[1]?.[1]).toBeGreaterThanOrEqual(1_505_000);
    expect(ranking[1]?.[1]).toBeLessThanOrEqual(1_515_000);
    for (const [hs6, value] of ranking.slice(2)) expect(value, hs6).toBeLessThan(1_500_000);
  });
});

describe('the national series', () => {
  const byPeriod = new Map<string, number>();
  beforeAll(() => {
    for (const record of readComtrade()) byPeriod.set(record.period ?? '', Number(record.primaryValue));
  });
  const yoyPct = (period: string): number => {
    const yearAgo = `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
    return ((byPeriod.get(period) ?? NaN) / (byPeriod.get(yearAgo) ?? NaN) - 1) * 100;
  };

  it('falls 3.8 % year on year in August 2022, the first fall since May 2020', () => {
    expect(yoyPct('202208')).toBeGreaterThanOrEqual(-3.85);
    expect(yoyPct('202208')).toBeLessThanOrEqual(-3.75);
    expect(yoyPct('202005')).toBeLessThan(0);
    for (const period of months('202006', '202207')) expect(yoyPct(period), period).toBeGreaterThan(0);
  });

  it('covers January 2019 to September 2022 at US$20–65 billion a month', () => {
    expect([...byPeriod.keys()]).toEqual(months('201901', '202209'));
    for (const [period, value] of byPeriod) {
      expect(value, period).toBeGreaterThan(20e9);
      expect(value, period).toBeLessThan(65e9);
    }
  });
});

describe('the rest of the sample is plausible', () => {
  const allMonths = months('202001', '202209');

  it('has Kazakhstan as Xinjiang’s top partner in most months', () => {
    const kazakhstanFirst = allMonths.filter((month) => partnerRanking(month)[0] === '145').length;
    expect(kazakhstanFirst).toBeGreaterThanOrEqual(Math.ceil((allMonths.length * 2) / 3));
  });

  it('keeps Xinjiang’s monthly exports around US$1–2.5 billion, with 60–120 partners', () => {
    const totals = allMonths.map((month) => sum((r) => r.month === month));
    for (const [index, total] of totals.entries()) {
      expect(total, allMonths[index]).toBeGreaterThan(0.5e9);
      expect(total, allMonths[index]).toBeLessThan(2.5e9);
    }
    expect([...totals].sort((a, b) => a - b)[Math.floor(totals.length / 2)]).toBeGreaterThan(1e9);
    for (const month of allMonths) {
      const partners = partnerRanking(month).length;
      expect(partners, month).toBeGreaterThanOrEqual(60);
      expect(partners, month).toBeLessThanOrEqual(120);
    }
  });

  it('puts the US peak of October 2021 at US$60–70 million', () => {
    expect(usValue('202110')).toBeGreaterThan(60e6);
    expect(usValue('202110')).toBeLessThan(70e6);
  });

  it('ships Christmas goods mostly June to October', () => {
    const christmas = (mm: string): number =>
      sum((r) => r.month.endsWith(mm) && r.hsCode.startsWith('950510'));
    const season = ['06', '07', '08', '09', '10'].reduce((acc, mm) => acc + christmas(mm), 0) / 5;
    const offSeason = ['01', '02', '03', '04'].reduce((acc, mm) => acc + christmas(mm), 0) / 4;
    expect(season).toBeGreaterThan(3 * offSeason);
  });

  it('has the Kazakhstan basket (tomatoes, cotton, apparel, polysilicon, machinery) every month', () => {
    const basket = { tomatoes: ['0702', '2002'], cotton: ['52'], apparel: ['61', '62'], polysilicon: ['28046190'], machinery: ['84'] };
    for (const month of allMonths) {
      for (const [category, prefixes] of Object.entries(basket)) {
        const value = sum((r) => r.month === month && r.partner === '145' && prefixes.some((p) => r.hsCode.startsWith(p)));
        expect(value, `${month} ${category}`).toBeGreaterThan(0);
      }
    }
  });

  it('mostly trades with Central Asia and Russia under border trade, and with the US under ordinary trade', () => {
    const share = (partners: string[], regime: string): number =>
      sum((r) => partners.includes(r.partner) && r.regime === regime) / sum((r) => partners.includes(r.partner));
    expect(share(['145', '146', '147', '148', '149', '344'], '19')).toBeGreaterThan(0.6);
    expect(share([US], '10')).toBeGreaterThan(0.6);
  });
});
