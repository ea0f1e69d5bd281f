import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { openStore, type Store } from '../../src/store/open-store.js';

/** A fresh database file in its own temporary folder, removed (with every store opened on it) after the test. */
export function tempDbFile(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'tradebrief-store-'));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  return path.join(folder, 'nested', 'tradebrief.db');
}

/** openStore on a temporary file (or the given one), closed after the test. */
export function tempStore(file: string = tempDbFile()): Store {
  const store = openStore(file);
  cleanups.unshift(() => store.close());
  return store;
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

export const NOW = new Date('2022-09-20T08:00:00.000Z');

/** `seconds` after NOW. */
export function later(seconds: number): Date {
  return new Date(NOW.getTime() + seconds * 1000);
}
