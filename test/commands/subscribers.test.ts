import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { makeUnsubscribeToken } from '../../src/store/unsubscribe-token.js';

const folder = mkdtempSync(path.join(tmpdir(), 'tradebrief-subscribers-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let databases = 0;
const SECRET = 'test-secret-for-unsubscribe-links';

/** A fresh database file for one test. */
function freshDb(): string {
  databases += 1;
  return path.join(folder, `db-${databases}`, 'tradebrief.db');
}

/** Runs the real CLI from the repo root with the repo's config and TRADEBRIEF_DB pointing at `db`. */
function tradebrief(db: string, args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', 'subscribers', ...args],
      { encoding: 'utf8', env: { ...process.env, TZ: 'UTC', TRADEBRIEF_DB: db, TRADEBRIEF_UNSUBSCRIBE_SECRET: '', ...env } },
      (error, stdout, stderr) => {
        const status = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        resolve({ status, stdout, stderr });
      },
    );
  });
}

function csvFile(name: string, text: string): string {
  const file = path.join(folder, name);
  writeFileSync(file, text);
  return file;
}

describe('tradebrief subscribers', () => {
  it('adds, lists and exports subscribers in the database named by TRADEBRIEF_DB', async () => {
    const db = freshDb();
    const ana = await tradebrief(db, ['add', 'Ana@Example.org', '--name', 'Ana <b>Li</b>', '--locale', 'zh', '--report', 'xinjiang-us']);
    expect(ana).toMatchObject({ status: 0, stdout: 'added ana@example.org (xinjiang-us)\n' });
    const ben = await tradebrief(db, ['add', 'ben@example.org']);
    // Without --report: every report of the config.
    expect(ben.stdout).toBe('added ben@example.org (xinjiang-kz, xinjiang-us)\n');

    const [list, json, exported, onlyUs] = await Promise.all([
      tradebrief(db, ['list']),
      tradebrief(db, ['list', '--json']),
      tradebrief(db, ['export']),
      tradebrief(db, ['list', '--report', 'xinjiang-kz']),
    ]);
    expect(list.stdout).toBe('ana@example.org\tAna <b>Li</b>\tzh\tactive\txinjiang-us\nben@example.org\t-\ten\tactive\txinjiang-kz;xinjiang-us\n');
    expect(list.stderr).toBe('2 subscribers\n');
    const parsed = JSON.parse(json.stdout) as Record<string, unknown>[];
    expect(parsed.map((s) => s.email)).toEqual(['ana@example.org', 'ben@example.org']);
    expect(parsed[0]).not.toHaveProperty('unsubscribeSalt');
    expect(exported.stdout).toBe('email,name,locale,reports\nana@example.org,Ana <b>Li</b>,zh,xinjiang-us\nben@example.org,,en,xinjiang-kz;xinjiang-us\n');
    expect(onlyUs.stdout).toBe('ben@example.org\t-\ten\tactive\txinjiang-kz;xinjiang-us\n');

    const store = openStore(db);
    expect(store.getSubscriber('ana@example.org')?.locale).toBe('zh');
    store.close();
  });

  it('exits 64 naming an unknown report on the command line, and 65 on a duplicate or a bad address', async () => {
    const db = freshDb();
    await tradebrief(db, ['add', 'ana@example.org']);
    const [unknown, duplicate, invalid, badLocale] = await Promise.all([
      tradebrief(db, ['add', 'cai@example.org', '--report', 'xinjiang-us', 'xinjiang-eu']),
      tradebrief(db, ['add', 'ANA@example.org']),
      tradebrief(db, ['add', 'not-an-address']),
      tradebrief(db, ['add', 'dan@example.org', '--locale', 'fr']),
    ]);
    expect(unknown.status).toBe(64);
    expect(unknown.stderr).toContain('unknown report "xinjiang-eu"');
    expect(unknown.stderr).toContain('xinjiang-us, xinjiang-kz');
    expect(duplicate).toMatchObject({ status: 65 });
    expect(duplicate.stderr).toContain('ana@example.org is already a subscriber');
    expect(invalid).toMatchObject({ status: 65 });
    expect(invalid.stderr).toContain('"not-an-address" is not a valid email address');
    expect(badLocale.status).toBe(64);
    const list = await tradebrief(db, ['list']);
    expect(list.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('imports nothing when a row is bad, listing every bad row as file:row: column, then imports the good rows with --skip-invalid', async () => {
    const db = freshDb();
    const file = csvFile('mixed.csv', 'email,name,locale,reports\nana@example.org,Ana,en,xinjiang-us\nbroken-address,B,en,\ncai@example.org,Cai,en,xinjiang-us|xinjiang-eu\nANA@example.org,Ana again,,\n');
    const refused = await tradebrief(db, ['import', file]);
    expect(refused.status).toBe(65);
    expect(refused.stderr).toContain(`${file}:3: column "email": error: "broken-address" is not a valid email address`);
    expect(refused.stderr).toContain(`${file}:4: column "reports": error: unknown report "xinjiang-eu"`);
    expect(refused.stderr).toContain(`${file}:5: column "email": error: ana@example.org is also on row 2`);
    expect(refused.stderr).toContain('nothing was imported');
    expect((await tradebrief(db, ['list'])).stdout).toBe('');

    const skipped = await tradebrief(db, ['import', file, '--skip-invalid']);
    expect(skipped.status).toBe(0);
    expect(skipped.stdout).toBe('imported 1 subscriber, skipped 3 bad rows\n');
    expect(skipped.stderr).toContain(`${file}:3: column "email"`);
    expect((await tradebrief(db, ['list'])).stdout).toBe('ana@example.org\tAna\ten\tactive\txinjiang-us\n');
  });

  it('round-trips export into import on another database', async () => {
    const [from, to] = [freshDb(), freshDb()];
    await tradebrief(from, ['add', 'ana@example.org', '--name', 'Li, Ana', '--locale', 'zh', '--report', 'xinjiang-kz']);
    await tradebrief(from, ['add', 'ben@example.org']);
    const exported = await tradebrief(from, ['export']);
    const imported = await tradebrief(to, ['import', csvFile('exported.csv', exported.stdout)]);
    expect(imported.stdout).toBe('imported 2 subscribers\n');
    expect((await tradebrief(to, ['export'])).stdout).toBe(exported.stdout);
  });

  it('applies a signed unsubscribe token, and refuses a forged one or a missing secret', async () => {
    const db = freshDb();
    await tradebrief(db, ['add', 'ana@example.org']);
    const token = makeUnsubscribeToken(SECRET, { email: 'ana@example.org', report: 'xinjiang-us' });
    const forged = makeUnsubscribeToken('some other secret', { email: 'ana@example.org' });
    const [noSecret, wrong] = await Promise.all([
      tradebrief(db, ['unsubscribe', '--token', token]),
      tradebrief(db, ['unsubscribe', '--token', forged], { TRADEBRIEF_UNSUBSCRIBE_SECRET: SECRET }),
    ]);
    expect(noSecret.status).toBe(65);
    expect(noSecret.stderr).toContain('TRADEBRIEF_UNSUBSCRIBE_SECRET is not set');
    expect(wrong.status).toBe(65);
    expect(wrong.stderr).toContain('the unsubscribe token is not valid');
    expect((await tradebrief(db, ['list'])).stdout).toBe('ana@example.org\t-\ten\tactive\txinjiang-kz;xinjiang-us\n');

    const applied = await tradebrief(db, ['unsubscribe', '--token', token], { TRADEBRIEF_UNSUBSCRIBE_SECRET: SECRET });
    expect(applied).toMatchObject({ status: 0, stdout: 'unsubscribed ana@example.org from xinjiang-us\n' });
    const again = await tradebrief(db, ['unsubscribe', '--token', token], { TRADEBRIEF_UNSUBSCRIBE_SECRET: SECRET });
    expect(again).toMatchObject({ status: 0, stdout: 'ana@example.org was already unsubscribed from xinjiang-us\n' });
    expect((await tradebrief(db, ['list'])).stdout).toBe('ana@example.org\t-\ten\tactive\txinjiang-kz\n');
  });

  it('lets the operator unsubscribe and remove an address, and leaves unsubscribed people out of the export', async () => {
    const db = freshDb();
    await tradebrief(db, ['add', 'ana@example.org']);
    await tradebrief(db, ['add', 'ben@example.org']);
    expect((await tradebrief(db, ['unsubscribe', 'ana@example.org'])).stdout).toBe('unsubscribed ana@example.org from every report\n');
    expect((await tradebrief(db, ['list', '--status', 'unsubscribed'])).stdout).toBe('ana@example.org\t-\ten\tunsubscribed\txinjiang-kz;xinjiang-us\n');
    expect((await tradebrief(db, ['export'])).stdout).toBe('email,name,locale,reports\nben@example.org,,en,xinjiang-kz;xinjiang-us\n');
    expect((await tradebrief(db, ['remove', 'BEN@example.org'])).stdout).toBe('removed ben@example.org\n');
    const [missing, both] = await Promise.all([tradebrief(db, ['remove', 'ben@example.org']), tradebrief(db, ['unsubscribe'])]);
    expect(missing.status).toBe(65);
    expect(missing.stderr).toContain('"ben@example.org" is not a subscriber');
    expect(both.status).toBe(64);
  });
});
