/**
 * Small helpers shared by the store's tables: a per-connection statement cache (preparing is the costly part
 * of a query) and the conversion between Dates and the ISO strings the tables hold.
 */
import type { Database, Statement } from 'better-sqlite3';

const caches = new WeakMap<Database, Map<string, Statement>>();

/**
 * The prepared statement for `sql` on this connection, prepared once.
 * @example prepared(db, 'SELECT * FROM runs WHERE id = ?').get(7)
 */
export function prepared(db: Database, sql: string): Statement {
  let cache = caches.get(db);
  if (cache === undefined) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/** A Date as stored: fixed-width ISO 8601 UTC, so string order is time order. @example iso(new Date(0)) // "1970-01-01T00:00:00.000Z" */
export function iso(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('invalid Date given to the store');
  return date.toISOString();
}

/** A stored time back as a Date. */
export function toDate(text: string): Date {
  return new Date(text);
}

/** A nullable stored time back as a Date or null. */
export function toDateOrNull(text: string | null): Date | null {
  return text === null ? null : new Date(text);
}
