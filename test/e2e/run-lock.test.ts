/**
 * Overlapping `tradebrief run`s (RELIABILITY.md tests 3 and 4): two started together, one exits 75 at once and
 * subscribers get one copy; a lock left by a dead process is taken over; a live one is respected.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markDelivered, runSetup, seedSubscribers } from './helpers/run-harness.js';
import { startSmtpSink, type SmtpSink } from './helpers/smtp-sink.js';

const SUBSCRIBERS = ['ana@example.org', 'bo@example.org', 'cy@example.org'];
let sink: SmtpSink;

beforeEach(async () => {
  sink = await startSmtpSink();
});
afterEach(async () => {
  await sink.close();
});

/** The lock beside the test's database, as a holder would have written it. */
function writeLock(folder: string, holder: { pid: number; heartbeatAt: string }): string {
  const file = path.join(folder, 'run.lock');
  writeFileSync(file, `${JSON.stringify({ pid: holder.pid, host: hostname(), startedAt: holder.heartbeatAt, heartbeatAt: holder.heartbeatAt })}\n`);
  return file;
}

describe('tradebrief run, twice at once', () => {
  it('lets one run do the work while the other exits 75 at once; every subscriber gets exactly one copy', async () => {
    const setup = runSetup();
    seedSubscribers(setup, SUBSCRIBERS);
    const now = ['--now', '2022-10-21T09:00:00+08:00'];
    const [one, two] = await Promise.all([setup.run(now, sink), setup.run(now, sink)]);
    expect([one.code, two.code].sort()).toEqual([0, 75]);
    const loser = one.code === 75 ? one : two;
    expect(loser.stderr).toMatch(/tradebrief run is already running: pid \d+/);
    expect(loser.stdout).toBe('');
    for (const email of SUBSCRIBERS) expect(sink.receivedBy(email)).toHaveLength(1);
    expect(sink.messages).toHaveLength(SUBSCRIBERS.length);
    expect(existsSync(path.join(setup.folder, 'run.lock'))).toBe(false);
  }, 60_000);
});

describe('tradebrief run and a lock already there', () => {
  it('takes over a lock whose process is dead and whose heartbeat is older than the lease', async () => {
    const setup = runSetup();
    markDelivered(setup, '2022-09');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid; // exited: its pid names nobody now
    const lock = writeLock(setup.folder, { pid: dead, heartbeatAt: '2022-10-21T00:30:00.000Z' }); // 30 min before --now
    const result = await setup.run(['--now', '2022-10-21T09:00:00+08:00'], sink);
    expect(result.stderr).not.toMatch(/already running/);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('nothing due: everything up to 2022-09 is delivered');
    expect(existsSync(lock)).toBe(false);
  }, 30_000);

  it('respects a lock whose holder is alive and beating: exit 75, nothing done', async () => {
    const setup = runSetup();
    seedSubscribers(setup, SUBSCRIBERS);
    const lock = writeLock(setup.folder, { pid: process.pid, heartbeatAt: '2022-10-21T00:58:00.000Z' });
    const result = await setup.run(['--now', '2022-10-21T09:00:00+08:00'], sink);
    expect(result.code).toBe(75);
    expect(result.stderr).toContain(`pid ${process.pid}`);
    expect(existsSync(lock)).toBe(true);
    expect(existsSync(setup.out)).toBe(false);
    expect(setup.withStore((store) => store.listRuns())).toEqual([]);
    expect(sink.messages).toHaveLength(0);
  }, 30_000);
});
