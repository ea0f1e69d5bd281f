/**
 * `tradebrief history`: the runs table, newest first: what ran, for which month and edition, how it ended, the
 * delivery counts, how long it took and what it said. What an operator reads the morning after a scheduled run.
 */
import type { Command } from 'commander';
import { DEFAULT_CONFIG_FILE, findReport, loadConfig } from '../config.js';
import { UsageError } from '../errors.js';
import type { Run } from '../store/index.js';

interface HistoryCommandOptions {
  report?: string;
  limit: string;
  json?: boolean;
  config: string;
}

/** Adds `history` to the program. @example registerHistoryCommand(program) */
export function registerHistoryCommand(program: Command): void {
  program
    .command('history')
    .description('Past runs, newest first: kind, report, month, edition, outcome, counts, duration and message')
    .option('--report <id>', 'only runs of this report')
    .option('--limit <n>', 'at most this many runs', '20')
    .option('--json', 'print JSON (machine-readable)')
    .option('--config <file>', 'config file', DEFAULT_CONFIG_FILE)
    .addHelpText('after', '\nEnvironment: TRADEBRIEF_DB (the database; default delivery.dbPath).\n\nExamples:\n  tradebrief history\n  tradebrief history --report xinjiang-us --limit 5 --json')
    .action(async (options: HistoryCommandOptions) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a whole number from 1, not ${JSON.stringify(options.limit)}`);
      const { openStore, resolveDbPath } = await import('../store/index.js');
      const config = await loadConfig(options.config);
      if (options.report !== undefined) findReport(config, options.report);
      const store = openStore(resolveDbPath(config, process.env.TRADEBRIEF_DB));
      try {
        const runs = store.listRuns({ report: options.report, limit });
        process.stdout.write(options.json === true ? `${JSON.stringify(runs.map(runAsJson), null, 2)}\n` : formatHistory(runs));
      } finally {
        store.close();
      }
    });
}

/** A run for --json: dates as ISO strings and the duration computed, null while unfinished. */
export function runAsJson(run: Run): Record<string, unknown> {
  return {
    ...run,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    durationMs: run.finishedAt === null ? null : run.finishedAt.getTime() - run.startedAt.getTime(),
  };
}

/** "1.2 s", "3 min 5 s"; "-" for a run that never finished (still going, or its process died). */
export function formatDuration(run: Pick<Run, 'startedAt' | 'finishedAt'>): string {
  if (run.finishedAt === null) return '-';
  const ms = run.finishedAt.getTime() - run.startedAt.getTime();
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/**
 * The runs as an aligned table, one run a line, the message last so it may run long.
 * @example formatHistory(runs)
 *   // "started (UTC)     kind  report       month    ed  outcome  sent failed unc. skip  duration  message\n…"
 */
export function formatHistory(runs: readonly Run[]): string {
  if (runs.length === 0) return 'no runs recorded yet\n';
  const header = ['started (UTC)', 'kind', 'report', 'month', 'ed', 'outcome', 'sent', 'failed', 'unc.', 'skip', 'duration', 'message'];
  const rows = runs.map((run) => [
    run.startedAt.toISOString().slice(0, 16).replace('T', ' '),
    run.kind,
    run.report,
    run.month === '' ? '-' : run.month,
    run.edition === null ? '-' : String(run.edition),
    run.outcome ?? (run.finishedAt === null ? 'unfinished' : '-'),
    String(run.counts.sent),
    String(run.counts.failed),
    String(run.counts.uncertain),
    String(run.counts.skipped),
    formatDuration(run),
    (run.message ?? '').replace(/\s+/g, ' '),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}
