import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';

import { classifySendError } from '../../src/mail/classify-send-error.js';
import { composeReportEmail } from '../../src/mail/compose-report-email.js';
import { subscriberHash } from '../../src/mail/message-id.js';
import { createMailTransport } from '../../src/mail/transport.js';
import { emailInput, sha256, tempDir, writeTinyPdf } from './fixtures.js';

describe('createMailTransport() without SMTP_URL (the outbox)', () => {
  it('writes each message as <edition>-<subscriberHash>.eml and answers "250 written to <path>"', async () => {
    const dir = tempDir();
    const { pdfPath, sha256: pdfSha } = writeTinyPdf(dir);
    const outboxDir = path.join(dir, 'out', 'xinjiang-us', '2022-08', 'edition-1', 'outbox');
    const outbox = createMailTransport({ smtpUrl: undefined, outboxDir, pool: true });
    expect(outbox.kind).toBe('outbox');
    expect(outbox.describe()).toBe(`outbox ${outboxDir}`);

    const sent = await outbox.send(composeReportEmail(emailInput(pdfPath)));
    const file = path.join(outboxDir, `1-${subscriberHash('ana@example.org')}.eml`);
    expect(sent.response).toBe(`250 written to ${file}`);
    const mail = await simpleParser(readFileSync(file));
    expect(mail.messageId).toBe(sent.messageId);
    expect(sha256(mail.attachments.find((attachment) => attachment.contentType === 'application/pdf')?.content ?? Buffer.alloc(0))).toBe(pdfSha);
    await outbox.close();
  });

  it('keeps one file per subscriber and edition however often it is sent, and leaves no temporary file', async () => {
    const dir = tempDir();
    const { pdfPath } = writeTinyPdf(dir);
    const outboxDir = path.join(dir, 'outbox');
    const outbox = createMailTransport({ smtpUrl: '', outboxDir, pool: true });
    await outbox.send(composeReportEmail(emailInput(pdfPath)));
    await outbox.send(composeReportEmail(emailInput(pdfPath)));
    await outbox.send(composeReportEmail(emailInput(pdfPath, { edition: 2 })));
    expect(readdirSync(outboxDir).sort()).toEqual([`1-${subscriberHash('ana@example.org')}.eml`, `2-${subscriberHash('ana@example.org')}.eml`]);
  });

  it('fails transient, writing nothing, when the PDF is missing', async () => {
    const dir = tempDir();
    const outboxDir = path.join(dir, 'outbox');
    const outbox = createMailTransport({ outboxDir, pool: true });
    const error = await outbox.send(composeReportEmail(emailInput(path.join(dir, 'missing.pdf')))).catch((caught: unknown) => caught);
    expect(String((error as Error).message)).toMatch(/ENOENT/);
    expect(classifySendError(error)).toBe('transient');
    expect(() => readdirSync(outboxDir)).toThrow();
  });
});
