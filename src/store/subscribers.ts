/**
 * The subscribers table and the reports each subscriber receives (subscriber_reports). Addresses are
 * normalised on the way in and on every lookup, so callers may pass what a user typed.
 *
 * Transactions that read and then write are IMMEDIATE: a deferred one would start as a reader and, in WAL
 * mode, fail at once with SQLITE_BUSY (no busy wait) when another process wrote in between.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { TradebriefError } from '../errors.js';
import { normalizeEmail } from './normalize-email.js';
import { iso, prepared, toDate } from './sql.js';
import { LOCALES, type Locale, type NewSubscriber, type Subscriber, type SubscriberStatus } from './types.js';

/** The same rule as report ids in the config (src/config/schema.ts). */
const REPORT_ID = /^[a-z0-9][a-z0-9-]*$/;

interface SubscriberRow {
  id: number;
  email: string;
  name: string | null;
  locale: Locale;
  status: SubscriberStatus;
  unsubscribe_salt: string;
  created_at: string;
  updated_at: string;
  reports: string | null;
}

// Report ids cannot contain a space (REPORT_ID), so a space is a safe separator for group_concat.
const SELECT_SUBSCRIBERS = `
  SELECT s.*, (SELECT group_concat(report, ' ') FROM (SELECT report FROM subscriber_reports r WHERE r.subscriber_id = s.id ORDER BY report)) AS reports
  FROM subscribers s`;

function fromRow(row: SubscriberRow): Subscriber {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    locale: row.locale,
    status: row.status,
    reports: row.reports === null || row.reports === '' ? [] : row.reports.split(' '),
    unsubscribeSalt: row.unsubscribe_salt,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

/** The normalised address, or a user error naming what was given. */
export function requireEmail(input: string): string {
  const email = normalizeEmail(input);
  if (email === null) throw new TradebriefError('InvalidEmail', 'user', `${JSON.stringify(input)} is not a valid email address`);
  return email;
}

function checkReports(reports: readonly string[]): string[] {
  const unique = [...new Set(reports)].sort();
  if (unique.length === 0) throw new TradebriefError('NoReports', 'user', 'a subscriber needs at least one report');
  const bad = unique.find((report) => !REPORT_ID.test(report));
  if (bad !== undefined) throw new TradebriefError('InvalidReportId', 'user', `${JSON.stringify(bad)} is not a report id (lower-case letters, digits and dashes)`);
  return unique;
}

/**
 * Adds an active subscriber with a fresh random salt.
 * @example addSubscriber(db, { email: 'Ana@Example.org', name: 'Ana', reports: ['xinjiang-us'] }, now).email // "ana@example.org"
 * @throws TradebriefError InvalidEmail, SubscriberExists (also when they unsubscribed: consent is not re-given by an import), NoReports
 */
export function addSubscriber(db: Database, input: NewSubscriber, now: Date): Subscriber {
  const email = requireEmail(input.email);
  const locale = input.locale ?? 'en';
  if (!LOCALES.includes(locale)) throw new TradebriefError('InvalidLocale', 'user', `locale ${JSON.stringify(locale)} is not one of ${LOCALES.join(', ')}`);
  const reports = checkReports(input.reports);
  const name = input.name === undefined || input.name === null || input.name.trim() === '' ? null : input.name.trim();
  return db.transaction(() => {
    const existing = getSubscriber(db, email);
    if (existing !== null) {
      const since = existing.status === 'unsubscribed' ? ` (unsubscribed since ${iso(existing.updatedAt).slice(0, 10)})` : '';
      throw new TradebriefError('SubscriberExists', 'user', `${email} is already a subscriber${since}`, {
        hint:
          existing.status === 'unsubscribed'
            ? 'They asked to stop receiving reports; only if they asked to come back: `subscribers remove` them, then add them again.'
            : 'Nothing to do; to change their reports, `subscribers remove` them and add them again.',
      });
    }
    const info = prepared(
      db,
      `INSERT INTO subscribers (email, name, locale, status, unsubscribe_salt, created_at, updated_at) VALUES (?, ?, ?, 'active', ?, ?, ?)`,
    ).run(email, name, locale, randomBytes(16).toString('hex'), iso(now), iso(now));
    const insertReport = prepared(db, 'INSERT INTO subscriber_reports (subscriber_id, report) VALUES (?, ?)');
    for (const report of reports) insertReport.run(info.lastInsertRowid, report);
    const added = getSubscriber(db, email);
    if (added === null) throw new Error(`subscriber ${email} vanished inside its own transaction`);
    return added;
  }).immediate();
}

/**
 * The subscriber with this address (any case, surrounding spaces ignored), or null.
 * @example getSubscriber(db, 'ANA@example.org')?.reports // ["xinjiang-us"]
 */
export function getSubscriber(db: Database, email: string): Subscriber | null {
  const normalized = normalizeEmail(email);
  if (normalized === null) return null;
  const row = prepared(db, `${SELECT_SUBSCRIBERS} WHERE s.email = ?`).get(normalized) as SubscriberRow | undefined;
  return row === undefined ? null : fromRow(row);
}

/**
 * Subscribers by address, optionally only those subscribed to `report` and/or with `status`.
 * @example listSubscribers(db, { report: 'xinjiang-us', status: 'active' }).length
 */
export function listSubscribers(db: Database, filter: { report?: string; status?: SubscriberStatus } = {}): Subscriber[] {
  const rows = prepared(
    db,
    `${SELECT_SUBSCRIBERS}
     WHERE (@report IS NULL OR EXISTS (SELECT 1 FROM subscriber_reports r WHERE r.subscriber_id = s.id AND r.report = @report))
       AND (@status IS NULL OR s.status = @status)
     ORDER BY s.email`,
  ).all({ report: filter.report ?? null, status: filter.status ?? null }) as SubscriberRow[];
  return rows.map(fromRow);
}

/** The active subscribers of a report: who gets this month's email. @example subscribersFor(db, 'xinjiang-us') */
export function subscribersFor(db: Database, report: string): Subscriber[] {
  return listSubscribers(db, { report, status: 'active' });
}

/**
 * Deletes a subscriber and their report list (the delivery ledger keeps its history). True when one was deleted.
 * @example removeSubscriber(db, 'ana@example.org') // true
 */
export function removeSubscriber(db: Database, email: string): boolean {
  const normalized = normalizeEmail(email);
  if (normalized === null) return false;
  return prepared(db, 'DELETE FROM subscribers WHERE email = ?').run(normalized).changes > 0;
}

export type UnsubscribeResult = 'unsubscribed' | 'already' | 'unknown';

/**
 * Stops one report (`report` given) or all of them. A subscriber left with no report is unsubscribed.
 * Idempotent: a second click on the same link says 'already'.
 * @example unsubscribe(db, 'ana@example.org', { report: 'xinjiang-us', now }) // "unsubscribed"
 */
export function unsubscribe(db: Database, email: string, options: { report?: string; now: Date }): UnsubscribeResult {
  return db.transaction((): UnsubscribeResult => {
    const subscriber = getSubscriber(db, email);
    if (subscriber === null) return 'unknown';
    if (subscriber.status === 'unsubscribed') return 'already';
    if (options.report !== undefined) {
      if (!subscriber.reports.includes(options.report)) return 'already';
      if (subscriber.reports.length > 1) {
        prepared(db, 'DELETE FROM subscriber_reports WHERE subscriber_id = ? AND report = ?').run(subscriber.id, options.report);
        prepared(db, 'UPDATE subscribers SET updated_at = ? WHERE id = ?').run(iso(options.now), subscriber.id);
        return 'unsubscribed';
      }
    }
    // All reports, or the last one: the report list is kept, so an operator can see what they used to receive.
    prepared(db, `UPDATE subscribers SET status = 'unsubscribed', updated_at = ? WHERE id = ?`).run(iso(options.now), subscriber.id);
    return 'unsubscribed';
  }).immediate();
}
