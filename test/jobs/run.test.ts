/**
 * The run job's own decisions against the shipped sample data and a real SQLite store: the lock, what it says
 * when nothing is due, and the schedule settings it reads. Months actually generated and mailed (real Chromium,
 * a real SMTP server) are in test/e2e/run*.test.ts.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig, type Config } from '../../src/config.js';
import { TradebriefError } from '../../src/errors.js';
import { runJob, type RunEffects } from '../../src/jobs/run.js';
import { runLockFile } from '../../src/jobs/run-lock-file.js';
import type { MailTransport } from '../../src/mail/transport.js';
import type { BrowserPool } from '../../src/pdf/browser-pool.js';
import { openStore, type Store } from '../../src/store/index.js';

const root = path.resolve(import.meta.dirname, '../..');
const shipped = JSON.parse(readFileSync(path.join(root, 'tradebrief.config.json'), 'utf8')) as Record<string, unknown>;

let dir: string;
let store: Store;
let config: Config;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tradebrief-run-'));
  store = openStore(path.join(dir, 'tradebrief.db'));
  config = parseConfig({ ...shipped, outDir: path.join(dir, 'out') }, { baseDir: root });
});
afterEach(() => store.close());

function effects(now: string, overrides: Partial<RunEffects> = {}): RunEffects & { logs: string[] } {
  const logs: string[] = [];
  const refuse = (what: string) => () => {
    throw new Error(`this test expects no ${what}`);
  };
  return {
    logs,
    now: () => new Date(now),
    log: (line) => logs.push(line),
    store,
    transport: refuse('mail') as unknown as (report: string, month: string, edition: number | null) => MailTransport,
    outboxDir: (report, month, edition) => path.join(dir, 'out', report, month, edition === null ? '' : `edition-${edition}`, 'outbox'),
    browser: { close: async () => undefined } as unknown as BrowserPool,
    sleep: async () => undefined,
    random: () => 0.5,
    claimant: 'test',
    isAlive: () => false,
    ...overrides,
  };
}

/** What a finished `send` of a month leaves in the runs table. */
function markDelivered(month: string): void {
  const runId = store.startRun({ kind: 'send', report: 'xinjiang-us', month, edition: 1, startedAt: new Date('2022-01-01T00:00:00Z') });
  store.finishRun(runId, { finishedAt: new Date('2022-01-01T00:01:00Z'), outcome: 'ok', counts: { sent: 2, failed: 0, uncertain: 0, skipped: 0 } });
}

describe('runJob()', () => {
  it('says why nothing is due, records it as a run and does nothing else', async () => {
    markDelivered('2022-08');
    const fx = effects('2022-10-19T12:00:00+08:00');
    const result = await runJob({ config, reports: ['xinjiang-us'] }, fx);
    expect(result.reports[0]?.due).toEqual([]);
    expect(result.reports[0]?.notes).toContain('2022-09: data present but not published yet; expected after 2022-10-20 Asia/Shanghai');
    const [last] = store.listRuns({ report: 'xinjiang-us' });
    expect(last).toMatchObject({ kind: 'run', month: '2022-09', outcome: 'ok', message: expect.stringMatching(/^nothing due: everything up to 2022-08 is delivered; 2022-09: data present/) });
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
    expect(existsSync(runLockFile(config, store.file))).toBe(false); // released
  }, 30_000);

  it('exits 75 at once when another live run holds the lock, having recorded nothing', async () => {
    const lockFile = runLockFile(config, store.file);
    const heartbeat = new Date('2022-10-21T00:59:00Z').toISOString();
    writeFileSync(lockFile, JSON.stringify({ pid: 4242, host: 'elsewhere', startedAt: heartbeat, heartbeatAt: heartbeat }));
    const error = await runJob({ config, reports: 'all' }, effects('2022-10-21T01:00:00Z')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TradebriefError);
    expect(error).toMatchObject({ code: 'LockHeld', kind: 'transient' });
    expect(store.listRuns()).toEqual([]);
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: 4242 }); // not ours to remove
  });

  it('takes over a lock whose holder is dead and whose heartbeat is older than the lease', async () => {
    markDelivered('2022-09');
    const lockFile = runLockFile(config, store.file);
    const old = new Date('2022-10-21T00:30:00Z').toISOString(); // 30 minutes before now; the lease is 10
    // On this host, so the pid check is what decides.
    writeFileSync(lockFile, JSON.stringify({ pid: 4242, host: hostname(), startedAt: old, heartbeatAt: old }));
    const fx = effects('2022-10-21T01:00:00Z', { lockHolderAlive: (pid) => pid !== 4242 });
    const result = await runJob({ config, reports: ['xinjiang-us'] }, fx);
    expect(result.reports[0]?.notes[0]).toBe('everything up to 2022-09 is delivered');
    expect(existsSync(lockFile)).toBe(false);
  }, 30_000);

  it('refuses an unknown report before taking the lock', async () => {
    await expect(runJob({ config, reports: ['nope'] }, effects('2022-10-21T01:00:00Z'))).rejects.toMatchObject({ kind: 'usage' });
    expect(existsSync(runLockFile(config, store.file))).toBe(false);
  });
});

describe('the schedule settings', () => {
  it('default to 09:00 on the 21st, release day 20, 3 months of catch-up, 45 days of lateness, a 10-minute lease', () => {
    expect(config.schedule).toEqual({ cron: '0 9 21 * *', timeZone: 'Asia/Shanghai', releaseDay: 20, catchUp: 3, maxSendLatenessDays: 45, leaseMinutes: 10 });
  });

  it('take the top-level timeZone unless they name their own', () => {
    const europe = parseConfig({ ...shipped, timeZone: 'Europe/Berlin' }, { baseDir: root });
    expect(europe.schedule.timeZone).toBe('Europe/Berlin');
    const own = parseConfig({ ...shipped, timeZone: 'Europe/Berlin', schedule: { timeZone: 'UTC' } }, { baseDir: root });
    expect(own.schedule.timeZone).toBe('UTC');
  });

  it('refuse a bad cron, zone or release day, naming the key', () => {
    expect(() => parseConfig({ ...shipped, schedule: { cron: 'every day', timeZone: 'Mars/Olympus', releaseDay: 31 } }, { baseDir: root })).toThrow(
      /schedule\.cron: expected a cron expression[\s\S]*schedule\.timeZone: expected an IANA time zone[\s\S]*schedule\.releaseDay/,
    );
  });

  it('put the lock beside the database in use, or where schedule.lockFile says (relative to the config file)', () => {
    expect(runLockFile(config, '/var/lib/tradebrief/ledger.db')).toBe('/var/lib/tradebrief/run.lock');
    const own = parseConfig({ ...shipped, schedule: { lockFile: 'locks/run.lock' } }, { baseDir: '/srv/reports', configFile: '/srv/reports/tradebrief.config.json' });
    expect(runLockFile(own, '/var/lib/tradebrief/ledger.db')).toBe('/srv/reports/locks/run.lock');
  });
});
