import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TradebriefError } from '../../src/errors.js';
import { acquireLock } from '../../src/io/run-lock.js';

const dir = (): string => mkdtempSync(path.join(tmpdir(), 'tradebrief-lock-'));
const at = (iso: string) => () => new Date(iso);

describe('acquireLock()', () => {
  it('lets one holder in, refuses the second with LockHeld (exit 75), and frees the file on release', async () => {
    const file = path.join(dir(), 'run.lock');
    const first = await acquireLock(file, { purpose: 'tradebrief run', now: at('2022-10-01T00:00:00Z'), heartbeatMs: 0 });
    const second = await acquireLock(file, { purpose: 'tradebrief run', pid: 999_999, now: at('2022-10-01T00:01:00Z'), heartbeatMs: 0 }).catch((error: unknown) => error);
    expect(second).toBeInstanceOf(TradebriefError);
    expect((second as TradebriefError).code).toBe('LockHeld');
    expect((second as TradebriefError).kind).toBe('transient');
    expect((second as TradebriefError).message).toContain(`pid ${process.pid}`);
    await first.release();
    const third = await acquireLock(file, { purpose: 'tradebrief run', now: at('2022-10-01T00:02:00Z'), heartbeatMs: 0 });
    await third.release();
  });

  it('takes over a lock whose holder is dead and whose heartbeat is older than the lease', async () => {
    const file = path.join(dir(), 'run.lock');
    const dead = { pid: 424_242, host: 'this-host', startedAt: '2022-10-01T00:00:00.000Z', heartbeatAt: '2022-10-01T00:00:00.000Z' };
    writeFileSync(file, JSON.stringify(dead));
    const options = { purpose: 'tradebrief run', host: 'this-host', leaseMs: 60_000, heartbeatMs: 0, isAlive: () => false };
    const lock = await acquireLock(file, { ...options, now: at('2022-10-01T00:05:00Z') });
    expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('respects a lock with a fresh heartbeat even when the pid looks dead, and one whose holder is alive', async () => {
    const file = path.join(dir(), 'run.lock');
    const holder = { pid: 424_242, host: 'this-host', startedAt: '2022-10-01T00:00:00.000Z', heartbeatAt: '2022-10-01T00:04:30.000Z' };
    writeFileSync(file, JSON.stringify(holder));
    const options = { purpose: 'tradebrief run', host: 'this-host', leaseMs: 60_000, heartbeatMs: 0, now: at('2022-10-01T00:05:00Z') };
    await expect(acquireLock(file, { ...options, isAlive: () => false })).rejects.toThrow(/already running/);
    writeFileSync(file, JSON.stringify({ ...holder, heartbeatAt: '2022-10-01T00:00:00.000Z' }));
    await expect(acquireLock(file, { ...options, isAlive: () => true })).rejects.toThrow(/already running/);
  });

  it('keeps the heartbeat fresh while held', async () => {
    const file = path.join(dir(), 'run.lock');
    let clock = Date.parse('2022-10-01T00:00:00Z');
    const lock = await acquireLock(file, { purpose: 'tradebrief run', now: () => new Date(clock), heartbeatMs: 0 });
    clock += 120_000;
    await lock.heartbeat();
    expect(JSON.parse(readFileSync(file, 'utf8')).heartbeatAt).toBe('2022-10-01T00:02:00.000Z');
    await lock.release();
  });

  it('gives the lock to exactly one of several processes starting together', async () => {
    const file = path.join(dir(), 'run.lock');
    const script = `
      import { acquireLock } from ${JSON.stringify(path.resolve('src/io/run-lock.ts'))};
      try {
        const lock = await acquireLock(${JSON.stringify(file)}, { purpose: 'race', now: () => new Date(), heartbeatMs: 0 });
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await lock.release();
        process.exit(0);
      } catch (error) { process.exit(error.code === 'LockHeld' ? 75 : 1); }`;
    const codes = await Promise.all(
      Array.from({ length: 4 }, () =>
        new Promise<number | null>((resolve) => {
          const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: 'ignore' });
          child.on('exit', resolve);
        }),
      ),
    );
    expect(codes.filter((code) => code === 0)).toHaveLength(1);
    expect(codes.filter((code) => code === 75)).toHaveLength(3);
  });
});
