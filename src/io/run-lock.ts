/**
 * An exclusive lock file, so that two scheduled runs never overlap (RELIABILITY.md B2: Forbid semantics in every
 * environment, whatever the trigger). The file holds the holder's pid, host and a heartbeat that the holder
 * refreshes; a lock whose holder is dead and whose heartbeat is older than the lease is taken over.
 *
 * Created with O_EXCL ('wx'), so of two processes starting together exactly one gets it. A stale lock is first
 * renamed aside (only one process can rename a given file), and its content checked to be the stale one read
 * before, so a takeover can never remove a lock that another process has just taken.
 */
import { hostname } from 'node:os';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { TradebriefError } from '../errors.js';
import { writeFileAtomic } from './atomic-write.js';

export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
  heartbeatAt: string;
}

export interface LockOptions {
  /** What the lock protects, for messages ("tradebrief run"). */
  purpose: string;
  pid?: number;
  host?: string;
  /** The run's clock: a function, since heartbeats happen over time. */
  now: () => Date;
  /** A lock whose heartbeat is older than this, and whose holder is dead, is stale (default 10 minutes). */
  leaseMs?: number;
  /** Heartbeat period (default lease / 3); 0 turns the timer off (tests call heartbeat() themselves). */
  heartbeatMs?: number;
  /** Whether a pid is alive on this host (default: signal 0). */
  isAlive?: (pid: number) => boolean;
}

export interface Lock {
  readonly file: string;
  heartbeat(): Promise<void>;
  release(): Promise<void>;
}

/** Signal 0 checks existence; EPERM means it exists under another user. */
export function pidIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockHeld(file: string, holder: LockHolder | null, purpose: string): TradebriefError {
  const who = holder === null ? 'another process' : `pid ${holder.pid} on ${holder.host} (started ${holder.startedAt}, last heartbeat ${holder.heartbeatAt})`;
  return new TradebriefError('LockHeld', 'transient', `${purpose} is already running: ${who} holds ${file}`, {
    hint: 'Nothing was done. Try again when it has finished; a lock left by a dead process is taken over after its lease.',
  });
}

async function readHolder(file: string): Promise<LockHolder | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as LockHolder;
  } catch {
    return null; // vanished, or half-written by a holder that crashed mid-create: judged by the file's age below
  }
}

/**
 * @example const lock = await acquireLock('.tradebrief/run.lock', { purpose: 'tradebrief run', now: () => new Date() });
 *          try { … } finally { await lock.release(); }
 * @throws TradebriefError LockHeld (kind transient, exit 75)
 */
export async function acquireLock(file: string, options: LockOptions): Promise<Lock> {
  const pid = options.pid ?? process.pid;
  const host = options.host ?? hostname();
  const leaseMs = options.leaseMs ?? 10 * 60_000;
  const isAlive = options.isAlive ?? pidIsAlive;
  mkdirSync(path.dirname(file), { recursive: true });
  const startedAt = options.now().toISOString();
  const holderNow = (): LockHolder => ({ pid, host, startedAt, heartbeatAt: options.now().toISOString() });

  const create = async (): Promise<boolean> => {
    try {
      const handle = await open(file, 'wx');
      try {
        await handle.writeFile(`${JSON.stringify(holderNow())}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
  };

  if (!(await create())) {
    const holder = await readHolder(file);
    const heartbeat = holder === null ? null : Date.parse(holder.heartbeatAt);
    const stale =
      holder !== null &&
      heartbeat !== null &&
      options.now().getTime() - heartbeat > leaseMs &&
      (holder.host !== host || !isAlive(holder.pid));
    if (!stale) throw lockHeld(file, holder, options.purpose);
    const aside = `${file}.${pid}.stale`;
    try {
      await rename(file, aside);
    } catch {
      throw lockHeld(file, await readHolder(file), options.purpose); // someone else took it over first
    }
    const moved = await readHolder(aside);
    if (moved === null || moved.pid !== holder.pid || moved.startedAt !== holder.startedAt) {
      // We moved a lock that was taken after our check: put it back, it is not ours to break.
      await rename(aside, file).catch(() => undefined);
      throw lockHeld(file, moved, options.purpose);
    }
    await rm(aside, { force: true });
    if (!(await create())) throw lockHeld(file, await readHolder(file), options.purpose);
  }

  let released = false;
  const heartbeatMs = options.heartbeatMs ?? Math.floor(leaseMs / 3);
  const beat = async (): Promise<void> => {
    if (!released) await writeFileAtomic(file, `${JSON.stringify(holderNow())}\n`);
  };
  const timer = heartbeatMs > 0 ? setInterval(() => void beat().catch(() => undefined), heartbeatMs) : undefined;
  timer?.unref();
  return {
    file,
    heartbeat: beat,
    release: async () => {
      if (released) return;
      released = true;
      if (timer) clearInterval(timer);
      const holder = await readHolder(file);
      if (holder?.pid === pid && holder.startedAt === startedAt) await rm(file, { force: true });
    },
  };
}
