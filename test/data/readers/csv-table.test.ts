import { describe, expect, it } from 'vitest';
import { parseCsvTable, readCsvHeader } from '../../../src/data/readers/csv-table.js';

describe('parseCsvTable()', () => {
  it('drops the empty column made by GACC\'s trailing comma from the header', () => {
    const table = parseCsvTable('"数据年月","美元",\n"202601","2,709",\n', 'f.csv');
    expect(table.header).toEqual(['数据年月', '美元']);
    expect(table.rows).toEqual([{ cells: ['202601', '2,709', ''], row: 2 }]);
  });

  it('counts a record with a newline inside quotes as one spreadsheet row', () => {
    const table = parseCsvTable('"a","b",\n"玻利维亚\n","1",\n"x","2",\n', 'f.csv');
    expect(table.rows.map((row) => [row.cells[0], row.row])).toEqual([
      ['玻利维亚\n', 2],
      ['x', 3],
    ]);
  });

  it('accepts CRLF line ends', () => {
    const table = parseCsvTable('a,b\r\n1,2\r\n3,4\r\n', 'f.csv');
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('strips a leading BOM so the first column name matches', () => {
    expect(parseCsvTable('\uFEFFmonth,flow\n2022-08,export\n', 'f.csv').header).toEqual(['month', 'flow']);
  });

  it('skips blank lines but keeps the row numbers a spreadsheet shows', () => {
    const table = parseCsvTable('a\n1\n\n2\n', 'f.csv');
    expect(table.rows.map((row) => row.row)).toEqual([2, 4]);
  });

  it('reports an empty file', () => {
    expect(parseCsvTable('', 'f.csv').problem).toMatchObject({ rule: 'file.empty', file: 'f.csv', severity: 'error' });
  });

  it('reports an unclosed quote at the row where the broken record starts', () => {
    const { problem } = parseCsvTable('a,b\n1,2\n"x,2\n3,4\n', 'f.csv');
    expect(problem).toMatchObject({ rule: 'csv.malformed', file: 'f.csv', row: 3 });
  });
});

describe('readCsvHeader()', () => {
  it('reads only the header, even when a later row is broken', () => {
    expect(readCsvHeader('"数据年月","美元",\n"202601","2,709\n')).toEqual(['数据年月', '美元']);
  });
});
