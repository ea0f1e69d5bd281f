/**
 * A fast path for the CSV most data files are: one record per line, every field either quoted with no quote
 * inside ("202208","95051000",…, GACC's layout with its trailing comma) or unquoted without quotes. It gives
 * exactly the records csv-parse would (trailing empty field, a blank line as [""], CRLF or LF) and returns null
 * for anything else (a newline or doubled quote inside a field, mixed line ends, malformed quoting), so the
 * caller falls back to csv-parse, which then also reports any error. About 2× faster than csv-parse on a GACC
 * export of a million rows.
 */

/**
 * @example splitSimpleCsv('"a","b",\n"1","2",\n') // [['a', 'b', ''], ['1', '2', '']]
 * @example splitSimpleCsv('"a\nb"\n') // null (a newline inside a field: use csv-parse)
 */
export function splitSimpleCsv(text: string): string[][] | null {
  let lineBreak = '\n';
  if (text.includes('\r')) {
    // Only consistent CRLF; a lone CR or a mix is csv-parse's business.
    const crlf = text.split('\r\n').length - 1;
    if (crlf !== text.split('\n').length - 1 || crlf !== text.split('\r').length - 1) return null;
    lineBreak = '\r\n';
  }
  const lines = text.split(lineBreak);
  if (lines[lines.length - 1] === '') lines.pop();
  const records: string[][] = new Array(lines.length);
  for (let index = 0; index < lines.length; index += 1) {
    const cells = splitLine(lines[index] as string);
    if (cells === null) return null;
    records[index] = cells;
  }
  return records;
}

function splitLine(line: string): string[] | null {
  if (!line.includes('"')) return line.split(',');
  if (line.charCodeAt(0) !== 34) return null;
  let inner: string;
  let trailingEmpty = false;
  // At least an opening quote, a closing quote and the comma: '",' alone is an unclosed quote.
  if (line.endsWith('",') && line.length >= 3) {
    inner = line.slice(1, -2);
    trailingEmpty = true;
  } else if (line.endsWith('"') && line.length >= 2) {
    inner = line.slice(1, -1);
  } else {
    return null;
  }
  const cells = inner.split('","');
  for (const cell of cells) if (cell.includes('"')) return null;
  if (trailingEmpty) cells.push('');
  return cells;
}
