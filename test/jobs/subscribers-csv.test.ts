import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/errors.js';
import { formatSubscribersCsv, parseSubscribersCsv } from '../../src/jobs/subscribers-csv.js';

const REPORTS = ['xinjiang-us', 'xinjiang-kz'];
const parse = (text: string, isSubscribed?: (email: string) => boolean) => parseSubscribersCsv(text, { file: 'list.csv', reports: REPORTS, isSubscribed });
const messages = (text: string) => parse(text).problems.map(formatProblem);

describe('parseSubscribersCsv()', () => {
  it('reads every column, normalising the address and splitting reports on ";" or "|"', () => {
    const { rows, problems } = parse('email,name,locale,reports\n Ana@Example.org ,"Li, Ana",ZH,xinjiang-us|xinjiang-kz\nben@example.org,Ben,en,xinjiang-kz;xinjiang-us\n');
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { row: 2, email: 'ana@example.org', name: 'Li, Ana', locale: 'zh', reports: ['xinjiang-us', 'xinjiang-kz'] },
      { row: 3, email: 'ben@example.org', name: 'Ben', locale: 'en', reports: ['xinjiang-kz', 'xinjiang-us'] },
    ]);
  });

  it('needs only the email column: locale defaults to en and reports to every report of the config', () => {
    expect(parse('\uFEFFEmail\nana@example.org\n').rows).toEqual([{ row: 2, email: 'ana@example.org', name: null, locale: 'en', reports: REPORTS }]);
  });

  it('numbers rows as a spreadsheet does, across blank lines and quoted line breaks', () => {
    const { rows, problems } = parse('email,name\n\nana@example.org,"two\nlines"\nben@example.org,x\nnope\n');
    expect(rows.map((row) => row.row)).toEqual([4]);
    expect(problems.map((problem) => [problem.row, problem.rule])).toEqual([
      [3, 'name.control'],
      [5, 'email.invalid'],
    ]);
  });

  it('reports every bad cell as file:row: column "…": error', () => {
    expect(messages('email,name,locale,reports\nnot-an-address,A,en,xinjiang-us\nben@example.org,B,fr,xinjiang-us;nope\n,C,en,\n')).toEqual([
      'list.csv:2: column "email": error: "not-an-address" is not a valid email address [email.invalid]',
      'list.csv:3: column "locale": error: locale "fr" is not one of en, zh [locale.unknown]',
      'list.csv:3: column "reports": error: unknown report "nope"; reports in the config: xinjiang-us, xinjiang-kz [report.unknown]',
      'list.csv:4: column "email": error: no email address [email.missing]',
    ]);
  });

  it('reports a duplicate with the row it repeats, whatever its case', () => {
    expect(messages('email\nana@example.org\nben@example.org\nANA@example.org\n')).toEqual([
      'list.csv:4: column "email": error: ana@example.org is also on row 2 [email.duplicate]',
    ]);
  });

  it('reports an address that is already a subscriber', () => {
    const { rows, problems } = parse('email\nana@example.org\nben@example.org\n', (email) => email === 'ben@example.org');
    expect(rows.map((row) => row.email)).toEqual(['ana@example.org']);
    expect(problems.map(formatProblem)).toEqual(['list.csv:3: column "email": error: ben@example.org is already a subscriber [email.exists]']);
  });

  it('refuses a name that could break a mail header, and accepts markup (templates escape it)', () => {
    const { rows, problems } = parse('email,name\nana@example.org,"Ana\r\nBcc: eve@example.org"\nben@example.org,<b>Ben</b>\n');
    expect(problems.map(formatProblem)).toEqual(['list.csv:2: column "name": error: the name contains a line break or another control character [name.control]']);
    expect(rows.map((row) => row.name)).toEqual(['<b>Ben</b>']);
  });

  it('refuses an address carrying a header line', () => {
    expect(parse('email\n"ana@example.org\nBcc: eve@example.org"\n').problems.map((problem) => problem.rule)).toEqual(['email.invalid']);
  });

  it('reports a row with more fields than the header', () => {
    expect(messages('email,name\nana@example.org,Li,Ana\n')).toEqual([
      'list.csv:2: error: 3 fields but the header has 2; quote fields that contain a comma [row.columns]',
    ]);
  });

  it('rejects a header without email, or with unknown or repeated columns, and keeps no row', () => {
    expect(parse('mail,name\nana@example.org,Ana\n')).toEqual({
      rows: [],
      problems: [
        expect.objectContaining({ row: 1, column: 'mail', rule: 'header.unknown' }),
        expect.objectContaining({ row: 1, column: 'email', rule: 'header.email-missing' }),
      ],
    });
    expect(parse('email,email\na@example.org,b@example.org\n').problems.map((problem) => problem.rule)).toEqual(['header.duplicate']);
    expect(parse('').problems.map((problem) => problem.rule)).toEqual(['header.missing']);
  });

  it('reports CSV it cannot parse, with its line', () => {
    const { rows, problems } = parse('email,name\nana@example.org,"Ana\n');
    expect(rows).toEqual([]);
    expect(problems[0]).toMatchObject({ file: 'list.csv', rule: 'csv.malformed' });
  });
});

describe('formatSubscribersCsv()', () => {
  it('writes the import format, quoting only what needs it', () => {
    const csv = formatSubscribersCsv([
      { email: 'ana@example.org', name: 'Li, Ana "A"', locale: 'zh', reports: ['xinjiang-kz', 'xinjiang-us'] },
      { email: 'ben@example.org', name: null, locale: 'en', reports: ['xinjiang-us'] },
    ]);
    expect(csv).toBe('email,name,locale,reports\nana@example.org,"Li, Ana ""A""",zh,xinjiang-kz;xinjiang-us\nben@example.org,,en,xinjiang-us\n');
  });

  it('is read back by parseSubscribersCsv unchanged', () => {
    const subscribers = [
      { email: 'ana@example.org', name: 'Li, Ana "A" ; | x', locale: 'zh' as const, reports: ['xinjiang-kz', 'xinjiang-us'] },
      { email: 'ben@example.org', name: null, locale: 'en' as const, reports: ['xinjiang-us'] },
    ];
    const { rows, problems } = parse(formatSubscribersCsv(subscribers));
    expect(problems).toEqual([]);
    expect(rows.map(({ row: _row, ...rest }) => rest)).toEqual(subscribers);
  });
});
