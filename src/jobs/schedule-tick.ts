/**
 * One tick of `tradebrief schedule`: run `tradebrief run` for the scheduled reports, each as a child process
 * (started by the `spawnRun` effect), so a crash or a leak in a run never takes the scheduler down, and the
 * run's own lock and exit code apply. This file only decides what an exit means.
 */
import { EXIT } from '../errors.js';

/** How a child `tradebrief run` ended: its exit code, or the signal that killed it. */
export interface RunExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ScheduleTickOptions {
  /** Report ids to run one after the other; empty means every report (`run --all`). */
  reports: readonly string[];
  /** Arguments every run gets, e.g. ['--config', '/srv/tradebrief.config.json']. */
  commonArgs: readonly string[];
}

export interface ScheduleTickEffects {
  /** Starts `tradebrief run <args>` and resolves when it has exited. */
  spawnRun: (args: readonly string[]) => Promise<RunExit>;
  log: (line: string) => void;
}

/**
 * Runs each scheduled report in turn; resolves when all ran or were skipped, rejects naming the reports whose
 * run failed (after trying the others: one broken report does not hold back the rest).
 * @example
 * await runScheduledReports({ reports: [], commonArgs: ['--config', 'tradebrief.config.json'] }, { spawnRun, log })
 * // spawns: tradebrief run --all --config tradebrief.config.json
 */
export async function runScheduledReports(options: ScheduleTickOptions, effects: ScheduleTickEffects): Promise<void> {
  const targets = options.reports.length === 0 ? [['--all']] : options.reports.map((id) => ['--report', id]);
  const failures: string[] = [];
  for (const target of targets) {
    const args = ['run', ...target, ...options.commonArgs];
    const label = target.join(' ');
    effects.log(`starting: tradebrief ${args.join(' ')}`);
    const exit = await effects.spawnRun(args);
    const outcome = describeRunExit(exit);
    effects.log(`run ${label}: ${outcome.text}`);
    if (outcome.failed) failures.push(`${label} (${outcome.text})`);
  }
  if (failures.length > 0) throw new Error(`run failed for ${failures.join(', ')}; the next tick tries again`);
}

/**
 * What a run's exit means to the scheduler. Exit 75 is a skip, not a failure: another run holds the lock (it is
 * doing this tick's work), or a server was down and the next tick retries.
 * @example describeRunExit({ code: 75, signal: null }) // { failed: false, text: 'skipped (exit 75: …)' }
 */
export function describeRunExit(exit: RunExit): { failed: boolean; text: string } {
  if (exit.code === EXIT.ok) return { failed: false, text: 'done (exit 0)' };
  if (exit.code === EXIT.tempFail) {
    return { failed: false, text: 'skipped (exit 75: another run holds the lock, or a server was down; the next tick retries)' };
  }
  if (exit.code === null) return { failed: true, text: `killed by ${exit.signal ?? 'an unknown signal'}` };
  return { failed: true, text: `failed (exit ${exit.code}; see the run's messages above)` };
}
