/**
 * Runs a command as a child process and reports its wall time and peak resident memory (maxRSS of the child,
 * from GNU time's %M, in KiB), so a benchmark can measure `tradebrief generate` as a user runs it.
 * Needs /usr/bin/time (Debian package `time`); without it the peak is reported as null, never guessed.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

export interface ChildRun {
  ms: number;
  /** Peak RSS in MiB, null when /usr/bin/time is not installed. */
  peakRssMiB: number | null;
  code: number | null;
  stdout: string;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';

/**
 * @example const run = await runChild(process.execPath, ['dist/cli.js', 'generate', …], { cwd }); run.peakRssMiB // 312.5
 * @throws Error when the command exits non-zero (its stderr is in the message): a failed run is not a figure
 */
export async function runChild(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ChildRun> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-rss-'));
  const rssFile = path.join(dir, 'rss');
  const withTime = existsSync(GNU_TIME);
  const [file, argv] = withTime ? [GNU_TIME, ['-f', '%M', '-o', rssFile, command, ...args]] : [command, [...args]];
  try {
    const started = performance.now();
    const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.on('error', reject);
      child.on('close', (exitCode) => resolve({ code: exitCode, stdout: out, stderr: err }));
    });
    const ms = performance.now() - started;
    if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${code}:\n${stderr.slice(-2000)}`);
    const peakKiB = withTime ? Number.parseInt((await readFile(rssFile, 'utf8')).trim().split('\n').pop() ?? '', 10) : Number.NaN;
    return { ms, peakRssMiB: Number.isFinite(peakKiB) ? Math.round((peakKiB / 1024) * 10) / 10 : null, code, stdout, stderr };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Peak RSS of this process so far, in MiB (getrusage maxrss). */
export function selfPeakRssMiB(): number {
  return Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
}
