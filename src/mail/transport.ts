/**
 * Where report emails go: an SMTP server (SMTP_URL) or, without one, an outbox folder of .eml files so the whole
 * job runs on a fresh machine (DESIGN.md "Delivery semantics"). Both behave the same to the caller: `send`
 * resolves once the message is accepted (250, or written), and rejects with a MailSendError that
 * classifySendError turns into the ledger's next state. Neither retries on its own: the ledger owns retries.
 */
import type { SendMailOptions } from 'nodemailer';

import { createOutboxTransport } from './outbox-transport.js';
import { createSmtpTransport } from './smtp-transport.js';

export interface SentMessage {
  messageId: string;
  /** The server's final reply ("250 2.0.0 OK …"), or "250 written to <path>" for the outbox. */
  response: string;
}

export interface MailTransport {
  readonly kind: 'smtp' | 'outbox';
  /** @throws MailSendError when the message was not (or maybe not) accepted */
  send(message: SendMailOptions): Promise<SentMessage>;
  /** Closes pooled connections; waits for nothing else. Safe to call twice. */
  close(): Promise<void>;
  /** For logs and the runs table: the SMTP URL with its password as "***", or the outbox folder. */
  describe(): string;
}

export interface RateLimit {
  /** At most this many messages … */
  messages: number;
  /** … per this many seconds. */
  perSeconds: number;
}

export interface MailTransportOptions {
  /** smtp://user:pass@host:port or smtps://…; undefined or "" selects the outbox. */
  smtpUrl?: string | undefined;
  /** out/<report>/<YYYY-MM>/edition-<n>/outbox/ */
  outboxDir: string;
  rateLimit?: RateLimit | undefined;
  /** Pooled SMTP connections; always true (one pool per run). */
  pool: true;
  /** Parallel SMTP connections (default 1: a monthly list does not need more, and one keeps the order). */
  maxConnections?: number;
  /** Socket timeouts in ms (defaults 10 s to connect, 10 s for the greeting, 30 s of silence). */
  timeouts?: { connectionMs?: number; greetingMs?: number; socketMs?: number };
}

/**
 * @example
 *   const transport = createMailTransport({ smtpUrl: process.env.SMTP_URL, outboxDir: 'out/xinjiang-us/2022-08/edition-1/outbox', pool: true });
 *   try { await transport.send(message); } finally { await transport.close(); }
 * @throws TradebriefError BadSmtpUrl (kind user) for an SMTP_URL that cannot be used; the message shows it redacted
 */
export function createMailTransport(options: MailTransportOptions): MailTransport {
  if (options.smtpUrl === undefined || options.smtpUrl.trim() === '') return createOutboxTransport(options.outboxDir);
  return createSmtpTransport(options.smtpUrl.trim(), options);
}
