/**
 * Where the editions of a month live on disk, and which of them are complete. The one owner of the layout:
 *
 *   out/<report>/<YYYY-MM>/edition-<n>/{charts/, report.html, report.pdf, stats.json, changes.json (n > 1),
 *                                      manifest.json (written last), outbox/}
 *
 * Rules (README "Output", "Corrected editions"):
 *   - an edition folder counts only once its manifest.json exists (it is written last): a folder without one is
 *     an interrupted run, which the next generate or regenerate of that edition overwrites;
 *   - `generate` writes the latest complete edition in place (edition 1 when there is none), unless its mailing has
 *     begun; `regenerate` always writes edition n+1 next to edition n, so nothing already sent is ever overwritten;
 *   - `send` mails the latest complete edition unless told which.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

const EDITION_FOLDER = /^edition-([1-9]\d*)$/;

/** out/<report>/<YYYY-MM>/ @example monthDir('out', 'xinjiang-us', '2022-08') // "/abs/out/xinjiang-us/2022-08" */
export function monthDir(outDir: string, report: string, month: string): string {
  return path.join(path.resolve(outDir), report, month);
}

/** out/<report>/<YYYY-MM>/edition-<n>/ @example editionDir('out', 'xinjiang-us', '2022-08', 2) // "/abs/out/xinjiang-us/2022-08/edition-2" */
export function editionDir(outDir: string, report: string, month: string, edition: number): string {
  return path.join(monthDir(outDir, report, month), `edition-${edition}`);
}

/** Where the outbox transport writes an edition's messages. @example editionOutbox('out', 'xinjiang-us', '2022-08', 1) // ".../edition-1/outbox" */
export function editionOutbox(outDir: string, report: string, month: string, edition: number): string {
  return path.join(editionDir(outDir, report, month, edition), 'outbox');
}

/**
 * The complete editions of a month (folders edition-<n> holding a manifest.json), ascending; [] when none.
 * @example await listEditions('out', 'xinjiang-us', '2022-08') // [1, 2]
 */
export async function listEditions(outDir: string, report: string, month: string): Promise<number[]> {
  const dir = monthDir(outDir, report, month);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return []; // never generated
  }
  const editions: number[] = [];
  for (const name of names) {
    const match = EDITION_FOLDER.exec(name);
    if (match === null) continue;
    const complete = await stat(path.join(dir, name, 'manifest.json')).then(
      (info) => info.isFile(),
      () => false,
    );
    if (complete) editions.push(Number(match[1]));
  }
  return editions.sort((a, b) => a - b);
}

/**
 * The highest complete edition of a month, or null when none is complete.
 * @example await latestEdition('out', 'xinjiang-us', '2022-08') // 2
 */
export async function latestEdition(outDir: string, report: string, month: string): Promise<number | null> {
  const editions = await listEditions(outDir, report, month);
  return editions.at(-1) ?? null;
}
