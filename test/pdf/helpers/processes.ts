/** What /proc says about processes: the tests' witness that no Chromium is left running. */
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessInfo {
  pid: number;
  ppid: number;
  pgid: number;
  state: string;
  command: string;
}

export function listProcesses(): ProcessInfo[] {
  const processes: ProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name is in parentheses and may contain spaces: the fields after the last ")" are fixed.
      const close = stat.lastIndexOf(')');
      const command = stat.slice(stat.indexOf('(') + 1, close);
      const [state = '?', ppid = '0', pgid = '0'] = stat.slice(close + 2).split(' ');
      processes.push({ pid: Number(entry), ppid: Number(ppid), pgid: Number(pgid), state, command });
    } catch {
      // exited while we were reading
    }
  }
  return processes;
}

/** The browser's process group and every descendant of its main process, alive or not yet reaped. */
export function browserProcesses(pid: number): ProcessInfo[] {
  const all = listProcesses();
  const found = new Map<number, ProcessInfo>();
  for (const process of all) if (process.pgid === pid || process.pid === pid) found.set(process.pid, process);
  let grew = true;
  while (grew) {
    grew = false;
    for (const process of all) {
      if (!found.has(process.pid) && found.has(process.ppid)) {
        found.set(process.pid, process);
        grew = true;
      }
    }
  }
  return [...found.values()];
}

/** Which of these pids still exist in /proc (a zombie counts: it is still a pid in the table). */
export function stillPresent(pids: readonly number[]): ProcessInfo[] {
  const present = new Map(listProcesses().map((process) => [process.pid, process]));
  return pids.flatMap((pid) => present.get(pid) ?? []);
}

/** Polls until `check` is true or `timeoutMs` passes; returns the last value of `check`. */
export async function eventually(check: () => boolean, timeoutMs = 3_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}
