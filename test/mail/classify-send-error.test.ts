import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';

import { classifySendError, sendErrorSummary } from '../../src/mail/classify-send-error.js';
import { MailSendError } from '../../src/mail/send-error.js';
import { startTestServer, type TestServerHooks } from './smtp-test-server.js';

/** What plain nodemailer (pool, maxRequeues 0) rejects with against a real server behaving as `hooks` say. */
async function rawNodemailerError(hooks: TestServerHooks, options: { stopServer?: boolean } = {}): Promise<Record<string, unknown>> {
  const server = await startTestServer(hooks);
  if (options.stopServer === true) await server.close();
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: server.port, secure: false, pool: true, maxConnections: 1, maxRequeues: 0, logger: false });
  try {
    await transport.sendMail({ from: 'briefs@tradebrief.example', to: 'ana@example.org', subject: 'probe', text: 'probe' });
    return {};
  } catch (error) {
    return error as Record<string, unknown>;
  } finally {
    transport.close();
    if (options.stopServer !== true) await server.close();
  }
}

describe('classifySendError()', () => {
  it('calls a 5xx reply to the recipient or the message permanent', () => {
    expect(classifySendError({ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 550 })).toBe('permanent');
    expect(classifySendError({ code: 'EMESSAGE', command: 'DATA', responseCode: 554 })).toBe('permanent');
  });

  it('calls any 4xx reply transient, wherever it came', () => {
    for (const command of ['CONN', 'MAIL FROM', 'RCPT TO', 'DATA']) expect(classifySendError({ command, responseCode: 451 })).toBe('transient');
  });

  it('calls a 5xx at the session level (greeting, AUTH, MAIL FROM) transient: it refuses us, not the subscriber', () => {
    expect(classifySendError({ code: 'EAUTH', command: 'AUTH PLAIN', responseCode: 535 })).toBe('transient');
    expect(classifySendError({ code: 'EENVELOPE', command: 'MAIL FROM', responseCode: 550 })).toBe('transient');
    expect(classifySendError({ code: 'EPROTOCOL', command: 'CONN', responseCode: 554 })).toBe('transient');
  });

  it('decides a lost connection of our transports by whether the body had been sent', () => {
    const lost = (bodySent: boolean): MailSendError => new MailSendError('Connection closed unexpectedly', { code: 'ECONNECTION', command: 'CONN', bodySent });
    expect(classifySendError(lost(false))).toBe('transient');
    expect(classifySendError(lost(true))).toBe('uncertain');
  });

  it('for a raw error, treats envelope commands as before the body and an unexplained CONN as uncertain', () => {
    expect(classifySendError({ code: 'ETIMEDOUT', command: 'RCPT TO' })).toBe('transient');
    expect(classifySendError({ code: 'ESOCKET', command: 'CONN', message: 'connect ECONNREFUSED 127.0.0.1:25' })).toBe('transient');
    expect(classifySendError({ code: 'ETIMEDOUT', command: 'CONN', message: 'Greeting never received' })).toBe('transient');
    expect(classifySendError({ code: 'ECONNECTION', command: 'CONN', message: 'Connection closed unexpectedly' })).toBe('uncertain');
    expect(classifySendError({ code: 'ESOCKET', command: 'DATA' })).toBe('uncertain');
    expect(classifySendError(new Error('something odd'))).toBe('uncertain');
    expect(classifySendError('not even an error')).toBe('uncertain');
  });

  // RELIABILITY.md B1 guessed that nodemailer names a later command when the socket dies after the final dot.
  // These ask the real thing (nodemailer 10 against smtp-server) what it reports in each case.
  describe('what nodemailer reports (verified against a real server)', () => {
    it('socket closed after the final dot: ECONNECTION with command CONN, like a failure before the greeting', async () => {
      const error = await rawNodemailerError({ data: () => 'drop' });
      expect(error).toMatchObject({ code: 'ECONNECTION', command: 'CONN' });
      expect(error.responseCode).toBeUndefined();
      // Without our transport's bodySent, the only safe reading is "maybe delivered".
      expect(classifySendError(error)).toBe('uncertain');
    });

    it('connection refused: ESOCKET with command CONN and ECONNREFUSED in the message', async () => {
      const error = await rawNodemailerError({}, { stopServer: true });
      expect(error).toMatchObject({ code: 'ESOCKET', command: 'CONN' });
      expect(String(error.message)).toMatch(/ECONNREFUSED/);
      expect(classifySendError(error)).toBe('transient');
    });

    it('550 at RCPT TO: EENVELOPE, command RCPT TO, responseCode 550', async () => {
      const error = await rawNodemailerError({ rcpt: () => 550 });
      expect(error).toMatchObject({ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 550 });
      expect(classifySendError(error)).toBe('permanent');
    });

    it('451 after the body: EMESSAGE, command DATA, responseCode 451', async () => {
      const error = await rawNodemailerError({ data: () => 451 });
      expect(error).toMatchObject({ code: 'EMESSAGE', command: 'DATA', responseCode: 451 });
      expect(classifySendError(error)).toBe('transient');
    });
  });
});

describe('sendErrorSummary()', () => {
  it('prefers the server reply and names the step', () => {
    expect(sendErrorSummary({ responseCode: 550, response: '550 5.1.1 No such user', command: 'RCPT TO' })).toBe('550 5.1.1 No such user (RCPT TO)');
  });

  it('falls back to the code and message on one line', () => {
    expect(sendErrorSummary(Object.assign(new Error('Connection closed\nunexpectedly'), { code: 'ECONNECTION', command: 'CONN' }))).toBe(
      'ECONNECTION: Connection closed unexpectedly (CONN)',
    );
  });
});
