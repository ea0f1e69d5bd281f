import { describe, expect, it } from 'vitest';
import { checkMonths, monthOf } from '../../../src/data/validate/check-months.js';
import { aRecord, originsFor } from '../helpers/tiny-reference.js';

const now = new Date('2026-02-10T00:00:00Z');

describe('checkMonths()', () => {
  it('accepts past months and the current month', () => {
    expect(checkMonths([aRecord({ month: '2022-08' }), aRecord({ month: '2026-02' })], originsFor(2), now)).toEqual([]);
  });

  it('reports month 13 and years before 1950 as out of range', () => {
    const problems = checkMonths([aRecord({ month: '2022-13' }), aRecord({ month: '1899-01' })], originsFor(2), now);
    expect(problems.map((problem) => [problem.rule, problem.row, problem.column])).toEqual([
      ['month.out-of-range', 2, 'month'],
      ['month.out-of-range', 3, 'month'],
    ]);
  });

  it('reports a month after the month of now', () => {
    const problems = checkMonths([aRecord({ month: '2026-03' })], originsFor(1), now);
    expect(problems).toEqual([expect.objectContaining({ rule: 'month.future', row: 2 })]);
  });
});

describe('monthOf()', () => {
  it('uses UTC so the month does not depend on the machine zone', () => {
    expect(monthOf(new Date('2026-01-31T23:30:00Z'))).toBe('2026-01');
  });
});
