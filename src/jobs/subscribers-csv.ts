/**
 * The subscribers CSV, read by `subscribers import` and written by `subscribers export`:
 *
 *     email,name,locale,reports
 *     ana@example.org,Ana Li,en,xinjiang-us;xinjiang-kz
 *
 * Only `email` is required; an empty locale means "en", empty reports mean every report of the config, and
 * reports may be separated by ";" or "|". Parsing is pure (text in, rows and problems out); the store is
 * asked only through `isSubscribed`, so the file is checked completely before anything is written.
 */
import { parse } from 'csv-parse/sync';
import type { Problem } from '../errors.js';
import { normalizeEmail } from '../store/normalize-email.js';
import { LOCALES, type Locale, type Subscriber } from '../store/types.js';

export const SUBSCRIBER_COLUMNS = ['email', 'name', 'locale', 'reports'] as const;
type Column = (typeof SUBSCRIBER_COLUMNS)[number];

export interface SubscriberCsvRow {
  /** 1-based spreadsheet row (the header is row 1). */
  row: number;
  email: string;
  name: string | null;
  locale: Locale;
  reports: string[];
}

export interface ParseSubscribersOptions {
  /** The file name used in problems. */
  file: string;
  /** Report ids of the config, in config order: the only ones allowed, and the default for an empty cell. */
  reports: readonly string[];
  /** Whether an address is already in the store (an import never changes an existing subscriber). */
  isSubscribed?: (email: string) => boolean;
}

// Control characters in a name could end a header line in the email; markup is fine (templates escape it).
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Every valid row, and a problem for each bad cell (several per row when several cells are bad).
 * Header problems make `rows` empty: without the right columns no row can be trusted.
 * @example parseSubscribersCsv('email,reports\nana@example.org,xinjiang-us\n', { file: 'in.csv', reports: ['xinjiang-us'] })
 * // -> { rows: [{ row: 2, email: 'ana@example.org', name: null, locale: 'en', reports: ['xinjiang-us'] }], problems: [] }
 */
export function parseSubscribersCsv(text: string, options: ParseSubscribersOptions): { rows: SubscriberCsvRow[]; problems: Problem[] } {
  const { file } = options;
  const problem = (row: number, column: string | undefined, rule: string, message: string): Problem => ({
    file,
    row,
    ...(column === undefined ? {} : { column }),
    severity: 'error',
    rule,
    message,
  });

  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { rows: [], problems: [problem(line ?? 1, undefined, 'csv.malformed', `not valid CSV: ${(error as Error).message}`)] };
  }

  const [header, ...body] = records;
  if (header === undefined) return { rows: [], problems: [problem(1, undefined, 'header.missing', `the file is empty; expected the header ${SUBSCRIBER_COLUMNS.join(',')}`)] };
  const names = header.map((cell) => cell.trim().toLowerCase());
  const headerProblems: Problem[] = [];
  names.forEach((name, index) => {
    if (!(SUBSCRIBER_COLUMNS as readonly string[]).includes(name)) {
      headerProblems.push(problem(1, header[index], 'header.unknown', `unknown column ${JSON.stringify(header[index])}; expected ${SUBSCRIBER_COLUMNS.join(', ')}`));
    } else if (names.indexOf(name) !== index) {
      headerProblems.push(problem(1, header[index], 'header.duplicate', `column ${JSON.stringify(name)} appears twice`));
    }
  });
  if (!names.includes('email')) headerProblems.push(problem(1, 'email', 'header.email-missing', `no "email" column; expected the header ${SUBSCRIBER_COLUMNS.join(',')}`));
  if (headerProblems.length > 0) return { rows: [], problems: headerProblems };

  const position = new Map(names.map((name, index) => [name as Column, index]));
  const cell = (record: string[], column: Column): string => {
    const index = position.get(column);
    return index === undefined ? '' : (record[index] ?? '').trim();
  };

  const rows: SubscriberCsvRow[] = [];
  const problems: Problem[] = [];
  const firstRowOf = new Map<string, number>();
  body.forEach((record, index) => {
    const row = index + 2;
    if (record.every((value) => value.trim() === '')) return;
    const before = problems.length;
    if (record.length > header.length) {
      problems.push(problem(row, undefined, 'row.columns', `${record.length} fields but the header has ${header.length}; quote fields that contain a comma`));
    }

    const given = cell(record, 'email');
    const email = normalizeEmail(given);
    if (email === null) {
      problems.push(problem(row, 'email', given === '' ? 'email.missing' : 'email.invalid', given === '' ? 'no email address' : `${JSON.stringify(given)} is not a valid email address`));
    } else if (firstRowOf.has(email)) {
      problems.push(problem(row, 'email', 'email.duplicate', `${email} is also on row ${firstRowOf.get(email)}`));
    } else if (options.isSubscribed?.(email)) {
      problems.push(problem(row, 'email', 'email.exists', `${email} is already a subscriber`));
    }
    if (email !== null && !firstRowOf.has(email)) firstRowOf.set(email, row);

    const name = cell(record, 'name');
    if (CONTROL.test(name)) problems.push(problem(row, 'name', 'name.control', 'the name contains a line break or another control character'));

    const locale = cell(record, 'locale').toLowerCase() || 'en';
    if (!(LOCALES as readonly string[]).includes(locale)) {
      problems.push(problem(row, 'locale', 'locale.unknown', `locale ${JSON.stringify(locale)} is not one of ${LOCALES.join(', ')}`));
    }

    const listed = cell(record, 'reports')
      .split(/[;|]/)
      .map((report) => report.trim())
      .filter((report) => report !== '');
    for (const report of listed.filter((id) => !options.reports.includes(id))) {
      problems.push(problem(row, 'reports', 'report.unknown', `unknown report ${JSON.stringify(report)}; reports in the config: ${options.reports.join(', ')}`));
    }

    if (problems.length === before && email !== null) {
      rows.push({ row, email, name: name === '' ? null : name, locale: locale as Locale, reports: listed.length > 0 ? [...new Set(listed)] : [...options.reports] });
    }
  });
  return { rows, problems };
}

/**
 * Subscribers as the CSV that parseSubscribersCsv reads back.
 * @example formatSubscribersCsv([ana]) // "email,name,locale,reports\nana@example.org,Ana Li,en,xinjiang-us\n"
 */
export function formatSubscribersCsv(subscribers: readonly Pick<Subscriber, 'email' | 'name' | 'locale' | 'reports'>[]): string {
  const lines = [SUBSCRIBER_COLUMNS.join(',')];
  for (const subscriber of subscribers) {
    lines.push([subscriber.email, subscriber.name ?? '', subscriber.locale, subscriber.reports.join(';')].map(csvField).join(','));
  }
  return `${lines.join('\n')}\n`;
}

function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
