import { spawnSync } from 'node:child_process';

/** The pid of a process that has run and exited (and been reaped): nobody has it now. */
export function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  if (child.pid === undefined) throw new Error('could not start a child process');
  return child.pid;
}
