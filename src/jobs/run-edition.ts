/**
 * Which edition a `run` produces for a due month, and whether it must leave the files alone.
 *
 * A month whose mailing had begun (the ledger has rows for the edition on disk) is resumed from the files on
 * disk: regenerating them, even from the same data, could change what the rest of the subscribers get under
 * the same edition number. Otherwise the month is (re)generated as the edition on disk, or edition 1.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export interface EditionChoice {
  edition: number;
  /** True: deliver the files on disk as they are. */
  resume: boolean;
}

/**
 * @example await resumableEdition('out', 'xinjiang-us', '2022-09', (edition) => store.deliveriesFor({ … edition }).length > 0)
 *   // { edition: 1, resume: false } for a month never generated
 */
export async function resumableEdition(
  outDir: string,
  report: string,
  month: string,
  mailingBegun: (edition: number) => boolean,
): Promise<EditionChoice> {
  const onDisk = await manifestEdition(path.join(path.resolve(outDir), report, month, 'manifest.json'));
  if (onDisk === null) return { edition: 1, resume: false };
  return { edition: onDisk, resume: mailingBegun(onDisk) };
}

async function manifestEdition(file: string): Promise<number | null> {
  try {
    const manifest = JSON.parse(await readFile(file, 'utf8')) as { edition?: unknown };
    return typeof manifest.edition === 'number' && Number.isInteger(manifest.edition) && manifest.edition >= 1 ? manifest.edition : null;
  } catch {
    return null; // no manifest (never generated, or not to the end): generate it
  }
}
