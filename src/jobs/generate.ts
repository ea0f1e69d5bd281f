/**
 * The `generate` job: months of one report, from data files to the published files.
 *
 *   1. load       read the report's data files and national series once (loadReportData), with every check
 *   2. validate   refuse a month with no data or flagged incomplete, naming the months that are available
 *   then for each month, oldest first:
 *   3. stats      computeStats(records, reference, definition, month): pure
 *   4. narrative  narrate(stats, wording): pure
 *   5. compare    edition n > 1: the figures, ranks and sentences that changed since edition n-1's stats.json
 *                 (compareEditions), shown in the report's "Corrected edition" box and written as changes.json
 *   6. charts     Vega-Lite specs -> SVG in Node, an empty chart fails the month
 *   7. html       Handlebars report with the shipped fonts inlined
 *   8. pdf        the pooled headless Chromium, offline, one deadline
 *   9. write      out/<report>/<YYYY-MM>/edition-<n>/{charts/*.svg, charts/trend.png (the email's picture),
 *                 report.html, report.pdf, stats.json, changes.json, manifest.json}, each atomically (temp name,
 *                 then rename), the manifest last
 *
 * Which edition (edition-dirs.ts): the one asked for (`regenerate` asks for n+1, `run` for the one it resumes), else
 * the latest complete edition on disk, rewritten in place, or edition 1. An edition whose mailing has begun is never
 * rewritten: `effects.mailingBegun` says so from the ledger, and the month is refused (exit 65) before any is
 * rendered, pointing to `tradebrief regenerate`.
 *
 * Effects come in as arguments (`now`, `log`, the browser pool, progress); nothing here reads the clock, argv
 * or env. `stage` says how far to go ('stats' stops after 5, 'html' after 7).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { Config } from '../config.js';
import { formatProblem, TradebriefError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { EMAIL_CHART_WIDTH } from '../mail/compose-report-email.js';
import { renderChartPng } from '../mail/render-chart-png.js';
import { EMAIL_TREND_PNG } from './deliver-inputs.js';
import { loadReference } from '../data/reference/load-reference.js';
import type { Reference } from '../data/reference/types.js';
import { compareEditions, type EditionChangeRecord } from '../narrative/compare-editions.js';
import { narrate } from '../narrative/narrate.js';
import type { BrowserPool } from '../pdf/browser-pool.js';
import type { Provenance } from '../render/types.js';
import { computeStats } from '../stats/compute-stats.js';
import { monthRange } from '../stats/month-keys.js';
import type { StatsJson } from '../stats/types.js';
import { version as toolVersion } from '../version.js';
import { editionDir, latestEdition } from './edition-dirs.js';
import { buildManifest, outputEntry, type OutputEntry } from './manifest.js';
import { chooseMonth, loadReportData, type ReportData } from './report-data.js';
import { buildReportFiles, type OutputStage } from './report-files.js';
import { softwareVersions } from './versions.js';

export { describeMonths, MONTH_NOT_AVAILABLE, statsDefinition } from './report-data.js';
export type { OutputStage } from './report-files.js';

export interface GenerateOptions {
  config: Config;
  report: string;
  /** "YYYY-MM", or "latest" for the latest complete month. Ignored when `to` is given. */
  month: string;
  /** A backfill: every month from `month` through `to`, oldest first, with one browser. */
  to?: string;
  /** Data files replacing the report's own (same flow). */
  dataFiles?: readonly string[];
  /** Output root; default config.outDir. */
  outDir?: string;
  /** Reference data; default the shipped data/reference/. */
  reference?: Reference;
  /** How far to go; default 'stats'. 'pdf' needs `effects.browser`. */
  stage?: OutputStage;
  /** The edition to write (its folder, the report footer, the manifest); default the latest complete one on disk, or 1. */
  edition?: number;
}

export interface GenerateEffects {
  now: Date;
  log: (line: string) => void;
  /** The browser for the pdf stage, shared by every month; the caller closes it. */
  browser?: BrowserPool;
  /** Called after each month is written (for a progress bar). */
  progress?: (done: number, total: number, month: string) => void;
  /** Whether the ledger has rows for this edition (its mailing has begun): such an edition is never rewritten. */
  mailingBegun?: (month: string, edition: number) => boolean;
}

export interface GenerateResult {
  month: string;
  edition: number;
  /** The folder out/<report>/<YYYY-MM>/edition-<n>/. */
  dir: string;
  statsPath: string;
  stats: StatsJson;
  /** Present from the html stage on. */
  htmlPath?: string;
  pdfPath?: string;
  manifestPath?: string;
  pdfPages?: number;
  /** Edition n > 1: what changed since edition n-1 (also in changes.json); undefined for edition 1. */
  changes?: EditionChangeRecord[];
  changesPath?: string;
}

/** The contents of changes.json. */
export interface ChangesFile {
  schemaVersion: 1;
  report: string;
  month: string;
  edition: number;
  comparedWith: number;
  changes: EditionChangeRecord[];
}

/** Where the shipped sample lives: a report made from it says so on every page. */
const SAMPLE_DIR = fileURLToPath(new URL('../../data/sample/', import.meta.url));

/**
 * One month (or the last of a backfill).
 * @example const { statsPath, stats } = await generate({ config, report: 'xinjiang-us', month: '2022-08' }, { now: new Date(), log: console.log })
 * @throws DataError (exit 65) when the month has no data or incomplete data, listing the months available
 */
export async function generate(options: GenerateOptions, effects: GenerateEffects): Promise<GenerateResult> {
  const results = await generateMonths(options, effects);
  const last = results[results.length - 1];
  if (last === undefined) throw new Error('generate: no month was generated');
  return last;
}

/**
 * Every month asked for, loading the data once.
 * @example await generateMonths({ config, report: 'xinjiang-us', month: '2021-09', to: '2022-09', stage: 'pdf' }, { now, log, browser })
 */
export async function generateMonths(options: GenerateOptions, effects: GenerateEffects): Promise<GenerateResult[]> {
  const { config } = options;
  const stage = options.stage ?? 'stats';
  const reference = options.reference ?? loadReference();
  const loadStarted = performance.now();
  const reportData = await loadReportData(config, options.report, { reference, now: effects.now, log: effects.log, dataFiles: options.dataFiles, months: [options.month, options.to ?? options.month] });
  const loadMs = Math.round(performance.now() - loadStarted);

  const requested = options.to === undefined ? [options.month] : monthRange(options.month, options.to);
  // Every month is checked before any is generated: a backfill never stops half-way for a missing month.
  const months = requested.map((month) => {
    const chosen = chooseMonth(month, reportData.data, reportData.report, config);
    for (const problem of chosen.incomplete) effects.log(formatProblem(problem));
    return chosen.month;
  });
  const outDir = options.outDir ?? config.outDir;
  const editions = new Map<string, number>();
  for (const month of months) {
    const edition = options.edition ?? (await latestEdition(outDir, reportData.report.id, month)) ?? 1;
    if (effects.mailingBegun?.(month, edition) === true) throw editionMailingBegun(reportData.report.id, month, edition);
    editions.set(month, edition);
  }
  effects.log(`generating ${reportData.report.id} for ${months.length === 1 ? months[0] : `${months[0]} … ${months[months.length - 1]}`} from ${reportData.data.files.length} file(s), ${reportData.data.records.length} records`);

  const results: GenerateResult[] = [];
  effects.progress?.(0, months.length, months[0] ?? '');
  for (const month of months) {
    results.push(await generateMonth(month, editions.get(month) ?? 1, reportData, { ...options, outDir, stage, reference }, effects, { load: loadMs }));
    effects.progress?.(results.length, months.length, month);
  }
  return results;
}

/** The edition was (or is being) mailed: its files must stay what the subscribers got. */
function editionMailingBegun(report: string, month: string, edition: number): TradebriefError {
  return new TradebriefError('EditionAlreadySent', 'user', `${report} ${month} edition ${edition} is being or has been mailed: its files are not rewritten`, {
    hint: `Run \`tradebrief regenerate --report ${report} --month ${month}\` to make edition ${edition + 1} from the current data and templates.`,
  });
}

async function generateMonth(
  month: string,
  edition: number,
  reportData: ReportData,
  options: GenerateOptions & { outDir: string; stage: OutputStage; reference: Reference },
  effects: GenerateEffects,
  timingsMs: Record<string, number>,
): Promise<GenerateResult> {
  const { report, definition, data, national } = reportData;
  const started = performance.now();
  // 3. stats, 4. narrative
  const body = computeStats({ records: data.records, nationalRecords: national?.records, reference: options.reference, report: definition, month });
  const stats: StatsJson = { ...body, narrative: narrate(body, report.wording ?? {}) };
  const timings: Record<string, number> = { ...timingsMs, stats: Math.round(performance.now() - started) };

  const dir = editionDir(options.outDir, report.id, month, edition);
  const statsPath = path.join(dir, 'stats.json');
  const statsText = `${JSON.stringify(stats, null, 2)}\n`;

  // 5. compare with the edition before
  const changes = edition > 1 ? compareEditions(await previousStats(options.outDir, report.id, month, edition - 1), stats) : undefined;
  const changesPath = changes === undefined ? undefined : path.join(dir, 'changes.json');
  const changesFile: ChangesFile | undefined = changes === undefined ? undefined : { schemaVersion: 1, report: report.id, month, edition, comparedWith: edition - 1, changes };
  const changesText = changesFile === undefined ? undefined : `${JSON.stringify(changesFile, null, 2)}\n`;
  if (options.stage === 'stats') {
    if (changesPath !== undefined && changesText !== undefined) await writeFileAtomic(changesPath, changesText);
    await writeFileAtomic(statsPath, statsText);
    return { month, edition, dir, statsPath, stats, changes, changesPath };
  }

  // 6.–8. charts, html, pdf
  const inputFiles = [...data.files, ...(national?.files ?? [])];
  const provenance: Provenance = {
    edition,
    generatedAt: effects.now.toISOString(),
    dataAsOf: `data through ${stats.coverage.lastMonth}`,
    inputFiles: inputFiles.map((file) => ({ path: displayPath(file.file), sha256: file.sha256, rows: file.dataRows })),
    toolVersion,
    isSample: inputFiles.length > 0 && inputFiles.every((file) => path.resolve(file.file).startsWith(SAMPLE_DIR)),
  };
  const files = await buildReportFiles(stats, provenance, options.stage, { log: effects.log, browser: effects.browser, now: effects.now }, changes);

  // 9. write: charts and html first, the PDF, stats.json, changes.json, and the manifest last (its presence = complete).
  const outputs: OutputEntry[] = [];
  for (const chart of files.charts) {
    const file = path.join('charts', `${chart.id}.svg`);
    await writeFileAtomic(path.join(dir, file), chart.svg);
    outputs.push(outputEntry(file, chart.svg));
  }
  const htmlPath = path.join(dir, 'report.html');
  await writeFileAtomic(htmlPath, files.html);
  outputs.push(outputEntry('report.html', files.html));
  let pdfPath: string | undefined;
  if (files.pdf !== null) {
    pdfPath = path.join(dir, 'report.pdf');
    await writeFileAtomic(pdfPath, files.pdf.bytes);
    outputs.push(outputEntry('report.pdf', files.pdf.bytes, { pages: files.pdf.pageCount }));
    // The email's picture of the trend (mail clients do not show SVG), drawn now by the Chromium that printed the
    // PDF, so that `send` needs no browser at all.
    const trend = files.charts.find((chart) => chart.id === 'trend');
    if (trend !== undefined && effects.browser !== undefined) {
      const started = performance.now();
      const png = await renderChartPng(trend.svg, effects.browser, { width: EMAIL_CHART_WIDTH });
      files.timings['email-chart'] = Math.round(performance.now() - started);
      await writeFileAtomic(path.join(dir, EMAIL_TREND_PNG), png);
      outputs.push(outputEntry(EMAIL_TREND_PNG, png));
    }
  }
  await writeFileAtomic(statsPath, statsText);
  outputs.push(outputEntry('stats.json', statsText));
  if (changesPath !== undefined && changesText !== undefined) {
    await writeFileAtomic(changesPath, changesText);
    outputs.push(outputEntry('changes.json', changesText));
  }
  const manifest = buildManifest({
    report: report.id,
    month,
    edition: provenance.edition,
    generatedAt: provenance.generatedAt,
    sampleData: provenance.isSample,
    versions: softwareVersions(effects.browser?.browserVersion ?? undefined),
    files: inputFiles,
    relativeTo: displayPath,
    timingsMs: { ...timings, ...files.timings },
    outputs,
  });
  const manifestPath = path.join(dir, 'manifest.json');
  await writeFileAtomic(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return { month, edition, dir, statsPath, stats, htmlPath, pdfPath, manifestPath, pdfPages: files.pdf?.pageCount, changes, changesPath };
}

/** The stats.json of the edition a new one is compared with; it must be on disk (nothing is compared with a guess). */
async function previousStats(outDir: string, report: string, month: string, edition: number): Promise<StatsJson> {
  const file = path.join(editionDir(outDir, report, month, edition), 'stats.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new TradebriefError('PreviousEditionMissing', 'user', `${report} ${month}: edition ${edition + 1} is compared with edition ${edition}, but ${file} does not exist`, {
      hint: `Generate edition ${edition} first, or leave the out folder as generate and regenerate left it.`,
    });
  }
  try {
    return JSON.parse(text) as StatsJson;
  } catch (error) {
    throw new TradebriefError('PreviousEditionMissing', 'user', `${file} is not valid JSON: ${(error as Error).message}`, {
      hint: `Edition ${edition}'s files were changed by hand; restore them before regenerating.`,
    });
  }
}

/** Paths as a reader of the report can use them: relative to the working folder when inside it. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
