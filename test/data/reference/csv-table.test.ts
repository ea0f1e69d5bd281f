import { describe, expect, it } from 'vitest';
import { cleanLabel, expectHeader, readCsvTable } from '../../../src/data/reference/csv-table.js';
import { DataError } from '../../../src/errors.js';

describe('readCsvTable()', () => {
  it('drops the empty column that GACC\'s trailing comma leaves', () => {
    const table = readCsvTable('"a","b",\n1,2,\n', 'x.csv');
    expect(table.header).toEqual(['a', 'b']);
    expect(table.rows).toEqual([{ row: 2, cells: ['1', '2'] }]);
  });

  it('keeps files without a trailing comma as they are, and strips a BOM', () => {
    const table = readCsvTable('\uFEFFcode,name\n65,Xinjiang\n', 'x.csv');
    expect(table.header).toEqual(['code', 'name']);
    expect(table.rows[0]?.cells).toEqual(['65', 'Xinjiang']);
  });

  it('numbers rows as a spreadsheet does, counting a quoted line break as one row', () => {
    const table = readCsvTable('a,b\n"x\ny",1\nz,2\n', 'x.csv');
    expect(table.rows.map((r) => r.row)).toEqual([2, 3]);
  });

  it('rejects an empty file with a DataError naming it', () => {
    expect(() => readCsvTable('', 'empty.csv')).toThrowError(DataError);
    expect(() => readCsvTable('', 'empty.csv')).toThrowError(/empty\.csv/);
  });
});

describe('expectHeader()', () => {
  it('names the file and both headers when they differ', () => {
    const table = readCsvTable('code,label\n1,x\n', 'wrong.csv');
    expect(() => expectHeader(table, ['code', 'name'], 'wrong.csv')).toThrowError(/wrong\.csv:1:.*"label"/);
  });
});

describe('cleanLabel()', () => {
  it('joins a label broken over lines and removes control characters', () => {
    expect(cleanLabel('\u0000Serbia and\n Montenegro ')).toBe('Serbia and Montenegro');
  });
});
