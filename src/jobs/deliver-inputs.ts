/**
 * Stage 1 of a send: one edition of the month as `generate` or `regenerate` left it in
 * out/<report>/<YYYY-MM>/edition-<n>/ (edition-dirs.ts): the one asked for, else the latest complete one. Only a
 * complete folder is mailed: manifest.json is written last, so its presence means every other file is whole, and
 * the PDF, stats.json and changes.json must still be the ones the manifest describes (a regeneration interrupted
 * half-way, or a hand-edited file, is not sent to anyone). changes.json is the one source of a corrected
 * edition's change list.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { TradebriefError } from '../errors.js';
import { fileSha256 } from '../io/file-sha256.js';
import type { EditionChangeRecord } from '../narrative/compare-editions.js';
import type { StatsJson } from '../stats/types.js';
import { editionDir, latestEdition, listEditions, monthDir } from './edition-dirs.js';
import type { ChangesFile } from './generate.js';
import { sha256, type Manifest } from './manifest.js';

export interface GeneratedMonth {
  /** out/<report>/<YYYY-MM>/edition-<n>/ */
  dir: string;
  edition: number;
  manifest: Manifest;
  stats: StatsJson;
  pdfPath: string;
  /** The trend chart's SVG, null when the month has none (the email then goes without a picture). */
  trendSvg: string | null;
  /** The email's trend picture drawn at generate time (charts/trend.png), when the manifest lists it and it is intact. */
  trendPng: Buffer | null;
  /** Edition n > 1: what changed since edition n-1 (changes.json); undefined for edition 1. */
  changes: EditionChangeRecord[] | undefined;
}

/** "run tradebrief generate … first", for every way the month can be missing or incomplete. */
function notGenerated(report: string, month: string, why: string): TradebriefError {
  return new TradebriefError('MonthNotGenerated', 'user', `${report} ${month} cannot be sent: ${why}`, {
    hint: `Run \`tradebrief generate --report ${report} --month ${month}\` first (with the same --out).`,
  });
}

/**
 * @example const month = await readGeneratedMonth('out', 'xinjiang-us', '2022-08'); month.manifest.edition // the latest
 * @example await readGeneratedMonth('out', 'xinjiang-us', '2022-08', 1) // edition 1, even when edition 2 exists
 * @throws TradebriefError MonthNotGenerated (exit 65) when no edition is complete, or its stats.json, changes.json or
 *   report.pdf is missing or not the file the manifest describes; EditionNotGenerated (65) for an edition not on disk
 */
export async function readGeneratedMonth(outDir: string, report: string, month: string, edition?: number): Promise<GeneratedMonth> {
  const chosen = edition ?? (await latestEdition(outDir, report, month));
  if (chosen === null) {
    throw notGenerated(report, month, `no complete edition in ${monthDir(outDir, report, month)} (the month was not generated, or not to the end)`);
  }
  const dir = editionDir(outDir, report, month, chosen);
  if (edition !== undefined && !(await listEditions(outDir, report, month)).includes(edition)) {
    const onDisk = await listEditions(outDir, report, month);
    throw new TradebriefError('EditionNotGenerated', 'user', `edition ${edition} of ${report} ${month} is not on disk (${dir} has no manifest.json)`, {
      hint: onDisk.length === 0 ? `Run \`tradebrief generate --report ${report} --month ${month}\` first.` : `Editions on disk: ${onDisk.join(', ')}. Leave out --edition to send the latest.`,
    });
  }
  const manifest = await readJson<Manifest>(path.join(dir, 'manifest.json'), () => notGenerated(report, month, `${path.join(dir, 'manifest.json')} does not exist (the month was not generated, or not to the end)`));
  if (manifest.report !== report || manifest.month !== month || manifest.edition !== chosen) {
    throw notGenerated(report, month, `${path.join(dir, 'manifest.json')} describes ${manifest.report} ${manifest.month} edition ${manifest.edition}`);
  }
  const pdfEntry = manifest.outputs.find((output) => output.file === 'report.pdf');
  if (pdfEntry === undefined) throw notGenerated(report, month, 'it was generated without a PDF (--stage stats or html)');
  // The email quotes stats.json and changes.json and attaches the PDF: each must be the file this manifest describes.
  if (chosen > 1 && !manifest.outputs.some((entry) => entry.file === 'changes.json')) {
    throw notGenerated(report, month, `edition ${chosen} has no changes.json in its manifest (it was not made by tradebrief regenerate)`);
  }
  for (const output of manifest.outputs.filter((entry) => ['report.pdf', 'stats.json', 'changes.json'].includes(entry.file))) {
    const file = path.join(dir, output.file);
    const actual = await fileSha256(file).catch(() => null);
    if (actual === null) throw notGenerated(report, month, `${file} is missing`);
    if (actual !== output.sha256) throw notGenerated(report, month, `${file} is not the file its manifest describes (changed after it was generated)`);
  }
  const stats = await readJson<StatsJson>(path.join(dir, 'stats.json'), () => notGenerated(report, month, `${path.join(dir, 'stats.json')} is missing`));
  const pdfPath = path.join(dir, 'report.pdf');
  const trendSvg = await readFile(path.join(dir, 'charts', 'trend.svg'), 'utf8').catch(() => null);
  const trendPng = await listedFile(dir, manifest, EMAIL_TREND_PNG);
  const changes = chosen > 1 ? (await readJson<ChangesFile>(path.join(dir, 'changes.json'), () => notGenerated(report, month, `${path.join(dir, 'changes.json')} is missing`))).changes : undefined;
  return { dir, edition: chosen, manifest, stats, pdfPath, trendSvg, trendPng, changes };
}

/** The email's picture of the trend chart, written by generate beside the SVG. */
export const EMAIL_TREND_PNG = 'charts/trend.png';

/** A file the manifest lists, read only if it is still the file listed (else null: the caller draws it again). */
async function listedFile(dir: string, manifest: Manifest, file: string): Promise<Buffer | null> {
  const entry = manifest.outputs.find((output) => output.file === file);
  if (entry === undefined) return null;
  const bytes = await readFile(path.join(dir, file)).catch(() => null);
  if (bytes === null || sha256(bytes) !== entry.sha256) return null;
  return bytes;
}

async function readJson<T>(file: string, missing: () => Error): Promise<T> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw missing();
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new TradebriefError('MonthNotGenerated', 'user', `${file} is not valid JSON: ${(error as Error).message}`, {
      hint: 'Generate the month again.',
    });
  }
}

