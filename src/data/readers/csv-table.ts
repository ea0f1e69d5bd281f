import { parse } from 'csv-parse/sync';
import { splitSimpleCsv } from './split-simple-csv.js';
import { RULES } from '../validate/rule-ids.js';
import { problemAt } from '../validate/problem-list.js';
import type { Problem } from '../../errors.js';

/** One data row and where it sits: `row` is the spreadsheet row (header = 1), i.e. the CSV record number. */
export interface CsvRow {
  cells: string[];
  row: number;
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
  /** Set when the text could not be split into records at all (empty file, broken quoting). */
  problem: Problem | null;
}

/**
 * Splits CSV text into a header and data rows, RFC-4180 style: quoted fields, newlines inside quotes, CRLF,
 * a trailing comma on every line (GACC) and a leading BOM are all accepted. Blank lines are skipped but still
 * counted, so row numbers match what a spreadsheet shows.
 *
 * @example
 * parseCsvTable('"a","b",\r\n"1","x\ny",\r\n', 'f.csv')
 * // { header: ['a', 'b'], rows: [{ cells: ['1', 'x\ny', ''], row: 2 }], problem: null }
 */
export function parseCsvTable(text: string, file: string): CsvTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    return { header: [], rows: [], problem: problemAt('error', RULES.fileEmpty, { file }, 'the file is empty: expected a header and data rows') };
  }
  let records: string[][];
  try {
    records = splitSimpleCsv(body) ?? (parse(body, { relax_column_count: true }) as string[][]);
  } catch (error) {
    const parsed = (error as { records?: number }).records;
    const row = typeof parsed === 'number' ? parsed + 1 : undefined;
    const detail = error instanceof Error ? error.message : String(error);
    return { header: [], rows: [], problem: problemAt('error', RULES.csvMalformed, { file, ...(row === undefined ? {} : { row }) }, `the file is not valid CSV: ${detail}`) };
  }
  const [headerRecord = [], ...dataRecords] = records;
  const header = headerRecord.map((name) => name.trim());
  // GACC ends every line with a comma: the empty last column is not a column.
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  const rows: CsvRow[] = [];
  dataRecords.forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === '')) return;
    rows.push({ cells, row: index + 2 });
  });
  return { header, rows, problem: null };
}

/** Column name -> index, for the columns of interest. */
export function indexColumns(header: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((name, position) => {
    if (!index.has(name)) index.set(name, position);
  });
  return index;
}

/**
 * Only the header of CSV text (trimmed, trailing empty column dropped), for sniffing the format without
 * parsing the whole file; [] when there is none or the first record is not valid CSV.
 *
 * @example
 * readCsvHeader('"数据年月","美元",\n"202601","5",\n') // ['数据年月', '美元']
 */
export function readCsvHeader(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    const [first = []] = parse(body.slice(0, endOfFirstRecord(body)), { relax_column_count: true }) as string[][];
    const header = first.map((name) => name.trim());
    while (header.length > 0 && header[header.length - 1] === '') header.pop();
    return header;
  } catch {
    return [];
  }
}

/** Index just past the first record's line end (quotes respected), so sniffing a 30 MB file reads one line. */
function endOfFirstRecord(text: string): number {
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '"') quoted = !quoted;
    else if (char === '\n' && !quoted) return index + 1;
  }
  return text.length;
}
