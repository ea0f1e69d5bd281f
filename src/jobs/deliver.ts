/**
 * The `send` job: one generated month of one report, mailed to its subscribers exactly once per edition
 * (DESIGN.md "Delivery semantics", RELIABILITY.md B1).
 *
 *   1. inputs    out/<report>/<YYYY-MM>/edition-<n>/: manifest.json, stats.json, changes.json and report.pdf as
 *                generate or regenerate left them; the edition asked for, else the latest complete one ("run
 *                tradebrief generate … first" when the month is not there)
 *   2. recover   rows a dead process left in 'sending' become 'uncertain' (it may have been sent)
 *   3. plan      one ledger row per subscriber of the edition's audience (edition-audience.ts: everyone for a
 *                first edition, only the earlier recipients for a correction; INSERT OR IGNORE: a rerun adds only
 *                newcomers); with --resend, uncertain or failed rows are reopened first
 *   4. compose   the trend chart rendered to PNG once (the browser is closed right after), then one message per
 *                subscriber
 *   5. send      for each pending row, in order: still subscribed? -> claim -> send -> record (sendOne), with the
 *                circuit breaker stopping the run when the server is evidently down
 *   6. record    finishRun with counts and outcome; the summary is returned, or thrown inside DeliveryStopped
 *                (exit 75) when the run stopped early
 *
 * `to` sends one test copy to that address and touches neither the ledger nor the runs table; `dryRun` computes
 * who would get what (stages 1 and 3 without writing) and sends nothing.
 *
 * Effects come in as arguments: the store, the transport, the browser, the clock, sleep and random (so tests
 * run the retry schedule instantly and exactly), the claimant identity of this process and how to tell whether
 * another one is alive. Nothing here reads the environment.
 */
import { findReport, type Config } from '../config.js';
import { ConfigError, TradebriefError } from '../errors.js';
import { classifySendError, sendErrorSummary } from '../mail/classify-send-error.js';
import { composeReportEmail, EMAIL_CHART_WIDTH } from '../mail/compose-report-email.js';
import { emailSubject } from '../mail/email-subject.js';
import { renderChartPng } from '../mail/render-chart-png.js';
import type { MailTransport } from '../mail/transport.js';
import type { BrowserPool } from '../pdf/browser-pool.js';
import { makeUnsubscribeToken, type Delivery, type EditionKey, type ReopenableState, type Store, type Subscriber } from '../store/index.js';
import { createCircuitBreaker } from './deliver-circuit-breaker.js';
import { readGeneratedMonth, type GeneratedMonth } from './deliver-inputs.js';
import { earlierMailingFinished, earlierRecipients, editionAudience } from './edition-audience.js';
import { planRecipients, type RecipientPlan } from './deliver-plan.js';
import { sendOne } from './deliver-send-one.js';
import { formatDeliverySummary, runCounts, runOutcome, summarizeDelivery, type DeliverySummary, type RowResult } from './deliver-summary.js';

export interface DeliverOptions {
  config: Config;
  report: string;
  month: string;
  /** The edition to send; default the latest complete one on disk. It must be on disk. */
  edition?: number;
  /** Reopen rows of this kind and send them again: 'uncertain' opts into at-least-once for them. */
  resend?: 'failed' | 'uncertain';
  /** Send one test copy to this address: no ledger rows, no run. */
  to?: string;
  /** Print who would get what; send and write nothing. */
  dryRun?: boolean;
  /** Output root; default config.outDir. */
  outDir?: string;
  /** HMAC secret for unsubscribe links (TRADEBRIEF_UNSUBSCRIBE_SECRET); needed when delivery.unsubscribe.baseUrl is set. */
  unsubscribeSecret?: string;
}

export interface DeliverEffects {
  store: Store;
  transport: MailTransport;
  browser: BrowserPool;
  /** The clock: it must move on while `sleep` waits (ledger times and retry_after come from it). */
  now: () => Date;
  /** A log record; `fields` become searchable fields of the JSON record. */
  log: (line: string, fields?: Record<string, unknown>) => void;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  progress?: (done: number, total: number, label: string) => void;
  /** This process in the ledger's claimed_by (makeClaimant()). */
  claimant: string;
  /** Whether the process behind another claimant may still run (isClaimantAlive). */
  isAlive: (claimant: string) => boolean;
  /** Called after each row marked sent, with how many this run has sent (the crash test's hook). */
  afterSent?: (sentSoFar: number) => void;
  /** Called after the server accepted a message and BEFORE the ledger records it, with how many were accepted so far
   *  (the hook for testing a crash between the 250 and the ledger write). */
  afterAccepted?: (acceptedSoFar: number) => void;
  /** Aborted when the operator asks the command to stop: the message in flight finishes, no new one starts. */
  signal?: AbortSignal;
}

/** The run was asked to stop (SIGTERM/SIGINT) and stopped after the message in flight (exit 75); the rest stay planned. */
export class DeliveryInterrupted extends TradebriefError {
  readonly summary: DeliverySummary;
  readonly runId: number;

  constructor(summary: DeliverySummary, runId: number) {
    super('Interrupted', 'transient', `stopped on request after the message in flight; ${formatDeliverySummary(summary)}`, {
      hint: 'Nothing was lost: run the same send again; the rows not reached are still planned and none sent is sent twice.',
    });
    this.name = 'DeliveryInterrupted';
    this.summary = summary;
    this.runId = runId;
  }
}

export type DeliverResult =
  | { mode: 'send'; edition: number; runId: number; summary: DeliverySummary; recovered: Delivery[]; planned: number; text: string }
  | { mode: 'test-copy'; edition: number; to: string; messageId: string; response: string }
  | { mode: 'dry-run'; edition: number; recipients: RecipientPlan[]; subject: string };

/** The run stopped early because the SMTP server looked down (exit 75); carries the summary to print. */
export class DeliveryStopped extends TradebriefError {
  readonly summary: DeliverySummary;
  readonly runId: number;

  constructor(summary: DeliverySummary, runId: number, consecutive: number, server: string) {
    super(
      'SmtpUnavailable',
      'transient',
      `stopped after ${consecutive} transient failures in a row: the SMTP server (${server}) seems to be down or refusing us; ${formatDeliverySummary(summary)}`,
      { hint: 'Nothing was lost: run the same send again later; the rows not reached are still planned and none sent is sent twice.' },
    );
    this.name = 'DeliveryStopped';
    this.summary = summary;
    this.runId = runId;
  }
}

/**
 * @example
 *   const result = await deliver({ config, report: 'xinjiang-us', month: '2022-08' },
 *     { store, transport, browser, now: () => new Date(), log, sleep, random: Math.random, claimant: makeClaimant(), isAlive: isClaimantAlive });
 *   if (result.mode === 'send') console.log(result.text) // "sent 5, failed 0, uncertain 0, skipped 0"
 * @throws TradebriefError MonthNotGenerated (65), DeliveryStopped (75), BadMailAddress (65) for --to
 */
export async function deliver(options: DeliverOptions, effects: DeliverEffects): Promise<DeliverResult> {
  const { config } = options;
  const { store } = effects;
  const report = findReport(config, options.report);

  // 1. inputs
  const generated = await readGeneratedMonth(options.outDir ?? config.outDir, report.id, options.month, options.edition);
  const edition = generated.edition;
  const key: EditionKey = { report: report.id, month: options.month, edition };
  const composer = messageComposer(config, generated, edition, options.unsubscribeSecret, effects.now);
  const audience = (): Subscriber[] => editionAudience(edition, store.subscribersFor(report.id), earlierRecipients(store, key), earlierMailingFinished(store, key));

  if (options.to !== undefined) return sendTestCopy(options.to, key, generated, composer, effects);
  if (options.dryRun === true) {
    const recipients = planRecipients(audience(), store.deliveriesFor(key), { now: effects.now(), resend: options.resend });
    return { mode: 'dry-run', edition, recipients, subject: emailSubject(generated.stats, edition) };
  }

  const runId = store.startRun({ kind: 'send', report: report.id, month: options.month, edition, startedAt: effects.now() });
  const results: RowResult[] = [];
  try {
    // 2. recover
    const recovered = store.recoverAbandoned({ ...key, isAlive: effects.isAlive, now: effects.now() });
    for (const row of recovered) effects.log(`${row.subscriberEmail}: left 'sending' by a process that died; now uncertain (not re-sent unless --resend uncertain)`, { email: row.subscriberEmail, state: 'uncertain', ...key });

    // 3. plan
    const { planned } = store.planDeliveries({ ...key, subscribers: audience(), now: effects.now() });
    if (options.resend !== undefined) reopen(store, key, options.resend, effects.log);
    const pending = store.pendingDeliveries({ ...key, now: effects.now() });
    // Rows this run leaves alone (sent before, settled as failed or uncertain, in another sender's hands) count as skipped.
    const pendingIds = new Set(pending.map((row) => row.id));
    for (const row of store.deliveriesFor(key)) {
      if (!pendingIds.has(row.id)) results.push({ email: row.subscriberEmail, outcome: 'skipped', response: `already ${row.state}` });
    }

    // 4. compose: the chart once for everyone, and Chromium closed before the first SMTP connection
    const trendPng = pending.length > 0 ? await emailTrend(generated, effects) : null;
    const compose = composer(trendPng);

    // 5. send
    const breaker = createCircuitBreaker(config.delivery.maxConsecutiveTransientFailures);
    const policy = { ...config.delivery.retry };
    let accepted = 0;
    const onAccepted = effects.afterAccepted === undefined ? undefined : () => effects.afterAccepted?.(++accepted);
    const deliverRow = async (row: Delivery): Promise<RowResult> => {
      if (breaker.tripped || effects.signal?.aborted === true) return { email: row.subscriberEmail, outcome: 'not_reached' };
      // Checked right before sending (Postal's suppression check): an unsubscribe during the run counts.
      const subscriber = stillSubscribed(store, row.subscriberEmail, report.id);
      if (subscriber === undefined) return { email: row.subscriberEmail, outcome: 'skipped', response: 'no longer subscribed' };
      return sendOne(row, () => compose(subscriber), policy, { ...effects, breaker, onAccepted });
    };
    let sent = 0;
    effects.progress?.(0, pending.length, '');
    for (const [index, row] of pending.entries()) {
      const result = await deliverRow(row);
      results.push(result);
      if (result.outcome === 'sent') effects.afterSent?.(++sent);
      else if (result.outcome !== 'skipped' && result.outcome !== 'not_reached') effects.log(`${result.email}: ${result.outcome}: ${result.response ?? ''}`, { email: result.email, outcome: result.outcome, response: result.response ?? null, ...key });
      effects.progress?.(index + 1, pending.length, result.outcome === 'not_reached' ? `${row.subscriberEmail} (not reached)` : row.subscriberEmail);
    }

    // 6. record
    const summary = summarizeDelivery(results, { stoppedEarly: breaker.tripped || effects.signal?.aborted === true });
    const text = formatDeliverySummary(summary);
    store.finishRun(runId, { finishedAt: effects.now(), outcome: runOutcome(summary), counts: runCounts(summary), message: `${text} via ${effects.transport.describe()}` });
    if (breaker.tripped) throw new DeliveryStopped(summary, runId, breaker.consecutive, effects.transport.describe());
    if (summary.notReached > 0 && effects.signal?.aborted === true) throw new DeliveryInterrupted(summary, runId);
    return { mode: 'send', edition, runId, summary, recovered, planned, text };
  } catch (error) {
    if (!(error instanceof DeliveryStopped) && !(error instanceof DeliveryInterrupted)) {
      // What was done before the failure still counts: those rows are in the ledger.
      const summary = summarizeDelivery(results, { stoppedEarly: true });
      const message = `stopped by an error after ${formatDeliverySummary(summary)}: ${error instanceof Error ? error.message : String(error)}`;
      try {
        store.finishRun(runId, { finishedAt: effects.now(), outcome: summary.sent > 0 ? 'partial' : 'failed', counts: runCounts(summary), message });
      } catch (recordError) {
        // The original error matters more; the run stays unfinished in the table, which says as much.
        effects.log(`could not record the end of run ${runId}: ${recordError instanceof Error ? recordError.message : String(recordError)}`);
      }
    }
    throw error;
  }
}

type Recipient = Pick<Subscriber, 'email' | 'name' | 'locale'>;

/** Everything of the message that is the same for every subscriber, bound once; the chart comes later. */
function messageComposer(config: Config, generated: GeneratedMonth, edition: number, unsubscribeSecret: string | undefined, now: () => Date) {
  const { delivery } = config;
  const { stats, manifest } = generated;
  const baseUrl = delivery.unsubscribe.baseUrl;
  if (baseUrl !== undefined && (unsubscribeSecret === undefined || unsubscribeSecret === '')) {
    throw new ConfigError('delivery.unsubscribe.baseUrl is set, but TRADEBRIEF_UNSUBSCRIBE_SECRET is not: unsubscribe links cannot be signed', {
      hint: 'Set TRADEBRIEF_UNSUBSCRIBE_SECRET to a long random string (and keep it: changing it invalidates links already sent).',
    });
  }
  const pdfFileName = `${manifest.report}-${manifest.month}${edition > 1 ? `-e${edition}` : ''}.pdf`;
  return (trendPng: Buffer | null) =>
    (recipient: Recipient) => {
      let url: string | null = null;
      if (baseUrl !== undefined && unsubscribeSecret !== undefined) {
        const link = new URL(baseUrl);
        link.searchParams.set('token', makeUnsubscribeToken(unsubscribeSecret, { email: recipient.email, report: manifest.report }));
        url = link.href;
      }
      return composeReportEmail({
        stats,
        subscriber: { email: recipient.email, name: recipient.name, locale: recipient.locale },
        from: { address: delivery.from.address, name: delivery.from.name ?? '' },
        ...(delivery.replyTo === undefined ? {} : { replyTo: delivery.replyTo }),
        pdfPath: generated.pdfPath,
        pdfFileName,
        trendPng,
        edition,
        ...(generated.changes === undefined ? {} : { changes: generated.changes }),
        unsubscribe: { mailto: delivery.unsubscribe.mailto, url },
        messageIdDomain: delivery.messageIdDomain,
        isSample: manifest.sampleData,
        // The Date header from the job's clock, like every ledger time (and --now).
        date: now(),
      });
    };
}

/** The picture generate drew (charts/trend.png), or, for a month generated without one, drawn now. */
async function emailTrend(generated: GeneratedMonth, effects: Pick<DeliverEffects, 'browser'>): Promise<Buffer | null> {
  if (generated.trendPng !== null) return generated.trendPng;
  return generated.trendSvg === null ? null : renderTrend(generated.trendSvg, effects);
}

async function renderTrend(svg: string, effects: Pick<DeliverEffects, 'browser'>): Promise<Buffer> {
  try {
    return await renderChartPng(svg, effects.browser, { width: EMAIL_CHART_WIDTH });
  } finally {
    // Sending can take a while; Chromium is not needed for it, and a process killed mid-send leaves none behind.
    await effects.browser.close();
  }
}

async function sendTestCopy(
  to: string,
  key: EditionKey,
  generated: GeneratedMonth,
  composer: ReturnType<typeof messageComposer>,
  effects: DeliverEffects,
): Promise<DeliverResult> {
  const trendPng = await emailTrend(generated, effects);
  const message = composer(trendPng)({ email: to, name: null, locale: generated.stats.locale === 'zh' ? 'zh' : 'en' });
  try {
    const sent = await effects.transport.send(message);
    return { mode: 'test-copy', edition: key.edition, to, messageId: sent.messageId, response: sent.response };
  } catch (error) {
    const kind = classifySendError(error);
    throw new TradebriefError('TestCopyFailed', kind, `the test copy to ${to} was not sent (${kind}): ${sendErrorSummary(error)}`, {
      hint: kind === 'uncertain' ? 'The server may have it anyway; check the mailbox before trying again.' : undefined,
    });
  }
}

/** --resend: put uncertain (or failed) rows back to planned, each exactly once even with two senders. */
function reopen(store: Store, key: EditionKey, resend: 'failed' | 'uncertain', log: (line: string) => void): void {
  const reopenable: readonly ReopenableState[] = resend === 'uncertain' ? ['uncertain'] : ['failed_permanent', 'failed_transient'];
  for (const row of store.deliveriesFor(key)) {
    const state = reopenable.find((candidate) => candidate === row.state);
    if (state !== undefined && store.reopenDelivery(row.id, state)) log(`${row.subscriberEmail}: ${state} -> planned (--resend ${resend})`);
  }
}

function stillSubscribed(store: Store, email: string, report: string): Subscriber | undefined {
  const subscriber = store.getSubscriber(email);
  return subscriber !== null && subscriber.status === 'active' && subscriber.reports.includes(report) ? subscriber : undefined;
}
