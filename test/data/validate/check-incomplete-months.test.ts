import { describe, expect, it } from 'vitest';
import { checkIncompleteMonths, DEFAULT_INCOMPLETE_MONTH_RULE } from '../../../src/data/validate/check-incomplete-months.js';
import type { TradeRecord } from '../../../src/data/record.js';
import { aRecord } from '../helpers/tiny-reference.js';

/** One record per (month, partner) with the given value. */
function series(months: [string, number, string[]][]): { records: TradeRecord[]; origins: { file: string; row: number }[] } {
  const records = months.flatMap(([month, value, partners]) => partners.map((partner) => aRecord({ month, partner, valueUsd: value / partners.length })));
  return { records, origins: records.map((_, index) => ({ file: 'x.csv', row: index + 2 })) };
}

const PARTNERS = ['145', '146', '147', '148'];
const steady: [string, number, string[]][] = ['2022-01', '2022-02', '2022-03', '2022-04'].map((month) => [month, 100, PARTNERS]);

describe('checkIncompleteMonths()', () => {
  it('accepts a month in line with the previous ones', () => {
    const { records, origins } = series([...steady, ['2022-05', 90, PARTNERS]]);
    expect(checkIncompleteMonths(records, origins, DEFAULT_INCOMPLETE_MONTH_RULE)).toEqual([]);
  });

  it('flags a month whose total is below 30% of the median of the previous months', () => {
    const { records, origins } = series([...steady, ['2022-05', 20, PARTNERS]]);
    const problems = checkIncompleteMonths(records, origins, DEFAULT_INCOMPLETE_MONTH_RULE);
    expect(problems).toEqual([expect.objectContaining({ rule: 'month.incomplete', severity: 'error', file: 'x.csv' })]);
    expect(problems[0]?.message).toContain('2022-05 export total USD 20 is 20% of the median of the 4 previous months');
  });

  it('flags a month with far fewer partners even when the value looks fine', () => {
    const { records, origins } = series([...steady, ['2022-05', 100, ['145']]]);
    expect(checkIncompleteMonths(records, origins, DEFAULT_INCOMPLETE_MONTH_RULE)[0]?.message).toContain('has 1 partners against a median of 4');
  });

  it('can be made a warning', () => {
    const { records, origins } = series([...steady, ['2022-05', 20, PARTNERS]]);
    expect(checkIncompleteMonths(records, origins, { ...DEFAULT_INCOMPLETE_MONTH_RULE, severity: 'warning' })[0]?.severity).toBe('warning');
  });

  it('does not judge without three earlier months', () => {
    const { records, origins } = series([['2022-01', 100, PARTNERS], ['2022-02', 100, PARTNERS], ['2022-03', 1, PARTNERS]]);
    expect(checkIncompleteMonths(records, origins, DEFAULT_INCOMPLETE_MONTH_RULE)).toEqual([]);
  });

  it('only looks back lookbackMonths', () => {
    const { records, origins } = series([...steady, ['2024-05', 20, PARTNERS]]);
    expect(checkIncompleteMonths(records, origins, DEFAULT_INCOMPLETE_MONTH_RULE)).toEqual([]);
  });
});
