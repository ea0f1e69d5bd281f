/**
 * The default transport without SMTP settings: each message rendered to RFC 5322 by nodemailer's stream
 * transport and written atomically as out/<report>/<YYYY-MM>/edition-<n>/outbox/<edition>-<subscriberHash>.eml. A rerun
 * overwrites the same file, so the outbox never holds two copies for one subscriber and edition.
 */
import path from 'node:path';

import nodemailer, { type SendMailOptions } from 'nodemailer';

import { writeFileAtomic } from '../io/atomic-write.js';
import { outboxFileName } from './message-id.js';
import { MailSendError } from './send-error.js';
import type { MailTransport, SentMessage } from './transport.js';

/** @example await createOutboxTransport('out/xinjiang-us/2022-08/edition-1/outbox').send(message) // { response: "250 written to …/1-5c0f….eml" } */
export function createOutboxTransport(outboxDir: string): MailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    kind: 'outbox',
    async send(message: SendMailOptions): Promise<SentMessage> {
      let built: { messageId: string; message: Buffer };
      try {
        const info = await composer.sendMail(message);
        built = { messageId: info.messageId, message: info.message as Buffer };
      } catch (error) {
        // Nothing left the machine: building failed (e.g. the PDF is missing), so it is safe to try again.
        throw new MailSendError(`could not build the message: ${error instanceof Error ? error.message : String(error)}`, {
          code: (error as { code?: string }).code ?? 'EMESSAGE',
          command: 'API',
          bodySent: false,
        });
      }
      const file = path.join(outboxDir, outboxFileName(built.messageId));
      await writeFileAtomic(file, built.message);
      return { messageId: built.messageId, response: `250 written to ${file}` };
    },
    async close(): Promise<void> {
      composer.close();
    },
    describe(): string {
      return `outbox ${outboxDir}`;
    },
  };
}
