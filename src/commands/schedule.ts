/**
 * `tradebrief schedule`: a long-running process for people without cron. On each fire time of
 * config.schedule.cron (read in config.schedule.timeZone) it runs `tradebrief run` as a CHILD PROCESS, so a crash
 * or a memory leak in a run never takes the scheduler down, and the run's own lock and exit code apply.
 *
 * Signals (handled here and nowhere else): the first SIGTERM/SIGINT stops the cron and lets the run in flight
 * finish (nothing is forwarded: the run finishes the message it is sending, records it, and exits), then the
 * scheduler exits 0. A second signal forwards SIGTERM to the run. The run is started in its own process group
 * so that Ctrl-C in a terminal reaches the scheduler only, and the first signal means the same everywhere.
 *
 * Test hook: TRADEBRIEF_TEST_RUN_SCRIPT names a script run (with node) instead of the CLI, with the same
 * arguments, so the tests can stand a stub in for a real run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Command } from 'commander';
import { DEFAULT_CONFIG_FILE, DEFAULTS, findReport, loadConfig, type Config } from '../config.js';
import { ConfigError, UsageError } from '../errors.js';
import type { RunExit } from '../jobs/schedule-tick.js';
import { createLogger } from '../io/logger.js';

interface ScheduleCommandOptions {
  config: string;
  report?: string[];
  all?: boolean;
  onceAt?: string;
}

/** Adds `schedule` to the program. @example registerScheduleCommand(program) */
export function registerScheduleCommand(program: Command): void {
  program
    .command('schedule')
    .description('Stay running and call `tradebrief run` on the cron schedule of the config (for machines without cron)')
    .option('--config <file>', 'config file', DEFAULT_CONFIG_FILE)
    .option('--report <id...>', 'only these reports (default: all of them)')
    .option('--all', 'every report of the config (the default)')
    .option('--once-at <iso-time>', 'instead of the cron schedule, fire once at this time, then exit (rehearsals, tests)')
    .addHelpText(
      'after',
      [
        '',
        'The schedule comes from the config: "schedule": { "cron": "0 9 21 * *", "timeZone": "Asia/Shanghai" }',
        '(cron default "0 9 21 * *"; timeZone default: the top-level timeZone). Each tick runs',
        '`tradebrief run`, which works out the due months itself; a tick while a run is going is skipped.',
        'SIGTERM/SIGINT: the run in flight finishes, then the scheduler exits 0; a second signal stops the run too.',
        'With system cron, systemd or Kubernetes, call `tradebrief run` from them instead: see docs/deploy.md.',
      ].join('\n'),
    )
    .action(async (options: ScheduleCommandOptions) => {
      if (options.all && options.report !== undefined) throw new UsageError('--report and --all do not go together');
      const onceAt = options.onceAt === undefined ? undefined : parseInstant(options.onceAt);
      const { runScheduledReports } = await import('../jobs/schedule-tick.js');
      const { startScheduler } = await import('../jobs/schedule.js');

      const config = await loadConfig(options.config);
      const reports = options.report ?? [];
      for (const id of reports) findReport(config, id);
      const { cron, timeZone } = scheduleSettings(config);
      const commonArgs = config.configFile === null ? [] : ['--config', config.configFile];

      const log = createLogger({ command: 'schedule' }).log;
      let child: ChildProcess | null = null;
      const spawnRun = (args: readonly string[]): Promise<RunExit> =>
        new Promise((resolve, reject) => {
          const started = spawn(process.execPath, [...process.execArgv, ...runEntry(), ...args], { stdio: 'inherit', detached: true });
          child = started;
          started.once('error', (error) => {
            child = null;
            reject(error);
          });
          started.once('exit', (code, signal) => {
            child = null;
            resolve({ code, signal });
          });
        });

      let finished!: () => void;
      const done = new Promise<void>((resolve) => (finished = resolve));
      let stopping: Promise<void> | null = null;
      let scheduler: ReturnType<typeof startScheduler> | undefined;
      const shutdown = (): Promise<void> => (stopping ??= (scheduler?.stop() ?? Promise.resolve()).then(finished));

      // The handlers come first: a signal that arrives while the scheduler starts must not kill the process.
      let signals = 0;
      const onSignal = (signal: NodeJS.Signals): void => {
        signals += 1;
        if (signals === 1) {
          log(`${signal}: stopping; a run in flight finishes first (send the signal again to stop it too)`);
          void shutdown();
          return;
        }
        const running = child as ChildProcess | null;
        if (running !== null && running.exitCode === null) {
          log(`${signal} again: forwarding SIGTERM to the run (pid ${running.pid ?? '?'})`);
          running.kill('SIGTERM');
        }
      };
      process.on('SIGTERM', onSignal);
      process.on('SIGINT', onSignal);
      try {
        try {
          scheduler = startScheduler({
            cron: onceAt ?? cron,
            timeZone,
            log,
            tick: async () => {
              try {
                await runScheduledReports({ reports, commonArgs }, { spawnRun, log });
              } finally {
                // A one-off has nothing after it: stop once this tick has returned (stop() waits for it).
                if (onceAt !== undefined) setImmediate(() => void shutdown());
              }
            },
          });
        } catch (error) {
          throw new ConfigError(`schedule.cron ${JSON.stringify(cron)} / schedule.timeZone ${JSON.stringify(timeZone)}: ${errorMessage(error)}`, {
            hint: 'Use a five-field cron pattern such as "0 9 21 * *" (09:00 on the 21st) and an IANA zone such as "Asia/Shanghai".',
          });
        }
        // A signal taken while the scheduler was starting found nothing to stop: stop it now.
        if (stopping !== null) await scheduler.stop();
        if (onceAt === undefined && scheduler.nextRun() === null) await shutdown();
        await done;
        log('stopped');
      } finally {
        process.off('SIGTERM', onSignal);
        process.off('SIGINT', onSignal);
      }
    });
}

/**
 * cron and timeZone of config.schedule (src/config/schema.ts validates the section and fills the cron default;
 * timeZone falls back to the top-level zone). Read defensively, so a config loaded without the schedule
 * section, or an older schema, still gets the defaults.
 */
function scheduleSettings(config: Config): { cron: string; timeZone: string } {
  const section: unknown = (config as { schedule?: unknown }).schedule;
  const schedule = typeof section === 'object' && section !== null ? (section as Record<string, unknown>) : {};
  const cron = schedule.cron ?? DEFAULTS.schedule.cron;
  const timeZone = schedule.timeZone ?? config.timeZone;
  if (typeof cron !== 'string') throw new ConfigError(`schedule.cron: expected a cron pattern such as "0 9 21 * *", got ${JSON.stringify(cron)}`);
  if (typeof timeZone !== 'string') throw new ConfigError(`schedule.timeZone: expected an IANA time zone such as "Asia/Shanghai", got ${JSON.stringify(timeZone)}`);
  return { cron, timeZone };
}

/** The script a child run starts: this same CLI entry (src/cli.ts under tsx, or bin/tradebrief.js), or the test stub. */
function runEntry(): string[] {
  const stub = process.env.TRADEBRIEF_TEST_RUN_SCRIPT;
  if (stub !== undefined && stub !== '') return [stub];
  const entry = process.argv[1];
  if (entry === undefined) throw new Error('cannot tell which script started tradebrief (process.argv[1] is missing)');
  return [entry];
}

function parseInstant(text: string): Date {
  const instant = new Date(text);
  if (Number.isNaN(instant.getTime())) throw new UsageError(`--once-at ${JSON.stringify(text)} is not an ISO time such as 2026-02-21T01:00:00Z`);
  return instant;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
