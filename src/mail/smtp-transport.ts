/**
 * SMTP through nodemailer's pool, configured so the ledger alone decides what is re-sent (RELIABILITY.md B1):
 * maxRequeues 0 (nodemailer 10 puts a message whose connection closed mid-send without an error event back on the
 * queue, up to 5 times by default, and would send it again even if the server had accepted it; in our tests a
 * drop after the final dot raises the error first, so this guards the other path), explicit timeouts, a rate limit.
 *
 * Each send tracks whether its message stream was read to the end by the SMTP DATA stream (the body left for the server, the final "."
 * follows): nodemailer reports command "CONN" for a connection lost before the greeting and after the final dot
 * alike, and only this fact separates "safe to retry" from "may already be delivered".
 *
 * The password is in the URL and nowhere else; describe() and every error message carry it redacted.
 */
import nodemailer, { type SendMailOptions } from 'nodemailer';

import { createAttachmentFiles } from './attachment-files.js';
import { badSmtpUrl } from './mail-errors.js';
import { redactSecrets, redactUrl, secretsOf } from './redact-url.js';
import { MailSendError } from './send-error.js';
import type { MailTransport, MailTransportOptions, SentMessage } from './transport.js';

const RESERVED_PARAMETERS = new Set(
  ['pool', 'maxrequeues', 'maxconnections', 'maxmessages', 'ratelimit', 'ratedelta', 'logger', 'debug', 'connectiontimeout', 'greetingtimeout', 'sockettimeout'],
);

// Key in the message data linking nodemailer's stream plugin to the send that owns it.
const SEND_ID = 'x-tradebrief-send-id';

interface SendTracker {
  bodySent: boolean;
}

/** @example createSmtpTransport('smtp://mailer:s3cret@127.0.0.1:2525', { outboxDir, pool: true }).describe() // "smtp://mailer:***@127.0.0.1:2525" */
export function createSmtpTransport(smtpUrl: string, options: Omit<MailTransportOptions, 'smtpUrl'>): MailTransport {
  const shown = redactUrl(smtpUrl);
  const secrets = secretsOf(smtpUrl);
  let parsed: URL;
  try {
    parsed = new URL(smtpUrl);
  } catch {
    throw badSmtpUrl(shown, 'is not a URL');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') throw badSmtpUrl(shown, `has scheme ${parsed.protocol}; expected smtp: or smtps:`);
  if (parsed.hostname === '') throw badSmtpUrl(shown, 'has no host');
  // nodemailer lets the URL's query override the options given beside it; these must stay ours.
  for (const key of parsed.searchParams.keys()) {
    if (RESERVED_PARAMETERS.has(key.toLowerCase())) throw badSmtpUrl(shown, `sets "${key}" in its query; tradebrief sets that itself (config delivery.rateLimit, delivery.retry)`);
  }

  const rate = options.rateLimit;
  const mailer = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: options.maxConnections ?? 1,
    maxRequeues: 0,
    connectionTimeout: options.timeouts?.connectionMs ?? 10_000,
    greetingTimeout: options.timeouts?.greetingMs ?? 10_000,
    socketTimeout: options.timeouts?.socketMs ?? 30_000,
    ...(rate === undefined ? {} : { rateLimit: rate.messages, rateDelta: rate.perSeconds * 1000 }),
    // No nodemailer logging: it would print the conversation, AUTH included, to stdout.
    logger: false,
    debug: false,
  });

  const trackers = new Map<string, SendTracker>();
  let nextSendId = 0;
  mailer.use('stream', (mail, done) => {
    const id = (mail.data as Record<string, unknown>)[SEND_ID];
    const tracker = typeof id === 'string' ? trackers.get(id) : undefined;
    // The last stage of the message stream, the one DATA reads: its 'end' fires only once every byte was read.
    if (tracker !== undefined) {
      mail.message.processFunc((input) => {
        input.once('end', () => {
          tracker.bodySent = true;
        });
        return input;
      });
    }
    done();
  });

  // The same report.pdf goes to every subscriber: read it once, not once per message.
  const attachmentFiles = createAttachmentFiles();
  let closed = false;
  return {
    kind: 'smtp',
    async send(message: SendMailOptions): Promise<SentMessage> {
      const id = String(nextSendId++);
      const tracker: SendTracker = { bodySent: false };
      trackers.set(id, tracker);
      try {
        const info = await mailer.sendMail({ ...(await attachmentFiles.inline(message)), [SEND_ID]: id } as SendMailOptions);
        return { messageId: info.messageId, response: redactSecrets(String(info.response ?? ''), secrets) };
      } catch (error) {
        throw toSendError(error, tracker.bodySent, secrets);
      } finally {
        trackers.delete(id);
      }
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      mailer.close();
    },
    describe(): string {
      return shown;
    },
  };
}

function toSendError(error: unknown, bodySent: boolean, secrets: readonly string[]): MailSendError {
  const facts = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? redactSecrets(value, secrets) : undefined);
  const message = redactSecrets(error instanceof Error ? error.message : String(error), secrets);
  return new MailSendError(message, {
    code: text(facts.code),
    command: text(facts.command),
    responseCode: typeof facts.responseCode === 'number' ? facts.responseCode : undefined,
    response: text(facts.response),
    bodySent,
  });
}
