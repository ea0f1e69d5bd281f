/**
 * Who holds a ledger row: "<host>/<pid>/<random>". The pid lets a later run tell whether the holder is still
 * alive; the random part tells two runs of the same process apart; the host keeps a shared database file
 * (NFS, a mounted volume) from judging a process on another machine by a local pid.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/** A fresh claimant for this process. @example makeClaimant() // "build-01/4242/9f3c1a2b" */
export function makeClaimant(pid: number = process.pid, host: string = hostname()): string {
  return `${host.replaceAll('/', '_')}/${pid}/${randomBytes(4).toString('hex')}`;
}

/** The parts of a claimant, or null when it is not one. */
export function parseClaimant(claimant: string): { host: string; pid: number; nonce: string } | null {
  const match = /^([^/]*)\/(\d+)\/([0-9a-f]+)$/.exec(claimant);
  if (match === null) return null;
  return { host: match[1] ?? '', pid: Number(match[2]), nonce: match[3] ?? '' };
}

/**
 * Whether the process behind a claimant may still be running. Errs on "alive" whenever it cannot know
 * (another host, a malformed claimant, no permission to signal it), because calling a live sender dead
 * would hand its row to recoverAbandoned while it may still be sending. A zombie (exited, not yet reaped by
 * its parent) counts as dead. A recycled pid looks alive: the row then stays 'sending' until an operator
 * looks, which costs a delay, never a duplicate.
 * @example isClaimantAlive(makeClaimant()) // true
 */
export function isClaimantAlive(claimant: string, host: string = hostname()): boolean {
  const parsed = parseClaimant(claimant);
  if (parsed === null || parsed.host !== host.replaceAll('/', '_')) return true;
  try {
    process.kill(parsed.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
  return !isZombie(parsed.pid);
}

function isZombie(pid: number): boolean {
  try {
    // /proc/<pid>/stat: "pid (comm) S …"; comm may contain spaces and parentheses, so read after the last ")".
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false;
  }
}
