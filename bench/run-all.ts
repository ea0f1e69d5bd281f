/**
 * `npm run bench`: every benchmark in turn, each in its own process (one's heap, browser or child processes
 * never weigh on the next), after one `npm run build` (backfill and delivery run dist/), each with its own
 * default sizes and runs (run one by hand for others); BENCH_ONLY=render,delivery picks some.
 * Each writes bench/results/<name>.json and prints its table; this prints which ran and how long each took.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { REPO } from './lib/results.js';

const BENCHMARKS = ['stats', 'render', 'backfill', 'delivery'] as const;

const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim()).filter((name) => name !== '');
const unknown = only?.filter((name) => !(BENCHMARKS as readonly string[]).includes(name)) ?? [];
if (unknown.length > 0) throw new Error(`BENCH_ONLY: unknown benchmark(s) ${unknown.join(', ')}; known: ${BENCHMARKS.join(', ')}`);
const chosen = BENCHMARKS.filter((name) => only === undefined || only.includes(name));

const build = spawnSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const outcomes: { benchmark: string; seconds: number; exit: number | string }[] = [];
for (const name of chosen) {
  console.log(`\n=== bench/${name}.ts ===`);
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO, 'bench', `${name}.ts`)], { cwd: REPO, stdio: 'inherit' });
  outcomes.push({ benchmark: name, seconds: Math.round((performance.now() - started) / 100) / 10, exit: run.status ?? run.signal ?? 'unknown' });
}
console.log('');
console.table(outcomes);
if (outcomes.some((outcome) => outcome.exit !== 0)) process.exit(1);
