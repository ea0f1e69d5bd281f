import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SendMailOptions } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { sendRunAlert } from '../../src/jobs/run-alert.js';
import { composeAlertEmail } from '../../src/mail/alert-email.js';
import type { MailTransport } from '../../src/mail/transport.js';

const now = () => new Date('2022-10-21T01:00:00Z');
const report = { id: 'xinjiang-us', title: 'Xinjiang exports to the United States', flow: 'export', regions: ['65'], focusPartner: '502', data: [{ path: 'x.csv' }], basket: ['toys'] };
const configWith = (delivery: Record<string, unknown>) => parseConfig({ reports: [report], delivery: { from: 'tradebrief <reports@example.org>', ...delivery } }, { baseDir: '/srv' });
const smtpDown = {
  report: 'xinjiang-us',
  month: '2022-09',
  runId: 7,
  step: 'mailing subscribers',
  error: {
    code: 'SmtpUnavailable',
    message: 'stopped after 5 transient failures in a row: the SMTP server (smtp://ops:hunter22@mail.example.org:587) seems to be down',
    hint: 'Nothing was lost: run the same send again later.',
    exitCode: 75,
  },
};

function recordingTransport(kind: 'smtp' | 'outbox') {
  const sent: SendMailOptions[] = [];
  const transport: MailTransport = {
    kind,
    send: async (message) => (sent.push(message), { messageId: String(message.messageId), response: '250 OK' }),
    close: async () => undefined,
    describe: () => 'smtp://ops:***@mail.example.org:587',
  };
  return { transport, sent };
}

describe('composeAlertEmail()', () => {
  const message = composeAlertEmail({
    ...smtpDown,
    operator: 'ops@example.org',
    from: { address: 'reports@example.org', name: 'tradebrief' },
    messageIdDomain: 'example.org',
    date: now(),
    secrets: ['hunter22'],
  });
  const text = String(message.text);

  it('has the subject "tradebrief run failed: <report> <month>: <code>" and goes to the operator only', () => {
    expect(message.subject).toBe('tradebrief run failed: xinjiang-us 2022-09: SmtpUnavailable');
    expect(message.envelope).toEqual({ from: 'reports@example.org', to: ['ops@example.org'] });
  });

  it('says what failed, the error, the hint, what to do and the run id', () => {
    expect(text).toContain('What failed: mailing subscribers');
    expect(text).toContain('SmtpUnavailable (exit code 75)');
    expect(text).toContain('seems to be down');
    expect(text).toContain('Hint: Nothing was lost');
    expect(text).toMatch(/What to do: This is temporary\..*sends only to the subscribers who have not had it/);
    expect(text).toContain('Run id: 7');
  });

  it('never carries the SMTP password', () => {
    expect(JSON.stringify(message)).not.toContain('hunter22');
    expect(text).toContain('smtp://ops:***@mail.example.org:587');
  });

  it('has a Message-ID of its own, valid even when no month could be named', () => {
    expect(message.messageId).toBe('<alert-xinjiang-us-2022-09-r7@example.org>');
    const noMonth = composeAlertEmail({ ...smtpDown, month: 'all months', operator: 'ops@example.org', from: { address: 'r@example.org', name: '' }, messageIdDomain: 'example.org', date: now() });
    expect(noMonth.messageId).toBe('<alert-xinjiang-us-all_months-r7@example.org>');
  });

  it('tells the operator to fix the input for a data error', () => {
    const data = composeAlertEmail({ ...smtpDown, error: { code: 'DataError', message: 'bad row', exitCode: 65 }, operator: 'ops@example.org', from: { address: 'r@example.org', name: '' }, messageIdDomain: 'example.org', date: now() });
    expect(String(data.text)).toMatch(/What to do: Fix the input named above.*Nothing was sent\./);
  });
});

describe('sendRunAlert()', () => {
  it('sends the alert through the SMTP transport to delivery.operator', async () => {
    const { transport, sent } = recordingTransport('smtp');
    const outcome = await sendRunAlert(configWith({ operator: 'ops@example.org' }), smtpDown, { transport, outboxDir: '/nonexistent', now, log: () => undefined });
    expect(outcome).toEqual({ sentTo: 'ops@example.org', via: 'smtp://ops:***@mail.example.org:587' });
    expect(sent.map((message) => message.subject)).toEqual(['tradebrief run failed: xinjiang-us 2022-09: SmtpUnavailable']);
  });

  it('writes outbox/alert-<runId>.eml when there is no SMTP server', async () => {
    const { transport, sent } = recordingTransport('outbox');
    const outboxDir = path.join(mkdtempSync(path.join(tmpdir(), 'tradebrief-alert-')), 'outbox');
    await sendRunAlert(configWith({ operator: 'ops@example.org' }), smtpDown, { transport, outboxDir, now, log: () => undefined });
    expect(sent).toEqual([]);
    expect(readdirSync(outboxDir)).toEqual(['alert-7.eml']);
    const eml = readFileSync(path.join(outboxDir, 'alert-7.eml'), 'utf8');
    expect(eml).toMatch(/^To: ops@example\.org\r$/m);
    expect(eml).toMatch(/^Subject: tradebrief run failed: xinjiang-us 2022-09: SmtpUnavailable\r$/m);
    expect(eml).not.toContain('hunter22');
  });

  it('logs that no alert could be sent when no operator is configured', async () => {
    const { transport, sent } = recordingTransport('smtp');
    const logs: string[] = [];
    const outcome = await sendRunAlert(configWith({}), smtpDown, { transport, outboxDir: '/nonexistent', now, log: (line) => logs.push(line) });
    expect(sent).toEqual([]);
    expect(outcome).toEqual({ skipped: 'no alert could be sent: delivery.operator is not set in the config' });
    expect(logs).toEqual(['no alert could be sent: delivery.operator is not set in the config']);
  });

  it('logs, and does not throw, when the alert itself cannot be sent', async () => {
    const transport: MailTransport = { ...recordingTransport('smtp').transport, send: async () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET' })) };
    const logs: string[] = [];
    const outcome = await sendRunAlert(configWith({ operator: 'ops@example.org' }), smtpDown, { transport, outboxDir: '/nonexistent', now, log: (line) => logs.push(line) });
    expect(outcome).toMatchObject({ skipped: expect.stringContaining('the alert to ops@example.org could not be sent') });
    expect(logs).toHaveLength(1);
  });
});
