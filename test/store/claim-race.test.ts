import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { NOW, tempDbFile, tempStore } from './helpers.js';

const EDITION = { report: 'xinjiang-us', month: '2022-08', edition: 1 };

function plan(file: string, count: number): void {
  const store = openStore(file);
  const subscribers = Array.from({ length: count }, (_, index) => ({ email: `reader${String(index).padStart(3, '0')}@example.org` }));
  store.planDeliveries({ ...EDITION, subscribers, now: NOW });
  store.close();
}

/** Runs test/store/fixtures/<script> as a separate process and returns what it printed. */
function run(script: string, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', path.join('test', 'store', 'fixtures', script), ...args], { encoding: 'utf8' }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
    );
  });
}

async function worker(file: string, startSignal: string, name: string): Promise<{ claimant: string; won: number[] }> {
  return JSON.parse(await run('claim-worker.ts', file, startSignal, name)) as { claimant: string; won: number[] };
}

/** Resolves once every named worker has written its ready file, then fires the start signal. */
async function startTogether(startSignal: string, names: string[]): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!names.every((name) => existsSync(`${startSignal}.${name}.ready`))) {
    if (Date.now() > deadline) throw new Error(`workers ${names.join(', ')} did not get ready`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  writeFileSync(startSignal, '');
}

describe('claimDelivery() under contention', () => {
  it('lets exactly one of two connections to the same file claim a row', () => {
    const file = tempDbFile();
    plan(file, 1);
    const first = tempStore(file);
    const second = tempStore(file);
    const [row] = first.deliveriesFor(EDITION);
    const wins = [
      second.claimDelivery(row?.id ?? -1, { claimant: 'host/2/bb', now: NOW }),
      first.claimDelivery(row?.id ?? -1, { claimant: 'host/1/aa', now: NOW }),
    ];
    expect(wins).toEqual([true, false]);
    expect(first.getDelivery(row?.id ?? -1)).toMatchObject({ state: 'sending', claimedBy: 'host/2/bb' });
  });

  it('sees a claim made by another connection at once (it is committed, not pending)', () => {
    const file = tempDbFile();
    plan(file, 3);
    const first = tempStore(file);
    const second = tempStore(file);
    for (const row of first.deliveriesFor(EDITION)) first.claimDelivery(row.id, { claimant: 'host/1/aa', now: NOW });
    expect(second.pendingDeliveries({ ...EDITION, now: NOW })).toEqual([]);
    expect(second.ledgerSummary('xinjiang-us', '2022-08', 1).sending).toBe(3);
  });

  it('gives every one of 200 rows to exactly one of two processes claiming at the same time', async () => {
    const file = tempDbFile();
    plan(file, 200);
    const startSignal = `${file}.go`;
    // Both go through the rows in the same order, so they fight over every row, not only where they meet.
    const running = [worker(file, startSignal, 'a'), worker(file, startSignal, 'b')];
    await startTogether(startSignal, ['a', 'b']);
    const [a, b] = await Promise.all(running);
    const wonByA = new Set(a?.won);
    const wonByB = new Set(b?.won);
    expect([...wonByA].filter((id) => wonByB.has(id))).toEqual([]);
    expect(wonByA.size + wonByB.size).toBe(200);
    expect(wonByA.size).toBeGreaterThan(0);
    expect(wonByB.size).toBeGreaterThan(0);
    const rows = tempStore(file).deliveriesFor(EDITION);
    expect(rows.every((row) => row.state === 'sending')).toBe(true);
    expect(rows.filter((row) => row.claimedBy === a?.claimant).map((row) => row.id).sort((x, y) => x - y)).toEqual([...wonByA].sort((x, y) => x - y));
  });

  it('creates and migrates a fresh file once when two processes open it at the same time', async () => {
    const file = tempDbFile();
    mkdirSync(path.dirname(file), { recursive: true });
    const startSignal = `${file}.go`;
    const opening = [run('open-worker.ts', file, startSignal, 'a'), run('open-worker.ts', file, startSignal, 'b')];
    await startTogether(startSignal, ['a', 'b']);
    const versions = await Promise.all(opening);
    const store = tempStore(file);
    expect(versions).toEqual([String(store.schemaVersion()), String(store.schemaVersion())]);
    expect(store.listSubscribers().map((s) => s.email)).toEqual(['a@example.org', 'b@example.org']);
  });
});
