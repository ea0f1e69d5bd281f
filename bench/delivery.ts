/**
 * Benchmark 4, delivery: `tradebrief send` of one generated month (xinjiang-us 2022-08) to 1,000 and 10,000
 * subscribers through a loopback SMTP server, against a bare nodemailer pool loop (bench/delivery-bare.ts)
 * sending the same messages (same HTML and text body, same inline chart, same PDF attached) to the same server
 * with the same pool settings. The server (bench/delivery-smtp-sink.ts) is a separate process that discards
 * every body, so its CPU is not ours; it counts what arrived, and both sides must deliver all N.
 *
 * Setup, as a user would do it: a config copy with no effective rate limit on either side, `generate` once,
 * `subscribers import` of a generated CSV into a SQLite file per size; each `send` run gets a fresh copy of it.
 * Throughput is messages per second over the child's whole wall time (start-up, chart PNG, ledger included);
 * the steady sending phase (from the first progress record to the last) is reported as well. Peak RSS of `send`
 * is the Node process's own (getrusage, via bench/delivery-self-rss.mjs preloaded), so the Chromium that
 * draws the chart PNG does not hide it.
 *
 *   tsx bench/delivery.ts [--sizes 1000,10000] [--runs 3] [--big-runs 2] [--cpu-prof <dir>]   (needs `npm run build`)
 *   --cpu-prof writes a V8 CPU profile of every `send` and bare run into <dir> (open in Chrome DevTools).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

import { loadConfig } from '../src/config.js';
import { readGeneratedMonth } from '../src/jobs/deliver-inputs.js';
import { composeReportEmail, EMAIL_CHART_WIDTH } from '../src/mail/compose-report-email.js';
import { renderChartPng } from '../src/mail/render-chart-png.js';
import { createBrowserPool } from '../src/pdf/browser-pool.js';
import { runChild } from './lib/child-rss.js';
import { ratio, summarize } from './lib/measure.js';
import { machine, REPO, versions, writeResults, type BenchRow } from './lib/results.js';

const THROUGHPUT_TARGET = 0.8;
const RSS_TARGET = 1.2;
const MONTH = '2022-08';
const NOW = '2022-10-21T00:00:00Z';

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '1000,10000' }, runs: { type: 'string', default: '3' }, 'big-runs': { type: 'string', default: '2' }, 'cpu-prof': { type: 'string' } },
});
const sizes = (values.sizes ?? '1000,10000').split(',').map(Number);
const CLI = path.join(REPO, 'dist', 'cli.js');
if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
const SELF_RSS = path.join(REPO, 'bench', 'delivery-self-rss.mjs');

const scratch = await mkdtemp(path.join(os.tmpdir(), 'bench-delivery-'));
const sink = await startSink();
try {
  // 1. A config whose rate limit never applies (the schema wants one; a million a second is none), absolute paths.
  const shipped = JSON.parse(readFileSync(path.join(REPO, 'tradebrief.config.json'), 'utf8')) as Record<string, any>;
  const absolute = (source: { path: string }) => ({ ...source, path: path.resolve(REPO, source.path) });
  const benchConfig = {
    ...shipped,
    outDir: path.join(scratch, 'out'),
    delivery: { ...shipped.delivery, dbPath: path.join(scratch, 'unused.db'), rateLimit: { messages: 1_000_000, perSeconds: 1 } },
    reports: shipped.reports.map((report: Record<string, any>) => ({
      ...report,
      data: report.data.map(absolute),
      ...(report.national === undefined ? {} : { national: { ...report.national, data: report.national.data.map(absolute) } }),
    })),
  };
  const configFile = path.join(scratch, 'tradebrief.config.json');
  await writeFile(configFile, JSON.stringify(benchConfig, null, 2));
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runChild(process.execPath, [CLI, ...args], { cwd: scratch, env: { ...process.env, ...env } });

  // 2. The month, generated once.
  await cli(['generate', '--report', 'xinjiang-us', '--month', MONTH, '--config', configFile, '--now', NOW, '--quiet']);

  // 3. The bare side's message: our own message for one subscriber, taken apart (same bodies and parts).
  const config = await loadConfig(configFile);
  const generated = await readGeneratedMonth(config.outDir, 'xinjiang-us', MONTH);
  const pool = createBrowserPool();
  let trendPng: Buffer;
  try {
    if (generated.trendSvg === null) throw new Error('the generated month has no trend chart');
    trendPng = await renderChartPng(generated.trendSvg, pool, { width: EMAIL_CHART_WIDTH });
  } finally {
    await pool.close();
  }
  const sample = composeReportEmail({
    stats: generated.stats,
    subscriber: { email: 'subscriber0@example.org', name: 'Subscriber 0', locale: 'en' },
    from: { address: config.delivery.from.address, name: config.delivery.from.name ?? '' },
    pdfPath: generated.pdfPath,
    pdfFileName: 'xinjiang-us-2022-08.pdf',
    trendPng,
    edition: generated.edition,
    unsubscribe: { mailto: config.delivery.unsubscribe.mailto, url: null },
    messageIdDomain: config.delivery.messageIdDomain,
    isSample: true,
  });
  const messageDir = path.join(scratch, 'bare-message');
  await mkdir(messageDir, { recursive: true });
  await writeFile(path.join(messageDir, 'body.html'), String(sample.html));
  await writeFile(path.join(messageDir, 'body.txt'), String(sample.text));
  await writeFile(path.join(messageDir, 'trend.png'), trendPng);
  copyFileSync(generated.pdfPath, path.join(messageDir, 'report.pdf'));

  const rows: BenchRow[] = [];
  const peakBySize = new Map<number, number>();
  for (const size of sizes) {
    // 4. Subscribers: a generated CSV imported once through the CLI; every run starts from a copy of that file.
    const csv = ['email,name,locale,reports', ...Array.from({ length: size }, (_, index) => `subscriber${index}@example.org,Subscriber ${index},en,xinjiang-us`)];
    const csvFile = path.join(scratch, `subscribers-${size}.csv`);
    await writeFile(csvFile, `${csv.join('\n')}\n`);
    const templateDb = path.join(scratch, `subscribers-${size}.db`);
    await cli(['subscribers', 'import', csvFile, '--config', configFile], { TRADEBRIEF_DB: templateDb });

    const runs = size > 1000 ? Number(values['big-runs']) : Number(values.runs);
    const ours: { ms: number; phaseMs: number; peak: number; bytes: number }[] = [];
    const bare: { ms: number; loopMs: number; peak: number; bytes: number }[] = [];
    for (let run = 0; run < runs; run += 1) {
      const sides = run % 2 === 0 ? ['ours', 'bare'] : ['bare', 'ours'];
      for (const side of sides) {
        if (side === 'ours') {
          const db = path.join(scratch, `run-${size}-${run}.db`);
          copyFileSync(templateDb, db);
          const result = await runChild(
            process.execPath,
            [...profileFlags(`send-${size}-${run}`), '--import', SELF_RSS, CLI, 'send', '--report', 'xinjiang-us', '--month', MONTH, '--config', configFile, '--now', NOW],
            { cwd: scratch, env: { ...process.env, TRADEBRIEF_DB: db, SMTP_URL: `smtp://127.0.0.1:${sink.port}`, TRADEBRIEF_LOG_FORMAT: 'json' } },
          );
          // BENCH_KEEP_LOGS=<dir> keeps each send's log records (progress carries rssMiB and heapUsedMiB).
          if (process.env.BENCH_KEEP_LOGS !== undefined) await writeFile(path.join(process.env.BENCH_KEEP_LOGS, `send-${size}-${run}.log`), result.stderr);
          const arrived = await sink.count();
          if (arrived.messages !== size) throw new Error(`send delivered ${arrived.messages} of ${size}: ${result.stdout.slice(-500)}`);
          ours.push({ ms: result.ms, phaseMs: sendingPhaseMs(result.stderr, size), peak: selfPeak(result.stderr), bytes: arrived.bytes / size });
          await rm(db, { force: true });
        } else {
          const result = await runChild(process.execPath, [...profileFlags(`bare-${size}-${run}`), '--import', 'tsx', path.join(REPO, 'bench', 'delivery-bare.ts'), String(sink.port), String(size), messageDir], { cwd: REPO });
          const arrived = await sink.count();
          if (arrived.messages !== size) throw new Error(`the bare loop delivered ${arrived.messages} of ${size}`);
          const report = JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as { loopMs: number; peakRssMiB: number };
          bare.push({ ms: result.ms, loopMs: report.loopMs, peak: report.peakRssMiB, bytes: arrived.bytes / size });
        }
        console.log(`${size} ${side}: ${side === 'ours' ? ours.at(-1)?.ms.toFixed(0) : bare.at(-1)?.ms.toFixed(0)} ms`);
      }
    }
    const oursMs = summarize(ours.map((run) => run.ms));
    const bareMs = summarize(bare.map((run) => run.ms));
    const oursPhase = summarize(ours.map((run) => run.phaseMs));
    const bareLoop = summarize(bare.map((run) => run.loopMs));
    const peak = Math.max(...ours.map((run) => run.peak));
    peakBySize.set(size, peak);
    // Throughput ratio ours/bare = bare time / our time (same N).
    const throughputRatio = ratio(bareMs.median, oursMs.median);
    rows.push({
      case: `send ${size} subscribers`,
      size,
      ours: { medianMs: oursMs.median, samplesMs: oursMs.ms, peakRssMiB: peak },
      reference: { name: 'bare nodemailer pool loop', medianMs: bareMs.median, samplesMs: bareMs.ms, peakRssMiB: Math.max(...bare.map((run) => run.peak)) },
      ratio: throughputRatio,
      ratioNote: 'throughput ours/bare (messages/s, whole process), higher is better',
      target: `>= ${THROUGHPUT_TARGET}`,
      met: throughputRatio >= THROUGHPUT_TARGET,
      extra: {
        oursMessagesPerSecond: Math.round((size / oursMs.median) * 10000) / 10,
        bareMessagesPerSecond: Math.round((size / bareMs.median) * 10000) / 10,
        oursSendingPhaseMs: oursPhase.median,
        bareLoopMs: bareLoop.median,
        sendingPhaseThroughputRatio: ratio(bareLoop.median, oursPhase.median),
        oursBytesPerMessage: Math.round(ours[0]?.bytes ?? 0),
        bareBytesPerMessage: Math.round(bare[0]?.bytes ?? 0),
        runs,
      },
    });
  }
  const [small, big] = [peakBySize.get(sizes[0]!), peakBySize.get(sizes[sizes.length - 1]!)];
  if (sizes.length > 1 && small !== undefined && big !== undefined) {
    const growth = ratio(big, small);
    rows.push({
      case: `send peak RSS ${sizes[sizes.length - 1]} vs ${sizes[0]}`,
      ours: { medianMs: 0, samplesMs: [], peakRssMiB: big },
      ratio: growth,
      ratioNote: `peak RSS at ${sizes[sizes.length - 1]} / at ${sizes[0]} (Node process of send)`,
      target: `<= ${RSS_TARGET}`,
      met: growth <= RSS_TARGET,
      extra: { peakRssMiB: Object.fromEntries(peakBySize) },
    });
  }
  await writeResults({
    name: 'delivery',
    date: new Date().toISOString(),
    machine: machine(),
    versions: versions(['nodemailer', 'smtp-server', 'better-sqlite3']),
    rows,
    notes: [
      `load average at the end: ${os.loadavg().map((load) => load.toFixed(2)).join(' ')}`,
      `the SMTP server runs in its own process, but on the same ${os.cpus().length} cores: its CPU competes with both sides alike`,
      'pool: 1 connection, nodemailer default 100 messages per connection, no rate limit (config rateLimit 1,000,000/s) on both sides',
      'send wall time includes Node start-up, reading the month, rendering the chart PNG in Chromium once, and the SQLite ledger',
    ],
  });
} finally {
  sink.stop();
  await rm(scratch, { recursive: true, force: true });
}

function profileFlags(name: string): string[] {
  const dir = values['cpu-prof'];
  return dir === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', path.resolve(dir), '--cpu-prof-name', `${name}.cpuprofile`];
}

/** Milliseconds from the first progress record (0/N) to the last (N/N) in send's JSON log. */
function sendingPhaseMs(stderr: string, size: number): number {
  let first: number | undefined;
  let last: number | undefined;
  for (const line of stderr.split('\n')) {
    if (!line.startsWith('{')) continue;
    const record = JSON.parse(line) as { time?: string | number; done?: number; total?: number };
    if (record.total !== size || record.time === undefined) continue;
    const time = new Date(record.time).getTime();
    if (record.done === 0) first = time;
    if (record.done === size) last = time;
  }
  if (first === undefined || last === undefined) throw new Error('send printed no progress records from 0 to N');
  return last - first;
}

function selfPeak(stderr: string): number {
  const match = /\{"selfPeakRssMiB":([\d.]+)\}/.exec(stderr);
  if (match?.[1] === undefined) throw new Error('the send process did not report its peak RSS');
  return Number(match[1]);
}

async function startSink(): Promise<{ port: number; count: () => Promise<{ messages: number; bytes: number }>; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'bench', 'delivery-smtp-sink.ts')], { cwd: REPO, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<Record<string, number>> => {
    const { value, done } = await lines.next();
    if (done === true) throw new Error('the SMTP sink exited');
    return JSON.parse(String(value)) as Record<string, number>;
  };
  const { port } = await next();
  return {
    port: port ?? 0,
    count: async () => {
      child.stdin.write('count\n');
      const reply = await next();
      return { messages: reply.messages ?? 0, bytes: reply.bytes ?? 0 };
    },
    stop: () => child.stdin.end(),
  };
}
