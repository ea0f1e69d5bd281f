/**
 * The one CSV reader of the reference folder. The GACC code lists end every line with a comma (one extra
 * empty column), quote some fields and not others, and a few English descriptions carry stray `"` inside a
 * quoted field; csv-parse with relaxed quotes and column counts reads all of them, and the callers decide
 * what a short or long row means.
 */
import { parse } from 'csv-parse/sync';
import { DataError, type Problem } from '../../errors.js';

export interface CsvTable {
  header: string[];
  /** Data rows with their 1-based spreadsheet row (the header is row 1). */
  rows: { row: number; cells: string[] }[];
}

/**
 * Parses CSV text into a header and rows, dropping the empty column a trailing comma leaves.
 *
 * @example readCsvTable('"a","b",\n1,2,\n', 'x.csv') // { header: ['a','b'], rows: [{ row: 2, cells: ['1','2'] }] }
 */
export function readCsvTable(text: string, file: string): CsvTable {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch (error) {
    throw new DataError([referenceProblem(file, undefined, undefined, 'reference.csv', `not readable as CSV: ${String(error)}`)]);
  }
  const [rawHeader, ...body] = records;
  if (rawHeader === undefined) {
    throw new DataError([referenceProblem(file, 1, undefined, 'reference.empty', 'the file is empty; expected a header row')]);
  }
  const trailingComma = rawHeader.length > 1 && rawHeader[rawHeader.length - 1] === '';
  const header = trailingComma ? rawHeader.slice(0, -1) : rawHeader;
  const rows = body.map((cells, index) => ({
    row: index + 2,
    cells: trailingComma && cells.length > header.length && cells[cells.length - 1] === '' ? cells.slice(0, -1) : cells,
  }));
  return { header: header.map((name) => name.trim()), rows };
}

/** Throws a DataError naming the file when its header is not the expected one (a wrong file or a changed format). */
export function expectHeader(table: CsvTable, expected: readonly string[], file: string): void {
  const actual = table.header.slice(0, expected.length);
  if (actual.length !== expected.length || actual.some((name, i) => name !== expected[i])) {
    throw new DataError([
      referenceProblem(
        file,
        1,
        undefined,
        'reference.header',
        `unexpected header ${JSON.stringify(table.header)}; expected ${JSON.stringify(expected)}`,
      ),
    ]);
  }
}

/** A problem in a reference file (always an error: the reference data is what everything else is checked against). */
export function referenceProblem(
  file: string,
  row: number | undefined,
  column: string | undefined,
  rule: string,
  message: string,
): Problem {
  return {
    severity: 'error',
    file,
    ...(row === undefined ? {} : { row }),
    ...(column === undefined ? {} : { column }),
    rule,
    message,
  };
}

/** Throws the collected problems, if any, as one DataError. */
export function throwIfProblems(problems: readonly Problem[]): void {
  if (problems.length > 0) throw new DataError(problems);
}

/**
 * Labels in the GACC lists sometimes carry a line break from the source spreadsheet, and one hand-cleaned
 * name starts with a NUL byte; a label is one line of printable text.
 */
export function cleanLabel(text: string): string {
  return text.replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '').replace(/\s+/g, ' ').trim();
}
