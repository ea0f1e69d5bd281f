import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { simpleParser, type ParsedMail } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';

import { composeReportEmail } from '../../src/mail/compose-report-email.js';
import { subscriberHash } from '../../src/mail/message-id.js';
import { createOutboxTransport } from '../../src/mail/outbox-transport.js';
import { emailInput, headerLines, sha256, tempDir, TINY_PNG, tinyStats, writeTinyPdf } from './fixtures.js';

/** Builds the message for real (nodemailer's composer, through the outbox) and parses it back as a mail client would. */
async function roundTrip(overrides: Parameters<typeof emailInput>[1] = {}): Promise<{ raw: Buffer; mail: ParsedMail; pdfSha: string }> {
  const dir = tempDir();
  const { pdfPath, sha256: pdfSha } = writeTinyPdf(dir);
  const outbox = createOutboxTransport(path.join(dir, 'outbox'));
  await outbox.send(composeReportEmail(emailInput(pdfPath, overrides)));
  const [file] = readdirSync(path.join(dir, 'outbox'));
  const raw = readFileSync(path.join(dir, 'outbox', file ?? 'missing'));
  return { raw, mail: await simpleParser(raw, { keepCidLinks: true }), pdfSha };
}

describe('composeReportEmail()', () => {
  let plain: Awaited<ReturnType<typeof roundTrip>>;
  beforeAll(async () => {
    plain = await roundTrip();
  });

  it('addresses one subscriber by name, from the configured sender, with the headline as subject', () => {
    const { mail } = plain;
    expect(mail.subject).toBe('Xinjiang exports to the United States, August 2022: US$56.8 million, +592.8 % year on year');
    expect(mail.to).toMatchObject({ value: [{ name: 'Ana Lima', address: 'ana@example.org' }] });
    expect(mail.from).toMatchObject({ value: [{ name: 'Trade briefs', address: 'briefs@tradebrief.example' }] });
  });

  it('has a deterministic Message-ID for (report, month, edition, subscriber)', () => {
    expect(plain.mail.messageId).toBe(`<xinjiang-us-2022-08-e1-${subscriberHash('ana@example.org')}@tradebrief.example>`);
  });

  it('attaches the PDF byte for byte, and the chart as an inline PNG the HTML refers to by cid', () => {
    const { mail, pdfSha } = plain;
    const pdf = mail.attachments.find((attachment) => attachment.contentType === 'application/pdf');
    expect(pdf?.filename).toBe('xinjiang-us-2022-08.pdf');
    expect(sha256(pdf?.content ?? Buffer.alloc(0))).toBe(pdfSha);
    const png = mail.attachments.find((attachment) => attachment.contentType === 'image/png');
    expect(png?.content.equals(TINY_PNG)).toBe(true);
    expect(png?.contentDisposition).toBe('inline');
    expect(png?.cid).toMatch(/^trend-2022-08@tradebrief\.example$/);
    expect(mail.html).toContain(`src="cid:${png?.cid ?? ''}"`);
    expect(mail.html).toMatch(/<img [^>]*alt="Xinjiang exports to the United States: monthly values over the last 5 months"/);
  });

  it('puts the headline figures and every narrative sentence in both the HTML and the text part', () => {
    const { mail } = plain;
    for (const part of [mail.html || '', mail.text ?? '']) {
      expect(part).toContain('US$56.8 million');
      expect(part).toContain('+592.8\u202F%');
      expect(part).toContain('highest in 10 months');
      expect(part).toContain('It surged 592.8 per cent compared to a year earlier.');
      expect(part).toContain('attached as xinjiang-us-2022-08.pdf');
      expect(part).toContain('Edition 1');
    }
    expect(mail.text).toContain("The US became the far-west region's fifth biggest trading partner in August, up from 12th in July.");
    expect(mail.html).toContain('The US became the far-west region&#x27;s fifth biggest trading partner');
  });

  it('has exactly one List-Unsubscribe (mailto and https), one List-Unsubscribe-Post and one List-Id', () => {
    const lines = headerLines(plain.raw);
    const named = (name: string): string[] => lines.filter((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`));
    expect(named('List-Unsubscribe')).toEqual([
      'List-Unsubscribe: <mailto:unsubscribe@tradebrief.example?subject=unsubscribe>, <https://tradebrief.example/unsubscribe?token=abc.def>',
    ]);
    expect(named('List-Unsubscribe-Post')).toEqual(['List-Unsubscribe-Post: List-Unsubscribe=One-Click']);
    expect(named('List-Id')).toEqual(['List-ID: "Xinjiang exports to the United States" <xinjiang-us.tradebrief.example>']);
    // Handlebars escapes "=" as &#x3D; inside the attribute; a browser reads it back as "=".
    expect(plain.mail.html).toContain('href="https://tradebrief.example/unsubscribe?token&#x3D;abc.def"');
  });

  it('offers no one-click unsubscribe without an https URL, and links the mailto instead', async () => {
    const { raw, mail } = await roundTrip({ unsubscribe: { mailto: 'mailto:unsubscribe@tradebrief.example', url: null } });
    const lines = headerLines(raw);
    expect(lines.filter((line) => /^List-Unsubscribe:/i.test(line))).toEqual(['List-Unsubscribe: <mailto:unsubscribe@tradebrief.example?subject=unsubscribe>']);
    expect(lines.some((line) => /^List-Unsubscribe-Post:/i.test(line))).toBe(false);
    expect(mail.html).toContain('href="mailto:unsubscribe@tradebrief.example?subject&#x3D;unsubscribe"');
  });

  it('keeps a hostile subscriber name and report title out of the headers and escapes them in the HTML', async () => {
    const { raw, mail } = await roundTrip({
      subscriber: { email: 'eve@example.org', name: 'Eve\r\nBcc: x@evil.test <b>bold</b>', locale: 'en' },
      stats: tinyStats({ title: 'Exports\r\nX-Injected: yes <script>alert(1)</script>' }),
    });
    const lines = headerLines(raw);
    expect(lines.some((line) => /^(Bcc|X-Injected):/i.test(line))).toBe(false);
    expect(mail.bcc).toBeUndefined();
    expect(mail.headers.has('x-injected')).toBe(false);
    expect(mail.to).toMatchObject({ value: [{ address: 'eve@example.org' }] });
    expect(Array.isArray(mail.to) ? mail.to.length : mail.to?.value.length).toBe(1);
    expect(mail.html).toContain('Dear Eve Bcc: x@evil.test &lt;b&gt;bold&lt;/b&gt;,');
    expect(mail.html).not.toContain('<b>bold</b>');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('says "Corrected" and lists the changed figures in a later edition', async () => {
    const { mail } = await roundTrip({
      edition: 2,
      changes: [{ field: 'Exports to the US, August 2022', before: 'US$55.1 million', after: 'US$56.8 million' }],
    });
    expect(mail.subject).toMatch(/^Corrected: /);
    expect(mail.messageId).toMatch(/-2022-08-e2-/);
    expect(mail.html).toContain('What changed in this edition');
    expect(mail.text).toContain('- Exports to the US, August 2022: Before US$55.1 million / After US$56.8 million');
  });

  it('warns that the figures are synthetic when the report was made from the shipped sample', async () => {
    const { mail } = await roundTrip({ isSample: true });
    expect(mail.html).toContain('SYNTHETIC DATA');
    expect(mail.text).toContain('*** SYNTHETIC DATA ***');
    expect(plain.mail.html).not.toContain('SYNTHETIC DATA');
  });

  it('writes the email of a zh report in Chinese', async () => {
    const { mail } = await roundTrip({ stats: tinyStats({ locale: 'zh', title: '新疆对美国出口' }) });
    expect(mail.subject).toBe('新疆对美国出口，2022年8月：5680.3万美元，同比+592.8%');
    expect(mail.html).toContain('<html lang="zh');
    expect(mail.text).toContain('退订');
  });

  it('sends without an image when there is no chart', async () => {
    const { mail } = await roundTrip({ trendPng: null });
    expect(mail.attachments.map((attachment) => attachment.contentType)).toEqual(['application/pdf']);
    expect(mail.html).not.toContain('<img');
  });

  it('attaches the PDF by path (streamed by nodemailer), not as bytes held per recipient', () => {
    const message = composeReportEmail(emailInput('/reports/report.pdf'));
    const attachments = message.attachments ?? [];
    expect(attachments[0]).toMatchObject({ path: '/reports/report.pdf', contentType: 'application/pdf' });
    expect(attachments[0]).not.toHaveProperty('content');
  });

  it('sends to the subscriber alone, whatever the headers say', () => {
    expect(composeReportEmail(emailInput('/r.pdf')).envelope).toEqual({ from: 'briefs@tradebrief.example', to: ['ana@example.org'] });
  });

  it('refuses an address that is not a plain address, and an unsubscribe URL that is not http(s)', () => {
    expect(() => composeReportEmail(emailInput('/r.pdf', { subscriber: { email: 'a@b.test\r\nBcc: c@d.test', name: null, locale: 'en' } }))).toThrow(
      /not a plain email address/,
    );
    expect(() => composeReportEmail(emailInput('/r.pdf', { unsubscribe: { mailto: 'u@x.test', url: 'javascript:alert(1)' } }))).toThrow(/must be https/);
  });
});
