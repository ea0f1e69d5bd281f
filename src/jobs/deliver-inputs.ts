/**
 * Stage 1 of a send: the month as `generate` left it in out/<report>/<YYYY-MM>/. Only a complete folder is
 * mailed: manifest.json is written last, so its presence means every other file is whole, and the PDF and
 * stats.json must still be the ones the manifest describes (a regeneration interrupted half-way, or a hand-edited file, is not
 * sent to anyone).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { TradebriefError } from '../errors.js';
import type { Manifest } from './manifest.js';
import type { StatsJson } from '../stats/types.js';

export interface GeneratedMonth {
  /** out/<report>/<YYYY-MM>/ */
  dir: string;
  manifest: Manifest;
  stats: StatsJson;
  pdfPath: string;
  /** The trend chart's SVG, null when the month has none (the email then goes without a picture). */
  trendSvg: string | null;
  /** Changes of a corrected edition, when the manifest lists them. */
  changes: { field: string; before: string; after: string }[] | undefined;
}

/** "run tradebrief generate … first", for every way the month can be missing or incomplete. */
function notGenerated(report: string, month: string, why: string): TradebriefError {
  return new TradebriefError('MonthNotGenerated', 'user', `${report} ${month} cannot be sent: ${why}`, {
    hint: `Run \`tradebrief generate --report ${report} --month ${month}\` first (with the same --out).`,
  });
}

/**
 * @example const month = await readGeneratedMonth('out', 'xinjiang-us', '2022-08'); month.manifest.edition // 1
 * @throws TradebriefError MonthNotGenerated (exit 65) when the folder, its manifest, stats.json or report.pdf
 *   is missing, or the PDF is not the one the manifest describes
 */
export async function readGeneratedMonth(outDir: string, report: string, month: string): Promise<GeneratedMonth> {
  const dir = path.join(path.resolve(outDir), report, month);
  const manifest = await readJson<Manifest>(path.join(dir, 'manifest.json'), () => notGenerated(report, month, `${path.join(dir, 'manifest.json')} does not exist (the month was not generated, or not to the end)`));
  if (manifest.report !== report || manifest.month !== month) {
    throw notGenerated(report, month, `${path.join(dir, 'manifest.json')} describes ${manifest.report} ${manifest.month}`);
  }
  const pdfEntry = manifest.outputs.find((output) => output.file === 'report.pdf');
  if (pdfEntry === undefined) throw notGenerated(report, month, 'it was generated without a PDF (--stage stats or html)');
  // The email quotes stats.json and attaches the PDF: both must be the files this manifest describes.
  for (const output of manifest.outputs.filter((entry) => entry.file === 'report.pdf' || entry.file === 'stats.json')) {
    const file = path.join(dir, output.file);
    const actual = await fileSha256(file).catch(() => null);
    if (actual === null) throw notGenerated(report, month, `${file} is missing`);
    if (actual !== output.sha256) throw notGenerated(report, month, `${file} is not the file its manifest describes (changed after it was generated)`);
  }
  const stats = await readJson<StatsJson>(path.join(dir, 'stats.json'), () => notGenerated(report, month, `${path.join(dir, 'stats.json')} is missing`));
  const pdfPath = path.join(dir, 'report.pdf');
  const trendSvg = await readFile(path.join(dir, 'charts', 'trend.svg'), 'utf8').catch(() => null);
  const listed = (manifest as Manifest & { changes?: unknown }).changes;
  return { dir, manifest, stats, pdfPath, trendSvg, changes: Array.isArray(listed) ? (listed as GeneratedMonth['changes']) : undefined };
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

/** Streams the file through sha256: the PDF is never held in memory for this. */
function fileSha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
