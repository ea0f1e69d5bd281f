/**
 * The reference side of bench/delivery.ts: the bare nodemailer pool loop. One pooled transport with the same
 * pool settings as `tradebrief send` (1 connection, nodemailer's default 100 messages per connection, no rate
 * limit), and for each of N recipients one sendMail of the same message (HTML and text body, inline PNG chart,
 * the PDF attached), awaited before the next, as `send` does. Nothing else: no ledger, no templates.
 * Prints `{"sent":N,"loopMs":…,"peakRssMiB":…}` on stdout.
 *
 *   node --import tsx bench/delivery-bare.ts <port> <count> <message-dir>   (message-dir: body.html, body.txt, trend.png, report.pdf)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import nodemailer from 'nodemailer';

const [portText, countText, messageDir] = process.argv.slice(2);
if (portText === undefined || countText === undefined || messageDir === undefined) {
  throw new Error('usage: delivery-bare.ts <port> <count> <message-dir>');
}
const count = Number(countText);
const html = readFileSync(path.join(messageDir, 'body.html'), 'utf8');
const text = readFileSync(path.join(messageDir, 'body.txt'), 'utf8');
const png = readFileSync(path.join(messageDir, 'trend.png'));
const pdf = readFileSync(path.join(messageDir, 'report.pdf'));

const transport = nodemailer.createTransport({ host: '127.0.0.1', port: Number(portText), secure: false, ignoreTLS: true, pool: true, maxConnections: 1 });
const started = performance.now();
for (let index = 0; index < count; index += 1) {
  const to = `subscriber${index}@example.org`;
  await transport.sendMail({
    from: { name: 'tradebrief', address: 'reports@tradebrief.example' },
    to: [{ name: `Subscriber ${index}`, address: to }],
    subject: 'Xinjiang exports to the United States: August 2022',
    html,
    text,
    attachments: [
      { filename: 'xinjiang-us-2022-08.pdf', content: pdf, contentType: 'application/pdf' },
      { filename: 'trend.png', content: png, contentType: 'image/png', cid: 'trend-2022-08@tradebrief.example', contentDisposition: 'inline' },
    ],
  });
}
const loopMs = performance.now() - started;
transport.close();
process.stdout.write(`${JSON.stringify({ sent: count, loopMs: Math.round(loopMs), peakRssMiB: Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10 })}\n`);
