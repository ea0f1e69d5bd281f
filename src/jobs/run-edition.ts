/**
 * Which edition a `run` produces for a due month, and whether it must leave the files alone.
 *
 * A month whose mailing had begun (the ledger has rows for the latest complete edition on disk) is resumed from
 * the files on disk: regenerating them, even from the same data, could change what the rest of the subscribers
 * get under the same edition number. Otherwise the month is (re)generated in place as the latest edition on disk,
 * or edition 1 (edition-dirs.ts). A run never makes a new edition: that is `tradebrief regenerate`.
 */
import { latestEdition } from './edition-dirs.js';

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
  const onDisk = await latestEdition(outDir, report, month);
  if (onDisk === null) return { edition: 1, resume: false };
  return { edition: onDisk, resume: mailingBegun(onDisk) };
}
