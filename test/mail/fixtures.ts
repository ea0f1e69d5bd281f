/** Inputs for the mail tests: the render tests' tiny stats, a small PDF on disk and a PNG of a few bytes. */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { ReportEmailInput } from '../../src/mail/compose-report-email.js';
import { tinyStats } from '../render/fixtures.js';

export { tinyStats };

/** A temporary folder per test file. */
export function tempDir(prefix = 'tradebrief-mail-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A "PDF" with binary bytes in it, so a base64 round trip that mangled anything would change its hash. */
export function writeTinyPdf(dir: string): { pdfPath: string; sha256: string } {
  const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n', 'latin1'), Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 37) % 256)), Buffer.from('\n%%EOF\n')]);
  const pdfPath = path.join(dir, 'report.pdf');
  writeFileSync(pdfPath, bytes);
  return { pdfPath, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The 8-byte PNG signature and a little more: enough for an attachment, not a picture. */
export const TINY_PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

export function emailInput(pdfPath: string, overrides: Partial<ReportEmailInput> = {}): ReportEmailInput {
  return {
    stats: tinyStats(),
    subscriber: { email: 'ana@example.org', name: 'Ana Lima', locale: 'en' },
    from: { address: 'briefs@tradebrief.example', name: 'Trade briefs' },
    pdfPath,
    pdfFileName: 'xinjiang-us-2022-08.pdf',
    trendPng: TINY_PNG,
    edition: 1,
    unsubscribe: { mailto: 'unsubscribe@tradebrief.example', url: 'https://tradebrief.example/unsubscribe?token=abc.def' },
    messageIdDomain: 'tradebrief.example',
    isSample: false,
    date: new Date('2022-09-20T08:00:00Z'),
    ...overrides,
  };
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The header block of a raw message, unfolded, one entry per header line. */
export function headerLines(raw: Buffer | string): string[] {
  const text = raw.toString();
  const end = text.indexOf('\r\n\r\n') >= 0 ? text.indexOf('\r\n\r\n') : text.indexOf('\n\n');
  return text.slice(0, end).replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/);
}
