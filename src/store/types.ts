/**
 * What the store hands out: plain objects with Dates, never database rows.
 */

export type Locale = 'en' | 'zh';
export const LOCALES: readonly Locale[] = ['en', 'zh'];

export type SubscriberStatus = 'active' | 'unsubscribed';

export interface Subscriber {
  id: number;
  /** Lower case, trimmed, validated. */
  email: string;
  name: string | null;
  locale: Locale;
  status: SubscriberStatus;
  /** Report ids this subscriber receives, sorted. */
  reports: string[];
  /** Random, stable per subscriber and never shown: a Message-ID can use it without revealing the address. */
  unsubscribeSalt: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewSubscriber {
  email: string;
  name?: string | null;
  locale?: Locale;
  reports: readonly string[];
}

export type RunKind = 'send' | 'generate' | 'run' | 'regenerate';
export type RunOutcome = 'ok' | 'partial' | 'failed';

export interface RunCounts {
  sent: number;
  failed: number;
  uncertain: number;
  skipped: number;
}

export interface Run {
  id: number;
  kind: RunKind;
  report: string;
  month: string;
  edition: number | null;
  startedAt: Date;
  /** null while the run is going on, or when it died without finishing. */
  finishedAt: Date | null;
  outcome: RunOutcome | null;
  counts: RunCounts;
  message: string | null;
}

/**
 * planned -> sending -> sent | failed_permanent | failed_transient | uncertain (DESIGN.md "Delivery semantics").
 * failed_transient goes back to sending once retry_after has passed; uncertain and failed rows go back to
 * planned only through reopenDelivery (an explicit --resend).
 */
export type DeliveryState = 'planned' | 'sending' | 'sent' | 'failed_permanent' | 'failed_transient' | 'uncertain';
export const DELIVERY_STATES: readonly DeliveryState[] = ['planned', 'sending', 'sent', 'failed_permanent', 'failed_transient', 'uncertain'];

/** The outcomes a send can record with markFailed. */
export type FailedState = 'failed_permanent' | 'failed_transient' | 'uncertain';

/** States an operator may send again with reopenDelivery. */
export type ReopenableState = 'uncertain' | 'failed_permanent' | 'failed_transient';

/** One (report, month, edition) of the ledger. */
export interface EditionKey {
  report: string;
  month: string;
  edition: number;
}

export interface Delivery extends EditionKey {
  id: number;
  subscriberEmail: string;
  subscriberName: string | null;
  state: DeliveryState;
  /** SMTP transactions attempted so far (every recorded outcome counts one). */
  attempts: number;
  /** The last SMTP reply or error, for the operator. */
  lastResponse: string | null;
  messageId: string | null;
  /** failed_transient: not to be tried again before this. */
  retryAfter: Date | null;
  /** Who holds or last held the row: see claimant.ts. */
  claimedBy: string | null;
  plannedAt: Date;
  sendingAt: Date | null;
  finishedAt: Date | null;
}

export type LedgerSummary = Record<DeliveryState, number>;
