/**
 * `subscribers import`: check the whole file first, then add every row in ONE transaction. Any bad row stops
 * the import before anything is written (unless the caller asks to skip bad rows), so a half-imported list
 * never has to be untangled by hand.
 */
import { DataError, type Problem } from '../errors.js';
import type { Store } from '../store/open-store.js';
import { parseSubscribersCsv } from './subscribers-csv.js';

export interface ImportResult {
  imported: number;
  /** Rows left out because of `problems` (with skipInvalid). */
  skipped: number;
  problems: Problem[];
}

/**
 * @example importSubscribers(store, text, { file: 'list.csv', reports: ['xinjiang-us'], skipInvalid: false, now })
 * // -> { imported: 120, skipped: 0, problems: [] }
 * @throws DataError listing every bad row (file:row: column "email": error: …) when there is one and skipInvalid is off,
 *   or when the header itself is wrong
 */
export function importSubscribers(
  store: Pick<Store, 'addSubscriber' | 'getSubscriber' | 'transaction'>,
  text: string,
  options: { file: string; reports: readonly string[]; skipInvalid: boolean; now: Date },
): ImportResult {
  const { rows, problems } = parseSubscribersCsv(text, {
    file: options.file,
    reports: options.reports,
    isSubscribed: (email) => store.getSubscriber(email) !== null,
  });
  const headerBroken = problems.some((problem) => problem.row === 1 || problem.rule === 'csv.malformed');
  if (problems.length > 0 && (!options.skipInvalid || headerBroken)) {
    const badRows = new Set(problems.map((problem) => problem.row)).size;
    throw new DataError(problems, {
      summary: `${options.file}: ${problems.length} problem(s) in ${badRows} row(s); nothing was imported`,
    });
  }
  store.transaction(() => {
    for (const row of rows) store.addSubscriber({ email: row.email, name: row.name, locale: row.locale, reports: row.reports }, options.now);
  });
  return { imported: rows.length, skipped: new Set(problems.map((problem) => problem.row)).size, problems };
}
