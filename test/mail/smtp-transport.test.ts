import path from 'node:path';

import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';

import { classifySendError } from '../../src/mail/classify-send-error.js';
import { composeReportEmail } from '../../src/mail/compose-report-email.js';
import { MailSendError } from '../../src/mail/send-error.js';
import { createMailTransport, type MailTransport } from '../../src/mail/transport.js';
import { emailInput, sha256, tempDir, writeTinyPdf } from './fixtures.js';
import { startTestServer, type TestServer } from './smtp-test-server.js';

const PASSWORD = 'pa55-w0rd_S3cret';

describe('createMailTransport() with SMTP_URL (real smtp-server on loopback)', () => {
  const dir = tempDir();
  const { pdfPath, sha256: pdfSha } = writeTinyPdf(dir);
  const message = (email = 'ana@example.org'): ReturnType<typeof composeReportEmail> =>
    composeReportEmail(emailInput(pdfPath, { subscriber: { email, name: 'Ana', locale: 'en' } }));
  let server: TestServer | undefined;
  let transport: MailTransport | undefined;
  const open = (url: string): MailTransport => (transport = createMailTransport({ smtpUrl: url, outboxDir: path.join(dir, 'outbox'), pool: true }));
  afterEach(async () => {
    await transport?.close();
    await server?.close();
    transport = undefined;
    server = undefined;
  });

  it('delivers a message once, returns the 250 reply, and the server gets the PDF intact', async () => {
    server = await startTestServer({ auth: { user: 'mailer', pass: PASSWORD } });
    const smtp = open(`smtp://mailer:${PASSWORD}@127.0.0.1:${server.port}`);
    expect(smtp.kind).toBe('smtp');
    const sent = await smtp.send(message());
    expect(sent.response).toMatch(/^250 /);
    expect(sent.messageId).toMatch(/^<xinjiang-us-2022-08-e1-[0-9a-f]{16}@tradebrief\.example>$/);
    expect(server.messages).toHaveLength(1);
    expect(server.recipients).toEqual(['ana@example.org']);
    expect(server.messages[0]?.toString()).not.toMatch(/tradebrief-send-id/i);
    const mail = await simpleParser(server.messages[0] ?? Buffer.alloc(0));
    const pdf = mail.attachments.find((attachment) => attachment.contentType === 'application/pdf');
    expect(sha256(pdf?.content ?? Buffer.alloc(0))).toBe(pdfSha);
  });

  it('sends one message per subscriber over the pool, in order', async () => {
    server = await startTestServer();
    const smtp = open(`smtp://127.0.0.1:${server.port}`);
    for (const email of ['a@example.org', 'b@example.org', 'c@example.org']) await smtp.send(message(email));
    expect(server.recipients).toEqual(['a@example.org', 'b@example.org', 'c@example.org']);
    expect(server.messages).toHaveLength(3);
  });

  it('reports 550 at RCPT TO as a permanent failure of that recipient only', async () => {
    server = await startTestServer({ rcpt: (address) => (address === 'gone@example.org' ? 550 : undefined) });
    const smtp = open(`smtp://127.0.0.1:${server.port}`);
    const error = await smtp.send(message('gone@example.org')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MailSendError);
    expect(error).toMatchObject({ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 550, bodySent: false });
    expect(classifySendError(error)).toBe('permanent');
    await smtp.send(message('ana@example.org'));
    expect(server.messages).toHaveLength(1);
  });

  it('reports 451 at RCPT TO and at the end of DATA as transient', async () => {
    let dataVerdict: 'accept' | number = 451;
    server = await startTestServer({ rcpt: (address) => (address === 'busy@example.org' ? 451 : undefined), data: () => dataVerdict });
    const smtp = open(`smtp://127.0.0.1:${server.port}`);
    const atRcpt = await smtp.send(message('busy@example.org')).catch((caught: unknown) => caught);
    expect(atRcpt).toMatchObject({ command: 'RCPT TO', responseCode: 451 });
    expect(classifySendError(atRcpt)).toBe('transient');
    const atData = await smtp.send(message('ana@example.org')).catch((caught: unknown) => caught);
    // The body did go out, but the server answered 451: it did not take the message, so a retry is safe.
    expect(atData).toMatchObject({ code: 'EMESSAGE', command: 'DATA', responseCode: 451, bodySent: true });
    expect(classifySendError(atData)).toBe('transient');
    dataVerdict = 'accept';
    await smtp.send(message('ana@example.org'));
    expect(server.messages).toHaveLength(1);
  });

  it('reports a server that is not listening as transient (nothing was sent)', async () => {
    server = await startTestServer();
    const { port } = server;
    await server.close();
    server = undefined;
    const smtp = open(`smtp://mailer:${PASSWORD}@127.0.0.1:${port}`);
    const error = await smtp.send(message()).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'ESOCKET', command: 'CONN', bodySent: false });
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
    expect(classifySendError(error)).toBe('transient');
  });

  it('reports a connection dropped after the final dot as uncertain, and does not send it again by itself', async () => {
    let verdict: 'drop' | 'accept' = 'drop';
    server = await startTestServer({ data: () => verdict });
    const smtp = open(`smtp://127.0.0.1:${server.port}`);
    const error = await smtp.send(message()).catch((caught: unknown) => caught);
    // The finding: nodemailer says CONN here, as for a refused connection; only bodySent tells them apart.
    expect(error).toMatchObject({ code: 'ECONNECTION', command: 'CONN', bodySent: true });
    expect(classifySendError(error)).toBe('uncertain');
    await new Promise((resolve) => setTimeout(resolve, 500)); // room for a resend by the pool, which must not happen
    expect(server.dropped).toHaveLength(1);
    expect(server.messages).toHaveLength(0);
    // Asked to (--resend uncertain), the same pool sends it once more on a new connection.
    verdict = 'accept';
    await smtp.send(message());
    expect(server.messages).toHaveLength(1);
  });

  it('never shows the password: describe(), error messages and the failed AUTH', async () => {
    server = await startTestServer({ auth: { user: 'mailer', pass: 'something-else' } });
    const smtp = open(`smtp://mailer:${PASSWORD}@127.0.0.1:${server.port}`);
    expect(smtp.describe()).toBe(`smtp://mailer:***@127.0.0.1:${server.port}`);
    const error = await smtp.send(message()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MailSendError);
    expect(error).toMatchObject({ code: 'EAUTH', responseCode: 535 });
    // A wrong password is the sender's problem, not the subscriber's: transient, so the breaker stops the run.
    expect(classifySendError(error)).toBe('transient');
    const everything = JSON.stringify({ ...(error as object), message: (error as Error).message, stack: (error as Error).stack, described: smtp.describe() });
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain(encodeURIComponent(PASSWORD));
  });

  it('refuses an SMTP_URL it cannot use, showing it redacted', () => {
    expect(() => createMailTransport({ smtpUrl: `http://u:${PASSWORD}@host`, outboxDir: dir, pool: true })).toThrow(/SMTP_URL \(http:\/\/u:\*\*\*@host\/\) has scheme http:/);
    try {
      createMailTransport({ smtpUrl: `smtp://u:${PASSWORD}@`, outboxDir: dir, pool: true });
      expect.unreachable();
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(PASSWORD);
    }
  });

  it('refuses an SMTP_URL whose query would override the pool settings the ledger relies on', () => {
    expect(() => createMailTransport({ smtpUrl: 'smtp://127.0.0.1:25?maxRequeues=5', outboxDir: dir, pool: true })).toThrow(/sets "maxRequeues"/);
    expect(() => createMailTransport({ smtpUrl: 'smtp://127.0.0.1:25?name=client.example', outboxDir: dir, pool: true })).not.toThrow();
  });

  it('holds back to the configured rate', async () => {
    server = await startTestServer();
    transport = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${server.port}`, outboxDir: dir, pool: true, rateLimit: { messages: 1, perSeconds: 1 } });
    const started = Date.now();
    for (const email of ['a@example.org', 'b@example.org', 'c@example.org']) await transport.send(message(email));
    // Three messages at one per second: the third cannot go before two windows have passed.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1800);
    expect(server.messages).toHaveLength(3);
  }, 15_000);
});
