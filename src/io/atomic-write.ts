/**
 * Atomic file output for every artefact a reader or the mailer picks up (report.pdf, report.html, stats.json,
 * manifest.json): DESIGN.md "No half-written file is ever left where a reader would take it".
 * Written to `<file>.<pid>.tmp` in the same directory (so the rename stays on one file system), fsynced, renamed
 * over the target, and the directory fsynced so the rename itself survives a power cut. A crash at any point
 * leaves either the old file or the new one, never a mix; a leftover .tmp is named after the dead pid.
 */
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes `data` to `file` atomically, creating the directory if needed.
 * @example await writeFileAtomic('out/xj-us/2022-08/report.pdf', pdfBytes)
 */
export async function writeFileAtomic(file: string, data: Uint8Array | string): Promise<void> {
  const directory = path.dirname(file);
  await mkdir(directory, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncDirectory(directory);
}

async function syncDirectory(directory: string): Promise<void> {
  // Not every platform lets a directory be opened for fsync (Windows); the rename is still atomic there.
  try {
    const handle = await open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort
  }
}
