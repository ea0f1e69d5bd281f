import { describe, expect, it } from 'vitest';
import { normalizeMonth, parseNumberCell, quantityWithUnit, textCell } from '../../../src/data/readers/cells.js';

describe('parseNumberCell()', () => {
  it('reads values with thousands separators as GACC writes them', () => {
    expect(parseNumberCell('2,709')).toEqual({ kind: 'number', value: 2709 });
    expect(parseNumberCell('10,261,740')).toEqual({ kind: 'number', value: 10261740 });
  });

  it('reads plain integers, decimals and exponents', () => {
    expect(parseNumberCell('447062632')).toEqual({ kind: 'number', value: 447062632 });
    expect(parseNumberCell(' 12.5 ')).toEqual({ kind: 'number', value: 12.5 });
    expect(parseNumberCell('1.2E+07')).toEqual({ kind: 'number', value: 12000000 });
  });

  it('rejects badly grouped separators such as "1,2,3" instead of reading 123', () => {
    expect(parseNumberCell('1,2,3')).toEqual({ kind: 'not-numeric' });
    expect(parseNumberCell('12,34')).toEqual({ kind: 'not-numeric' });
    expect(parseNumberCell('abc')).toEqual({ kind: 'not-numeric' });
  });

  it('tells NaN and Infinity apart from other garbage', () => {
    expect(parseNumberCell('NaN')).toEqual({ kind: 'not-finite' });
    expect(parseNumberCell('-Infinity')).toEqual({ kind: 'not-finite' });
    expect(parseNumberCell('1e999')).toEqual({ kind: 'not-finite' });
  });

  it('treats "?" and an empty cell as missing', () => {
    expect(parseNumberCell('?')).toEqual({ kind: 'missing' });
    expect(parseNumberCell('')).toEqual({ kind: 'missing' });
    expect(parseNumberCell(undefined)).toEqual({ kind: 'missing' });
  });

  it('keeps the sign of negative numbers for the validator to judge', () => {
    expect(parseNumberCell('-5')).toEqual({ kind: 'number', value: -5 });
  });

  it('stays fast on a long run of digits and commas', () => {
    const garbage = `${'1,'.repeat(50_000)}x`;
    const started = performance.now();
    expect(parseNumberCell(garbage)).toEqual({ kind: 'not-numeric' });
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('normalizeMonth()', () => {
  it('turns YYYYMM and YYYY-MM into YYYY-MM', () => {
    expect(normalizeMonth('202601')).toBe('2026-01');
    expect(normalizeMonth('2026-01')).toBe('2026-01');
  });

  it('leaves the range to the validator but rejects other shapes', () => {
    expect(normalizeMonth('202213')).toBe('2022-13');
    expect(normalizeMonth('2022-8')).toBeNull();
    expect(normalizeMonth('Aug 2022')).toBeNull();
  });
});

describe('textCell()', () => {
  it('trims and maps "?" to null', () => {
    expect(textCell(' 千克 ')).toBe('千克');
    expect(textCell('?')).toBeNull();
  });
});

describe('quantityWithUnit()', () => {
  it('reads GACC\'s "0" with unit "?" as no quantity at all', () => {
    expect(quantityWithUnit(0, null)).toEqual({ qty: null, unit: null });
  });

  it('keeps a zero quantity that has a unit (a small shipment rounded down)', () => {
    expect(quantityWithUnit(0, '千克')).toEqual({ qty: 0, unit: '千克' });
  });

  it('keeps a non-zero quantity without unit so the validator can report it', () => {
    expect(quantityWithUnit(5, null)).toEqual({ qty: 5, unit: null });
  });
});
