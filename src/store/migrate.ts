/**
 * Brings a database up to SCHEMA_VERSION with the numbered migrations in migrations.ts, tracked in
 * PRAGMA user_version (kept in the file header, so it cannot disagree with the schema it describes).
 */
import type { Database } from 'better-sqlite3';
import { TradebriefError } from '../errors.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

/**
 * Applies every missing migration, each in one IMMEDIATE transaction that re-reads the version inside it, so
 * two processes opening a fresh file at once apply each migration exactly once. Up to date: a no-op.
 * @example migrate(db) // -> { from: 0, to: 1 }
 * @throws TradebriefError StoreTooNew when the file was written by a newer tradebrief
 */
export function migrate(db: Database, file: string, migrations: readonly string[] = MIGRATIONS): { from: number; to: number } {
  const latest = migrations === MIGRATIONS ? SCHEMA_VERSION : migrations.length;
  const from = userVersion(db);
  refuseNewer(from, latest, file);
  for (let version = from + 1; version <= latest; version += 1) {
    const sql = migrations[version - 1] ?? '';
    db.transaction(() => {
      // Another process may have applied it while we waited for the write lock.
      const current = userVersion(db);
      refuseNewer(current, latest, file);
      if (current >= version) return;
      db.exec(sql);
      db.pragma(`user_version = ${version}`);
    }).immediate();
  }
  return { from, to: Math.max(from, latest) };
}

function userVersion(db: Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

function refuseNewer(found: number, known: number, file: string): void {
  if (found <= known) return;
  throw new TradebriefError(
    'StoreTooNew',
    'user',
    `the database ${file} has schema version ${found}, but this tradebrief only knows versions up to ${known}`,
    { hint: 'It was written by a newer tradebrief: upgrade tradebrief, or point TRADEBRIEF_DB / delivery.dbPath at another file.' },
  );
}
