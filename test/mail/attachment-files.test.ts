import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAttachmentFiles } from '../../src/mail/attachment-files.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function fileWith(text: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'tradebrief-attach-'));
  folders.push(folder);
  const file = path.join(folder, 'report.pdf');
  writeFileSync(file, text);
  return file;
}

describe('createAttachmentFiles()', () => {
  it('hands nodemailer the bytes of a path attachment, keeping its name and type', async () => {
    const file = fileWith('%PDF-1.4 one');
    const message = { to: 'ana@example.org', attachments: [{ filename: 'xinjiang-us-2022-08.pdf', path: file, contentType: 'application/pdf' }] };
    const inlined = await createAttachmentFiles().inline(message);
    expect(inlined.attachments).toEqual([{ filename: 'xinjiang-us-2022-08.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4 one') }]);
    expect(message.attachments[0]).toHaveProperty('path', file);
  });

  it('reads a file once for many messages, and again when it changed on disk', async () => {
    const file = fileWith('%PDF-1.4 one');
    const files = createAttachmentFiles();
    const first = await files.inline({ attachments: [{ path: file }] });
    const second = await files.inline({ attachments: [{ path: file }] });
    expect(second.attachments?.[0]?.content).toBe(first.attachments?.[0]?.content);
    expect(first.attachments?.[0]?.filename).toBe('report.pdf');
    writeFileSync(file, '%PDF-1.4 two, longer');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const third = await files.inline({ attachments: [{ path: file }] });
    expect(String(third.attachments?.[0]?.content)).toBe('%PDF-1.4 two, longer');
  });

  it('leaves URLs, inline content and unreadable files as they are', async () => {
    const png = Buffer.from('png');
    const attachments = [
      { path: 'https://example.org/a.pdf' },
      { filename: 'trend.png', content: png, cid: 'trend' },
      { path: '/nonexistent/report.pdf' },
    ];
    const inlined = await createAttachmentFiles().inline({ attachments });
    expect(inlined.attachments).toEqual(attachments);
  });
});
