import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { TradebriefError } from '../../src/errors.js';
import { migrate } from '../../src/store/migrate.js';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/open-store.js';
import { NOW, tempDbFile, tempStore } from './helpers.js';

function pragma(file: string, name: string): unknown {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma(name, { simple: true });
  } finally {
    db.close();
  }
}

describe('openStore()', () => {
  it('creates the folder, the file and the schema at the current version', () => {
    const file = tempDbFile();
    expect(existsSync(file)).toBe(false);
    const store = tempStore(file);
    expect(existsSync(file)).toBe(true);
    expect(store.schemaVersion()).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(1);
    expect(store.listSubscribers()).toEqual([]);
  });

  it('puts the file in WAL mode, which stays set for every later connection', () => {
    const file = tempDbFile();
    tempStore(file);
    expect(pragma(file, 'journal_mode')).toBe('wal');
  });

  it('re-opens an up-to-date file without touching its data', () => {
    const file = tempDbFile();
    const first = openStore(file);
    first.addSubscriber({ email: 'ana@example.org', reports: ['xinjiang-us'] }, NOW);
    first.close();
    const second = tempStore(file);
    expect(second.schemaVersion()).toBe(SCHEMA_VERSION);
    expect(second.listSubscribers().map((s) => s.email)).toEqual(['ana@example.org']);
  });

  it('refuses a file written by a newer tradebrief, saying so, and leaves it as it was', () => {
    const file = tempDbFile();
    openStore(file).close();
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    let error: unknown;
    try {
      openStore(file);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TradebriefError);
    expect((error as TradebriefError).code).toBe('StoreTooNew');
    expect((error as TradebriefError).kind).toBe('user');
    expect((error as Error).message).toContain(`schema version ${SCHEMA_VERSION + 1}`);
    expect(pragma(file, 'user_version')).toBe(SCHEMA_VERSION + 1);
  });

  it('turns on foreign keys, so removing a subscriber removes their report list', () => {
    const file = tempDbFile();
    const store = tempStore(file);
    store.addSubscriber({ email: 'ana@example.org', reports: ['xinjiang-us', 'xinjiang-kz'] }, NOW);
    store.removeSubscriber('ana@example.org');
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM subscriber_reports').get()).toEqual({ n: 0 });
    db.close();
  });

  it('names the file when it cannot be opened', () => {
    const notAFolder = tempDbFile().replace(/nested.*$/, 'plain-file');
    writeFileSync(notAFolder, 'not a folder');
    expect(() => openStore(path.join(notAFolder, 'tradebrief.db'))).toThrow(`cannot open the database ${path.join(notAFolder, 'tradebrief.db')}`);
  });
});

describe('migrate()', () => {
  const steps = ['CREATE TABLE a (x INTEGER);', 'ALTER TABLE a ADD COLUMN y TEXT;', 'CREATE TABLE b (z INTEGER);'];

  it('applies only the missing migrations, in order', () => {
    const db = new Database(':memory:');
    expect(migrate(db, 'mem', steps.slice(0, 1))).toEqual({ from: 0, to: 1 });
    expect(migrate(db, 'mem', steps)).toEqual({ from: 1, to: 3 });
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect((db.prepare('PRAGMA table_info(a)').all() as { name: string }[]).map((c) => c.name)).toEqual(['x', 'y']);
    db.close();
  });

  it('is a no-op on an up-to-date database', () => {
    const db = new Database(':memory:');
    migrate(db, 'mem', steps);
    expect(migrate(db, 'mem', steps)).toEqual({ from: 3, to: 3 });
    db.close();
  });

  it('rolls back a failing migration whole, keeping the version before it', () => {
    const db = new Database(':memory:');
    const broken = [steps[0] ?? '', 'CREATE TABLE c (x INTEGER); THIS IS NOT SQL;'];
    expect(() => migrate(db, 'mem', broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'c'`).get()).toEqual({ n: 0 });
    db.close();
  });
});
