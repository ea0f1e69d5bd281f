/**
 * The loopback SMTP sink the delivery acceptance tests stand on: it must misbehave exactly as asked, or those
 * tests prove nothing. Driven here with plain nodemailer, no tradebrief code.
 */
import nodemailer from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { behaviours, startSmtpSink, type SmtpSink } from './helpers/smtp-sink.js';

let sink: SmtpSink;
beforeEach(async () => {
  sink = await startSmtpSink({ auth: { user: 'mailer', pass: 's3cret-pw' } });
});
afterEach(async () => {
  await sink.close();
});

function send(to: string) {
  const transport = nodemailer.createTransport(sink.url);
  return transport.sendMail({ from: 'reports@tradebrief.example', to, subject: `hello ${to}`, text: 'body' }).finally(() => transport.close());
}

describe('startSmtpSink()', () => {
  it('keeps every accepted message, raw and parsed, by envelope recipient', async () => {
    await send('a@example.test');
    expect(sink.receivedBy('a@example.test')).toHaveLength(1);
    expect(sink.messages[0]?.parsed.subject).toBe('hello a@example.test');
    expect(sink.messages[0]?.raw.toString()).toContain('body');
  });

  it('rejects one recipient with 550 at RCPT and accepts the others', async () => {
    sink.behave(behaviours.rejectRecipient('bad@example.test'));
    await expect(send('bad@example.test')).rejects.toMatchObject({ responseCode: 550, command: 'RCPT TO' });
    await send('good@example.test');
    expect(sink.messages.map((message) => message.to)).toEqual([['good@example.test']]);
  });

  it('defers a recipient with 451 the given number of times, then accepts', async () => {
    sink.behave(behaviours.deferRecipient('slow@example.test', 2));
    await expect(send('slow@example.test')).rejects.toMatchObject({ responseCode: 451 });
    await expect(send('slow@example.test')).rejects.toMatchObject({ responseCode: 451 });
    await send('slow@example.test');
    expect(sink.rcptAttempts('slow@example.test')).toBe(3);
    expect(sink.receivedBy('slow@example.test')).toHaveLength(1);
  });

  it('drops the connection after reading the body, keeping the message, and the client gets no 250', async () => {
    sink.behave(behaviours.dropAfterBody('lost@example.test'));
    await expect(send('lost@example.test')).rejects.toThrow();
    expect(sink.receivedBy('lost@example.test')).toMatchObject([{ dropped: true }]);
  });

  it('refuses connections while stopped and serves again on the same port', async () => {
    const port = sink.port;
    await sink.stop();
    await expect(send('a@example.test')).rejects.toThrow(/ECONNREFUSED/);
    await sink.start();
    expect(sink.port).toBe(port);
    await send('a@example.test');
    expect(sink.messages).toHaveLength(1);
  });
});
