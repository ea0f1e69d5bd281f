import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { claimDelivery } from '../../src/store/claim-delivery.js';
import { migrate } from '../../src/store/migrate.js';
import { planDeliveries } from '../../src/store/plan-deliveries.js';
import { markSent } from '../../src/store/record-outcome.js';
import { NOW, tempDbFile } from './helpers.js';

const KEY = { report: 'xinjiang-us', month: '2022-08', edition: 1 };

/** A connection set up as openStore sets it up (WAL, synchronous=FULL), with one row claimed. */
function claimedRow(): { db: Database.Database; id: number } {
  const file = tempDbFile();
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  migrate(db, file);
  planDeliveries(db, { ...KEY, subscribers: [{ email: 'ana@example.org' }], now: NOW });
  const { id } = db.prepare('SELECT id FROM deliveries').get() as { id: number };
  expect(claimDelivery(db, id, { claimant: 'me', now: NOW })).toBe(true);
  return { db, id };
}

describe('markSent()', () => {
  it('records the row as sent and leaves the connection at synchronous=FULL for the next claim', () => {
    const { db, id } = claimedRow();
    try {
      markSent(db, id, { messageId: '<m@x>', response: '250 OK', now: NOW, claimant: 'me' });
      expect(db.prepare('SELECT state FROM deliveries WHERE id = ?').get(id)).toEqual({ state: 'sent' });
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
    } finally {
      db.close();
    }
  });

  it('restores synchronous=FULL when the row cannot be marked', () => {
    const { db, id } = claimedRow();
    try {
      expect(() => markSent(db, id, { messageId: '<m@x>', response: '250 OK', now: NOW, claimant: 'someone else' })).toThrow('held by me');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
    } finally {
      db.close();
    }
  });

  it('inside a transaction, records the row as part of it', () => {
    const { db, id } = claimedRow();
    try {
      db.transaction(() => markSent(db, id, { messageId: '<m@x>', response: '250 OK', now: NOW }))();
      expect(db.prepare('SELECT state FROM deliveries WHERE id = ?').get(id)).toEqual({ state: 'sent' });
    } finally {
      db.close();
    }
  });
});
