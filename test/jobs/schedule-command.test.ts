import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `tradebrief schedule` as a user starts it, with a stub standing in for `tradebrief run`
// (TRADEBRIEF_TEST_RUN_SCRIPT): the stub writes what it got and when it finished into a file, and takes
// ~1.5 s, long enough to signal the scheduler while it runs.
const repo = path.resolve(import.meta.dirname, '../..');
let dir: string;
let configFile: string;
let stub: string;

const STUB = `
import { appendFileSync } from 'node:fs';
const trace = process.env.STUB_TRACE;
appendFileSync(trace, 'started ' + JSON.stringify(process.argv.slice(2)) + '\\n');
process.on('SIGTERM', () => { appendFileSync(trace, 'got SIGTERM\\n'); process.exit(143); });
setTimeout(() => { appendFileSync(trace, 'finished\\n'); process.exit(0); }, 1500);
`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tradebrief-schedule-'));
  const config = JSON.parse(await readFile(path.join(repo, 'tradebrief.config.json'), 'utf8')) as Record<string, unknown>;
  configFile = path.join(dir, 'tradebrief.config.json');
  await writeFile(configFile, JSON.stringify({ ...config, schedule: { cron: '0 9 21 * *', timeZone: 'Europe/Berlin' } }));
  stub = path.join(dir, 'stub-run.mjs');
  await writeFile(stub, STUB);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Started {
  signal: (name: NodeJS.Signals) => void;
  exited: Promise<{ code: number | null; stderr: string }>;
  stderr: () => string;
}

function startSchedule(args: string[], trace: string): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'schedule', '--config', configFile, ...args], {
    cwd: repo,
    env: { ...process.env, TZ: 'UTC', TRADEBRIEF_TEST_RUN_SCRIPT: stub, STUB_TRACE: trace },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  return { signal: (name) => child.kill(name), exited, stderr: () => stderr };
}

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const traceOf = async (file: string): Promise<string> => (existsSync(file) ? readFile(file, 'utf8') : '');

describe('tradebrief schedule', () => {
  it('logs the next fire time of config.schedule in its zone, and exits 0 on SIGTERM', async () => {
    const run = startSchedule([], path.join(dir, 'idle.trace'));
    await waitFor(() => run.stderr().includes('next run'), 'the first log line');
    expect(run.stderr()).toMatch(/next run \d{4}-\d{2}-21 09:00 Europe\/Berlin \(\d{4}-\d{2}-21T0[78]:00:00Z\)/);
    run.signal('SIGTERM');
    const { code, stderr } = await run.exited;
    expect(code).toBe(0);
    expect(stderr).toContain('stopped');
  });

  it('on SIGTERM lets the run in flight finish, then exits 0', async () => {
    const trace = path.join(dir, 'graceful.trace');
    const run = startSchedule(['--once-at', '2000-01-01T00:00:00Z'], trace);
    await waitFor(async () => (await traceOf(trace)).includes('started'), 'the stub run to start');
    run.signal('SIGTERM');
    const { code, stderr } = await run.exited;

    expect(code).toBe(0);
    expect(await traceOf(trace)).toBe(`started ${JSON.stringify(['run', '--all', '--config', configFile])}\nfinished\n`);
    expect(stderr).toMatch(/SIGTERM: stopping; a run in flight finishes first[\s\S]*run --all: done \(exit 0\)[\s\S]*stopped/);
  });

  it('on a second signal forwards SIGTERM to the run, and still exits 0', async () => {
    const trace = path.join(dir, 'forced.trace');
    const run = startSchedule(['--once-at', '2000-01-01T00:00:00Z', '--report', 'xinjiang-us'], trace);
    await waitFor(async () => (await traceOf(trace)).includes('started'), 'the stub run to start');
    run.signal('SIGINT');
    await waitFor(() => run.stderr().includes('SIGINT: stopping'), 'the first signal to be taken');
    run.signal('SIGTERM');
    const { code, stderr } = await run.exited;

    expect(code).toBe(0);
    expect(await traceOf(trace)).toBe(`started ${JSON.stringify(['run', '--report', 'xinjiang-us', '--config', configFile])}\ngot SIGTERM\n`);
    expect(stderr).toContain('SIGTERM again: forwarding SIGTERM to the run');
    expect(stderr).toContain('run --report xinjiang-us: failed (exit 143');
  });

  it('refuses a report the config does not define, with exit 64', async () => {
    const run = startSchedule(['--report', 'no-such-report'], path.join(dir, 'unused.trace'));
    const { code, stderr } = await run.exited;
    expect(code).toBe(64);
    expect(stderr).toContain('unknown report "no-such-report"');
  });
});
