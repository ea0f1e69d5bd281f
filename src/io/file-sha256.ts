/**
 * sha256 of a file, streamed: a 100 MB data file or a PDF is never held in memory just to be hashed. Used where a
 * file is checked against what a manifest recorded (send, import).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** @example await fileSha256('out/xinjiang-us/2022-08/edition-1/report.pdf') // 'e3b0c442…' */
export function fileSha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
