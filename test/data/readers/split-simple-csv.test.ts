import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/data/decode.js';
import { splitSimpleCsv } from '../../../src/data/readers/split-simple-csv.js';

const csvParse = (text: string) => parse(text, { relax_column_count: true }) as string[][];

describe('splitSimpleCsv()', () => {
  it.each([
    ['a GACC export with its trailing comma', '"数据年月","美元",\n"202208","4,803,215",\n'],
    ['unquoted fields', 'month,flow,valueUsd\n2022-08,export,12\n'],
    ['CRLF line ends', '"a","b",\r\n"1","2",\r\n'],
    ['no final line end', '"a","b"\n"1","2"'],
    ['a blank line in the middle and at the end', 'a,b\n\nc,d\n\n'],
    ['a line of spaces', 'a,b\n   \nc,d\n'],
    ['empty quoted fields and "?"', '"a","","?",\n'],
    ['quoted fields with commas inside', '"a","1,234,567","x, y",\n'],
  ])('gives what csv-parse gives for %s', (_, text) => {
    expect(splitSimpleCsv(text)).toEqual(csvParse(text));
  });

  it.each([
    ['a newline inside a quoted field', '"a","玻利维亚\n",\n'],
    ['a doubled quote inside a field', '"a","say ""hi""",\n'],
    ['a quoted and an unquoted field on one line', 'a,"b"\n'],
    ['text after a closing quote', '"a"x,"b"\n'],
    ['a lone CR', 'a,b\rc,d\n'],
    ['an unclosed quote', '"a",\n",\n'],
    ['a lone quote', '"\n'],
    ['CRLF mixed with LF', 'a,b\r\nc,d\n'],
  ])('leaves %s to csv-parse (null)', (_, text) => {
    expect(splitSimpleCsv(text)).toBeNull();
  });

  const fixtures = ['test/fixtures/gacc', 'test/fixtures/readers', 'data/sample/gacc'].flatMap((dir) =>
    readdirSync(dir).filter((name) => name.endsWith('.csv')).map((name) => path.join(dir, name)),
  );
  it.each(fixtures)('gives what csv-parse gives, or leaves it to csv-parse, for %s', (file) => {
    const text = decodeBytes(readFileSync(file)).text.replace(/^\uFEFF/, '');
    const fast = splitSimpleCsv(text);
    let slow: string[][] | Error;
    try {
      slow = csvParse(text);
    } catch (error) {
      slow = error as Error;
    }
    if (fast !== null) expect(fast).toEqual(slow);
  });
});
