import { describe, expect, it } from 'vitest';
import { describeRunExit, runScheduledReports, type RunExit } from '../../src/jobs/schedule-tick.js';

/** A spawnRun that answers from a table of exits by report label and records the arguments it got. */
function fakeSpawn(exits: Record<string, RunExit>): { spawnRun: (args: readonly string[]) => Promise<RunExit>; runs: string[][] } {
  const runs: string[][] = [];
  return {
    runs,
    spawnRun: async (args) => {
      runs.push([...args]);
      const label = args.slice(1, args[1] === '--all' ? 2 : 3).join(' ');
      return exits[label] ?? { code: 0, signal: null };
    },
  };
}

const commonArgs = ['--config', '/srv/tradebrief.config.json'];

describe('runScheduledReports()', () => {
  it('runs every report with one `run --all` when no report is named', async () => {
    const { spawnRun, runs } = fakeSpawn({});
    await runScheduledReports({ reports: [], commonArgs }, { spawnRun, log: () => {} });
    expect(runs).toEqual([['run', '--all', '--config', '/srv/tradebrief.config.json']]);
  });

  it('runs the named reports one after the other', async () => {
    const { spawnRun, runs } = fakeSpawn({});
    await runScheduledReports({ reports: ['xinjiang-us', 'china-us'], commonArgs: [] }, { spawnRun, log: () => {} });
    expect(runs).toEqual([
      ['run', '--report', 'xinjiang-us'],
      ['run', '--report', 'china-us'],
    ]);
  });

  it('takes exit 75 (another run holds the lock) as a skip, not a failure', async () => {
    const lines: string[] = [];
    const { spawnRun } = fakeSpawn({ '--all': { code: 75, signal: null } });
    await expect(runScheduledReports({ reports: [], commonArgs }, { spawnRun, log: (line) => lines.push(line) })).resolves.toBeUndefined();
    expect(lines.at(-1)).toMatch(/^run --all: skipped \(exit 75: another run holds the lock/);
  });

  it('still runs the other reports when one fails, then fails naming it', async () => {
    const { spawnRun, runs } = fakeSpawn({ '--report broken': { code: 65, signal: null } });
    await expect(runScheduledReports({ reports: ['broken', 'fine'], commonArgs: [] }, { spawnRun, log: () => {} })).rejects.toThrow(
      'run failed for --report broken (failed (exit 65',
    );
    expect(runs).toHaveLength(2);
  });
});

describe('describeRunExit()', () => {
  it('calls a run killed by a signal a failure, naming the signal', () => {
    expect(describeRunExit({ code: null, signal: 'SIGKILL' })).toEqual({ failed: true, text: 'killed by SIGKILL' });
  });

  it('calls exit 0 done', () => {
    expect(describeRunExit({ code: 0, signal: null }).failed).toBe(false);
  });
});
