/**
 * The `run` job: what every scheduler (cron, systemd, Kubernetes, `tradebrief schedule`) calls. It works out
 * which months are due for each report and produces them (DESIGN.md "Scheduling semantics", RELIABILITY.md B2).
 *
 *   1. lock       acquireLock(schedule.lockFile): a second run at the same time gets LockHeld (exit 75) at once,
 *                 having done nothing; a lock left by a dead process is taken over after its lease
 *   2. plan       per report: the data loaded once, the complete months (those generate accepts), the delivered
 *                 months from the runs table and the ledger (run-delivered-months.ts), dueMonths() with the
 *                 schedule settings -> the due months, oldest first, and notes on why nothing (more) is due
 *   3. produce    per due month, oldest first: generate (stage pdf, one browser for the whole run), then, when the
 *                 month is not too late to mail, deliver; a month whose mailing had begun is resumed from the
 *                 files already sent from, not regenerated, and the ledger sends only to those still waiting
 *   4. record     one runs-table row of kind 'run' per month produced (or one saying why nothing was due), with
 *                 the delivery counts and outcome
 *   5. alert      a month that fails (DataError, render failure, SMTP down) is recorded as failed, the operator
 *                 (delivery.operator) is alerted, and the report's later months wait: months go out in order.
 *                 Other reports still run; the job then throws the first failure, so the exit code is its code
 *
 * Effects come in as arguments: the clock, the store, the transport for a month, the browser, sleep, random and
 * the claimant identity. Nothing here reads the clock, the environment or argv.
 */
import { findReport, type Config } from '../config.js';
import { exitCodeFor, TradebriefError } from '../errors.js';
import { acquireLock } from '../io/run-lock.js';
import { loadReference } from '../data/reference/load-reference.js';
import type { MailTransport } from '../mail/transport.js';
import type { BrowserPool } from '../pdf/browser-pool.js';
import type { RunCounts, RunOutcome, Store } from '../store/index.js';
import { deliver, DeliveryInterrupted, DeliveryStopped } from './deliver.js';
import { runCounts, runOutcome } from './deliver-summary.js';
import { dueMonths, type DueMonth } from './due-months.js';
import { generateMonths } from './generate.js';
import { loadReportData } from './report-data.js';
import { sendRunAlert, type AlertOutcome } from './run-alert.js';
import { completeMonths } from './run-complete-months.js';
import { deliveredMonths, PENDING_STATES } from './run-delivered-months.js';
import { resumableEdition } from './run-edition.js';
import { runLockFile } from './run-lock-file.js';

export interface RunOptions {
  config: Config;
  /** Report ids, or every report of the config. */
  reports: readonly string[] | 'all';
  /** At most this many months per report (default schedule.catchUp). */
  catchUp?: number;
  /** Mail months older than schedule.maxSendLatenessDays too. */
  sendLate?: boolean;
  /** Output root; default config.outDir. */
  outDir?: string;
  /** TRADEBRIEF_UNSUBSCRIBE_SECRET, passed on to deliver. */
  unsubscribeSecret?: string;
}

export interface RunEffects {
  /** The clock: read at each step (ledger times, retry_after, heartbeats); it must move on while `sleep` waits. */
  now: () => Date;
  /** A log record; `fields` (report, month, edition …) become searchable fields of the JSON record. */
  log: (line: string, fields?: Record<string, unknown>) => void;
  store: Store;
  /** The transport for one edition of a month: one SMTP pool for all, or the edition's outbox folder (edition null:
   *  the month's or the report's alerts). The caller closes them. */
  transport: (report: string, month: string, edition: number | null) => MailTransport;
  /** out/<report>/<month>/edition-<n>/outbox/ (the month folder's outbox/ when no edition was reached), where an
   *  alert goes when the transport is the outbox. */
  outboxDir: (report: string, month: string, edition: number | null) => string;
  /** One browser for the whole run; the caller closes it. */
  browser: BrowserPool;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  claimant: string;
  isAlive: (claimant: string) => boolean;
  /** The pid written into the lock (default this process). */
  lockPid?: number;
  /** Whether a lock holder's pid is alive (default: signal 0). */
  lockHolderAlive?: (pid: number) => boolean;
  /** Masked wherever they would appear in an alert (the SMTP password). */
  secrets?: readonly string[];
  /** Aborted when the operator asks the run to stop: the message in flight finishes, nothing new starts. */
  signal?: AbortSignal;
}

export interface RunMonthResult {
  report: string;
  month: string;
  runId: number;
  edition: number | null;
  /** generated: this run built the files; false when it resumed a mailing from the files already there. */
  generated: boolean;
  mailed: boolean;
  outcome: RunOutcome;
  counts: RunCounts;
  message: string;
  alert?: AlertOutcome;
}

export interface RunReportResult {
  report: string;
  due: DueMonth[];
  /** Why nothing (more) is due, from dueMonths. */
  notes: string[];
  months: RunMonthResult[];
}

export interface RunResult {
  reports: RunReportResult[];
}

/** A run failed a month: carries what was done before, so the command can still print it. */
export class RunFailed extends TradebriefError {
  readonly result: RunResult;
  readonly first: unknown;

  constructor(first: unknown, result: RunResult) {
    const inner = first instanceof TradebriefError ? first : null;
    super(inner?.code ?? 'RunFailed', inner?.kind ?? 'permanent', first instanceof Error ? first.message : String(first), { hint: inner?.hint, cause: first });
    this.name = 'RunFailed';
    this.result = result;
    this.first = first;
  }
}

const NO_COUNTS: RunCounts = { sent: 0, failed: 0, uncertain: 0, skipped: 0 };

/**
 * @example
 *   const result = await runJob({ config, reports: 'all' }, { now: () => new Date(), log, store, transport, outboxDir, browser,
 *     sleep, random: Math.random, claimant: makeClaimant(), isAlive: isClaimantAlive });
 *   result.reports[0].months.map((m) => m.month) // ['2022-07', '2022-08', '2022-09']
 * @throws TradebriefError LockHeld (exit 75) when another run holds the lock; RunFailed (the failed month's own
 *   code and exit code: DataError 65, SmtpUnavailable 75, a bug 1) after the other reports ran
 */
export async function runJob(options: RunOptions, effects: RunEffects): Promise<RunResult> {
  const { config } = options;
  const reportIds = options.reports === 'all' ? config.reports.map((report) => report.id) : [...options.reports];
  for (const id of reportIds) findReport(config, id); // an unknown id is a usage error before the lock is taken

  // 1. lock
  const lock = await acquireLock(runLockFile(config, effects.store.file), {
    purpose: 'tradebrief run',
    now: effects.now,
    pid: effects.lockPid,
    leaseMs: config.schedule.leaseMinutes * 60_000,
    isAlive: effects.lockHolderAlive,
  });
  const result: RunResult = { reports: [] };
  let firstFailure: unknown;
  try {
    const reference = loadReference();
    for (const reportId of reportIds) {
      if (effects.signal?.aborted === true) break; // asked to stop: the next run picks up what is left
      const failure = await runReport(reportId, options, effects, reference, result);
      firstFailure ??= failure;
    }
  } finally {
    await lock.release();
  }
  if (firstFailure !== undefined) throw new RunFailed(firstFailure, result);
  return result;
}

/** Stages 2–5 for one report; returns the failure that stopped it, if any. */
async function runReport(
  reportId: string,
  options: RunOptions,
  effects: RunEffects,
  reference: ReturnType<typeof loadReference>,
  result: RunResult,
): Promise<unknown> {
  const { config } = options;
  const { store } = effects;
  const outDir = options.outDir ?? config.outDir;
  const reportResult: RunReportResult = { report: reportId, due: [], notes: [], months: [] };
  result.reports.push(reportResult);

  // 2. plan
  let due: DueMonth[];
  try {
    const reportData = await loadReportData(config, reportId, { reference, now: effects.now(), log: effects.log });
    const runs = store.listRuns({ report: reportId });
    const delivered = deliveredMonths(runs, (month, edition) => {
      const summary = store.ledgerSummary(reportId, month, edition);
      return PENDING_STATES.some((state) => summary[state] > 0);
    });
    const unfinished = runs.filter((run) => run.kind === 'send' && !delivered.includes(run.month)).map((run) => run.month);
    const plan = dueMonths({
      dataMonths: completeMonths(reportData, config),
      delivered,
      unfinished,
      now: effects.now(),
      timeZone: config.schedule.timeZone,
      releaseDay: config.schedule.releaseDay,
      catchUp: options.catchUp ?? config.schedule.catchUp,
      maxSendLatenessDays: config.schedule.maxSendLatenessDays,
      sendLate: options.sendLate === true,
    });
    due = plan.due;
    reportResult.due = plan.due;
    reportResult.notes = plan.notes;
  } catch (error) {
    // The data could not be read at all: no month can be judged, so the failure is the report's.
    return failMonth(reportId, '', 'reading the data', error, { ...NO_COUNTS }, options, effects, reportResult, null);
  }

  if (due.length === 0) {
    // Filed under the month the notes say is next ("2022-10: data not published yet …"), so history reads naturally.
    const month = reportResult.notes.map((note) => /^(\d{4}-\d{2}):/.exec(note)?.[1]).find((key) => key !== undefined) ?? '';
    const message = `nothing due: ${reportResult.notes.join('; ') || 'no complete month in the data'}`;
    const runId = store.startRun({ kind: 'run', report: reportId, month, startedAt: effects.now() });
    store.finishRun(runId, { finishedAt: effects.now(), outcome: 'ok', counts: { ...NO_COUNTS }, message });
    effects.log(`${reportId}: ${message}`, { report: reportId, due: [] });
    return undefined;
  }
  effects.log(`${reportId}: due ${due.map((entry) => (entry.mail ? entry.month : `${entry.month} (not mailed)`)).join(', ')}`, { report: reportId, due: due.map((entry) => entry.month) });
  for (const note of reportResult.notes) effects.log(`${reportId}: ${note}`, { report: reportId });

  // 3. produce, oldest first
  for (const entry of due) {
    if (effects.signal?.aborted === true) return undefined;
    const failure = await produceMonth(reportId, entry, outDir, options, effects, reportResult);
    if (failure !== undefined) return failure; // later months wait: a gap would be skipped for good
  }
  return undefined;
}

async function produceMonth(
  reportId: string,
  entry: DueMonth,
  outDir: string,
  options: RunOptions,
  effects: RunEffects,
  reportResult: RunReportResult,
): Promise<unknown> {
  const { config } = options;
  const { store } = effects;
  const { month } = entry;
  const runId = store.startRun({ kind: 'run', report: reportId, month, startedAt: effects.now() });
  let step = 'generating the report';
  let edition: number | null = null;
  try {
    const resume = await resumableEdition(outDir, reportId, month, (candidate) => store.deliveriesFor({ report: reportId, month, edition: candidate }).length > 0);
    edition = resume.edition;
    if (!resume.resume) {
      await generateMonths({ config, report: reportId, month, outDir, stage: 'pdf', edition }, { now: effects.now(), log: effects.log, browser: effects.browser });
    } else {
      effects.log(`${reportId} ${month}: mailing of edition ${edition} had begun; resuming it with the files it was sent from`, { report: reportId, month, edition });
    }

    if (!entry.mail) {
      const message = `generated edition ${edition}; not mailed: ${entry.reason ?? 'too late'}`;
      return record({ report: reportId, month, runId, edition, generated: !resume.resume, mailed: false, outcome: 'ok', counts: { ...NO_COUNTS }, message });
    }

    step = 'mailing subscribers';
    const delivered = await deliver(
      { config, report: reportId, month, edition, outDir, unsubscribeSecret: options.unsubscribeSecret },
      {
        store,
        transport: effects.transport(reportId, month, edition),
        browser: effects.browser,
        now: effects.now,
        log: effects.log,
        sleep: effects.sleep,
        random: effects.random,
        claimant: effects.claimant,
        isAlive: effects.isAlive,
        signal: effects.signal,
      },
    );
    if (delivered.mode !== 'send') throw new Error(`run: deliver returned ${delivered.mode}`);
    const outcome = runOutcome(delivered.summary);
    const message = `${resume.resume ? 'resumed' : 'generated'} edition ${edition}; ${delivered.text}`;
    return record({ report: reportId, month, runId, edition, generated: !resume.resume, mailed: true, outcome, counts: runCounts(delivered.summary), message });
  } catch (error) {
    if (error instanceof DeliveryInterrupted) {
      // The operator stopped the run: recorded as partial (the month stays due), no alert.
      store.finishRun(runId, { finishedAt: effects.now(), outcome: 'partial', counts: runCounts(error.summary), message: error.message, edition: edition ?? undefined });
      effects.log(`${reportId} ${month}: ${error.message}`, { report: reportId, month });
      return error;
    }
    const counts = error instanceof DeliveryStopped ? runCounts(error.summary) : { ...NO_COUNTS };
    return failMonth(reportId, month, step, error, counts, options, effects, reportResult, runId, edition);
  }

  function record(monthResult: RunMonthResult): undefined {
    store.finishRun(runId, { finishedAt: effects.now(), outcome: monthResult.outcome, counts: monthResult.counts, message: monthResult.message, edition: monthResult.edition });
    reportResult.months.push(monthResult);
    effects.log(`${reportId} ${month}: ${monthResult.message}`, { report: reportId, month, edition: monthResult.edition, outcome: monthResult.outcome, ...monthResult.counts });
    return undefined;
  }
}

/** Stage 5: record the failure, alert the operator, hand the error back for the exit code. */
async function failMonth(
  reportId: string,
  month: string,
  step: string,
  error: unknown,
  counts: RunCounts,
  options: RunOptions,
  effects: RunEffects,
  reportResult: RunReportResult,
  existingRunId: number | null,
  edition: number | null = null,
): Promise<unknown> {
  const { store } = effects;
  const code = error instanceof TradebriefError ? error.code : 'InternalError';
  const text = error instanceof Error ? error.message : String(error);
  const message = `failed while ${step}: ${code}: ${text}`;
  const runId = existingRunId ?? store.startRun({ kind: 'run', report: reportId, month, startedAt: effects.now() });
  try {
    store.finishRun(runId, { finishedAt: effects.now(), outcome: counts.sent > 0 ? 'partial' : 'failed', counts, message, edition });
  } catch (recordError) {
    effects.log(`could not record the end of run ${runId}: ${recordError instanceof Error ? recordError.message : String(recordError)}`);
  }
  effects.log(`${reportId}${month === '' ? '' : ` ${month}`}: ${message}`, { report: reportId, ...(month === '' ? {} : { month }) });
  const alertMonth = month === '' ? 'all months' : month;
  const alert = await sendRunAlert(
    options.config,
    {
      report: reportId,
      month: alertMonth,
      runId,
      step,
      error: { code, message: text, hint: error instanceof TradebriefError ? error.hint : undefined, exitCode: exitCodeFor(error) },
    },
    {
      transport: effects.transport(reportId, month === '' ? 'alerts' : month, edition),
      outboxDir: effects.outboxDir(reportId, month === '' ? 'alerts' : month, edition),
      now: effects.now,
      log: effects.log,
      secrets: effects.secrets,
    },
  );
  reportResult.months.push({ report: reportId, month, runId, edition, generated: false, mailed: false, outcome: counts.sent > 0 ? 'partial' : 'failed', counts, message, alert });
  return error;
}
