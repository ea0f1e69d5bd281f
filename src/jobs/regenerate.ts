/**
 * The `regenerate` job: a month rebuilt from the current data and templates as its next edition (a correction),
 * never over an edition already made (DESIGN.md "Regenerating a month that was already sent makes a new
 * edition; it is mailed only when asked").
 *
 *   1. edition   n = the latest complete edition on disk (edition-dirs.ts); none -> "generate it first" (exit 65)
 *   2. record    a `regenerate` run in the runs table
 *   3. generate  edition n+1 into out/<report>/<YYYY-MM>/edition-<n+1>/ (the generate job, stage pdf): it compares
 *                with edition n's stats.json, writes changes.json and puts the "Corrected edition" box in the report
 *   4. finish    the run's outcome, with the number of changes
 *   5. send      only with `send`: the deliver job for edition n+1, whose audience (edition-audience.ts) is those
 *                who received an earlier edition; it records its own `send` run. Without it nothing is mailed,
 *                and the result says who would get it
 *
 * Effects come in as arguments, as for generate and deliver; nothing here reads the clock, argv or env.
 */
import { findReport, type Config } from '../config.js';
import { TradebriefError } from '../errors.js';
import type { MailTransport } from '../mail/transport.js';
import type { EditionChangeRecord } from '../narrative/compare-editions.js';
import type { BrowserPool } from '../pdf/browser-pool.js';
import type { Store } from '../store/index.js';
import { deliver, type DeliverEffects, type DeliverResult } from './deliver.js';
import { earlierMailingFinished, earlierRecipients, editionAudience } from './edition-audience.js';
import { latestEdition, monthDir } from './edition-dirs.js';
import { generateMonths } from './generate.js';

export interface RegenerateOptions {
  config: Config;
  report: string;
  /** "YYYY-MM": a month generated before. */
  month: string;
  /** Data files replacing the report's own (same flow). */
  dataFiles?: readonly string[];
  /** Output root; default config.outDir. */
  outDir?: string;
  /** Mail the new edition (to those who received an earlier one). */
  send?: boolean;
  unsubscribeSecret?: string;
}

export interface RegenerateEffects extends Omit<DeliverEffects, 'transport'> {
  browser: BrowserPool;
  /** The transport for the new edition (its outbox without SMTP); asked for only with `send`. */
  transport: (edition: number) => MailTransport;
}

export interface RegenerateResult {
  edition: number;
  previousEdition: number;
  /** out/<report>/<YYYY-MM>/edition-<n>/ */
  dir: string;
  pdfPath: string | undefined;
  changesPath: string | undefined;
  changes: EditionChangeRecord[];
  /** The `regenerate` run in the runs table. */
  runId: number;
  /** Who the edition is for (the same rule `send` applies), whether or not it was sent. */
  audience: string[];
  /** The send, when asked for. */
  sent: DeliverResult | null;
}

/**
 * @example
 *   const result = await regenerate({ config, report: 'xinjiang-us', month: '2022-08' }, { store, browser, transport, now, log, … });
 *   result.edition // 2; result.changes[0].field // "Exports to the United States, August 2022"; result.sent // null
 * @throws TradebriefError NothingToRegenerate (65) when the month has no complete edition; the generate and
 *   deliver errors (DataError 65, SmtpUnavailable 75 …)
 */
export async function regenerate(options: RegenerateOptions, effects: RegenerateEffects): Promise<RegenerateResult> {
  const { config, month } = options;
  const { store } = effects;
  const report = findReport(config, options.report);
  const outDir = options.outDir ?? config.outDir;

  // 1. edition
  const previousEdition = await latestEdition(outDir, report.id, month);
  if (previousEdition === null) {
    throw new TradebriefError('NothingToRegenerate', 'user', `${report.id} ${month} has no edition to correct: ${monthDir(outDir, report.id, month)} holds no complete edition`, {
      hint: `Run \`tradebrief generate --report ${report.id} --month ${month}\` to make edition 1.`,
    });
  }
  const edition = previousEdition + 1;

  // 2. record, 3. generate, 4. finish
  const runId = store.startRun({ kind: 'regenerate', report: report.id, month, edition, startedAt: effects.now() });
  const noCounts = { sent: 0, failed: 0, uncertain: 0, skipped: 0 };
  let generated;
  try {
    [generated] = await generateMonths(
      { config, report: report.id, month, outDir, dataFiles: options.dataFiles, stage: 'pdf', edition },
      { now: effects.now(), log: effects.log, browser: effects.browser },
    );
    if (generated === undefined) throw new Error('regenerate: generate returned no month');
  } catch (error) {
    const message = `edition ${edition} failed: ${error instanceof Error ? error.message : String(error)}`;
    store.finishRun(runId, { finishedAt: effects.now(), outcome: 'failed', counts: noCounts, message });
    throw error;
  }
  const changes = generated.changes ?? [];
  store.finishRun(runId, {
    finishedAt: effects.now(),
    outcome: 'ok',
    counts: noCounts,
    message: `edition ${edition} made from edition ${previousEdition}: ${changes.length} change${changes.length === 1 ? '' : 's'}`,
  });

  const key = { report: report.id, month, edition };
  const audience = editionAudience(edition, store.subscribersFor(report.id), earlierRecipients(store, key), earlierMailingFinished(store, key)).map((subscriber) => subscriber.email);
  const result: RegenerateResult = {
    edition,
    previousEdition,
    dir: generated.dir,
    pdfPath: generated.pdfPath,
    changesPath: generated.changesPath,
    changes,
    runId,
    audience,
    sent: null,
  };
  if (options.send !== true) return result;

  // 5. send
  result.sent = await deliver(
    { config, report: report.id, month, edition, outDir, unsubscribeSecret: options.unsubscribeSecret },
    { ...effects, transport: effects.transport(edition) },
  );
  return result;
}
