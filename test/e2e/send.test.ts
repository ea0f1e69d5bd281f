/**
 * `tradebrief send` as an operator runs it, against a real SMTP server on loopback (smtp-server), a real SQLite
 * ledger, the real Chromium for the chart, and the month generated once from the shipped sample: what a
 * subscriber receives, and the modes of the command (outbox, --dry-run, --to, a rerun), hostile data and the
 * SMTP password. The failure cases of the acceptance list are in send-failures.test.ts.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/jobs/manifest.js';
import { MONTH, N, oncePerSubscriber, REPORT, SUBSCRIBERS, tradebrief, useSendHarness } from './helpers/send-harness.js';
import { behaviours, sha256Hex } from './helpers/smtp-sink.js';

const PASSWORD = 'pw-S3cr3t-9b1f7e';
const harness = useSendHarness();

/** The header block of a raw message, unfolded, one entry per header line. */
function headerLines(raw: Buffer): string[] {
  return (raw.toString('latin1').split(/\r?\n\r?\n/)[0] ?? '').replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/);
}

describe('tradebrief send', () => {
  it('mails each subscriber one message: the PDF byte for byte, the headline in the subject, text and inline chart', async () => {
    harness.seed();
    const run = await harness.send();
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`sent ${N}, failed 0, uncertain 0, skipped 0`);
    expect(harness.receivedCounts()).toEqual(oncePerSubscriber);

    const message = harness.sink.receivedBy('bo@example.org')[0];
    const parsed = message?.parsed;
    expect(parsed?.subject).toBe('Xinjiang exports to the United States, August 2022: US$56.8 million, +592.8 % year on year');
    expect(parsed?.to && 'text' in parsed.to ? parsed.to.text : '').toBe('bo@example.org');
    expect(parsed?.messageId).toBe(`<${REPORT}-${MONTH}-e1-${createHash('sha256').update('bo@example.org').digest('hex').slice(0, 16)}@tradebrief.example>`);
    expect(headerLines(message?.raw ?? Buffer.alloc(0)).filter((line) => /^List-Unsubscribe:/i.test(line))).toEqual([
      'List-Unsubscribe: <mailto:unsubscribe@tradebrief.example?subject=unsubscribe>',
    ]);
    const pdf = parsed?.attachments.find((attachment) => attachment.contentType === 'application/pdf');
    expect(pdf && sha256Hex(pdf.content)).toBe(harness.pdfSha256);
    for (const sentence of harness.stats.narrative.slice(0, 2)) expect(parsed?.text?.replace(/\s+/g, ' ')).toContain(sentence.text.replace(/\s+/g, ' '));
    const png = parsed?.attachments.find((attachment) => attachment.contentType === 'image/png');
    expect(png?.content.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(parsed?.html || '').toContain(`cid:${png?.contentId?.replace(/^<|>$/g, '')}`);

    const { deliveries, runs } = harness.ledger();
    expect(deliveries.map((row) => row.state)).toEqual(SUBSCRIBERS.map(() => 'sent'));
    expect(runs[0]).toMatchObject({ kind: 'send', outcome: 'ok', counts: { sent: N, failed: 0, uncertain: 0, skipped: 0 } });
  }, 60_000);

  it('writes each message as an .eml file in the outbox when there is no SMTP_URL', async () => {
    harness.seed();
    const outbox = path.join(harness.monthDir, 'outbox');
    const run = await harness.send([], { SMTP_URL: undefined });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`sent ${N}, failed 0, uncertain 0, skipped 0`);
    expect(run.stdout).toContain(outbox);
    const files = readdirSync(outbox).filter((file) => file.endsWith('.eml'));
    expect(files).toHaveLength(N);
    const parsed = await simpleParser(readFileSync(path.join(outbox, files[0] ?? '')));
    expect(parsed.attachments.some((attachment) => attachment.contentType === 'application/pdf' && sha256Hex(attachment.content) === harness.pdfSha256)).toBe(true);
    expect(harness.sink.messages).toEqual([]);
    rmSync(outbox, { recursive: true });
  }, 60_000);

  it('lists who would get the month on --dry-run, and sends and records nothing', async () => {
    harness.seed();
    const run = await harness.send(['--dry-run']);
    expect(run.code).toBe(0);
    for (const email of SUBSCRIBERS) expect(run.stdout).toContain(`would send to ${email} (new)`);
    expect(harness.sink.messages).toEqual([]);
    expect(harness.ledger()).toEqual({ deliveries: [], runs: [] });
  }, 60_000);

  it('sends nothing the second time for the same month', async () => {
    harness.seed();
    expect((await harness.send()).code).toBe(0);
    const again = await harness.send();
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`sent 0, failed 0, uncertain 0, skipped ${N}`);
    expect(harness.sink.messages).toHaveLength(N);
  }, 60_000);

  it('sends a test copy with --to without touching the ledger', async () => {
    harness.seed();
    const run = await harness.send(['--to', 'editor@example.net']);
    expect(run.code).toBe(0);
    expect(harness.receivedCounts()).toEqual({ 'editor@example.net': 1 });
    expect(harness.ledger()).toEqual({ deliveries: [], runs: [] });
  }, 60_000);

  it('keeps hostile subscriber names and report titles out of the headers and escapes them in the HTML', async () => {
    // A copy of the month whose report title is hostile, with its manifest updated to match.
    const hostileOut = mkdtempSync(path.join(tmpdir(), 'tradebrief-send-hostile-'));
    cpSync(path.join(harness.out, REPORT), path.join(hostileOut, REPORT), { recursive: true });
    const hostileDir = path.join(hostileOut, REPORT, MONTH, 'edition-1');
    const title = 'Exports\r\nBcc: boss@evil.test\r\nX-Injected: 1 <script>alert(1)</script>';
    const statsText = `${JSON.stringify({ ...harness.stats, title }, null, 2)}\n`;
    writeFileSync(path.join(hostileDir, 'stats.json'), statsText);
    const manifest = JSON.parse(readFileSync(path.join(hostileDir, 'manifest.json'), 'utf8')) as Manifest;
    manifest.outputs = manifest.outputs.map((entry) => (entry.file === 'stats.json' ? { ...entry, sha256: sha256Hex(Buffer.from(statsText)) } : entry));
    writeFileSync(path.join(hostileDir, 'manifest.json'), JSON.stringify(manifest));
    harness.seed([{ email: 'eve@example.org', name: 'Eve\r\nBcc: x@evil.test\r\nX-Injected: 2 <b>bold</b><img src=x onerror=alert(1)>' }]);

    const run = await tradebrief(['send', '--report', REPORT, '--month', MONTH, '--out', hostileOut, '--config', harness.configFile], {
      SMTP_URL: harness.sink.url,
      TRADEBRIEF_DB: harness.db,
    });
    expect(run.code).toBe(0);
    const [message] = harness.sink.receivedBy('eve@example.org');
    expect(message?.to).toEqual(['eve@example.org']);
    const headers = headerLines(message?.raw ?? Buffer.alloc(0));
    expect(headers.filter((line) => /^(bcc|x-injected):/i.test(line))).toEqual([]);
    expect(message?.parsed.headers.has('bcc')).toBe(false);
    expect(message?.parsed.headers.has('x-injected')).toBe(false);
    expect(message?.parsed.subject).not.toMatch(/[\r\n]/);
    expect(message?.parsed.subject).toContain('Exports');
    const html = message?.parsed.html || '';
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<b>bold</b>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;');
  }, 60_000);

  it('never shows the SMTP password: not in output, errors, the runs table, the ledger or --help', async () => {
    const sink = await harness.replaceSink({ auth: { user: 'mailer', pass: PASSWORD } });
    harness.seed();
    sink.behave(behaviours.combine(behaviours.rejectRecipient('ana@example.org'), behaviours.dropAfterBody('bo@example.org')));
    const ok = await harness.send();
    expect(ok.code).toBe(0);
    expect(sink.messages.length).toBe(N - 1);
    // Two more subscribers, so the run reaches the circuit breaker (5 refused connections) and stops with an error.
    harness.seed([{ email: 'fay@example.org' }, { email: 'gus@example.org' }]);
    await sink.stop();
    const down = await harness.send(['--resend', 'uncertain']);
    expect(down.code).toBe(75);
    const help = await tradebrief(['send', '--help'], { SMTP_URL: sink.url });
    const badUrl = await harness.send([], { SMTP_URL: `ftp://mailer:${PASSWORD}@127.0.0.1:1` });
    expect(badUrl.code).toBe(65);

    const { deliveries, runs } = harness.ledger();
    const everything = [ok, down, help, badUrl].flatMap((run) => [run.stdout, run.stderr]).join('\n') + JSON.stringify(deliveries) + JSON.stringify(runs);
    expect(everything).toContain('mailer:***@');
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain(encodeURIComponent(PASSWORD));
  }, 90_000);
});
