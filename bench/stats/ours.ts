/**
 * Our side of the stats benchmark: what `generate --stage stats` does for one report-month, in two ways.
 * In-process, timed: loadReportData (read + validate the report's data source, raw files or the store, as its
 * config says) + chooseMonth + computeStats, a fresh load each run (the reference code lists are loaded once,
 * as DuckDB's lookup tables are). As a user runs it: `node dist/cli.js generate … --stage stats` in a child
 * process, for its wall time and peak RSS.
 */
import path from 'node:path';
import type { Config } from '../../src/config.js';
import { loadReference } from '../../src/data/reference/load-reference.js';
import type { Reference } from '../../src/data/reference/types.js';
import { chooseMonth, loadReportData } from '../../src/jobs/report-data.js';
import { computeStats, type StatsBody } from '../../src/stats/compute-stats.js';
import { runChild, type ChildRun } from '../lib/child-rss.js';
import { REPO } from '../lib/results.js';

export interface OursRun {
  stats: StatsBody;
  records: number;
}

/**
 * One load + compute, as generate does it for one month.
 * @example const { stats } = await oursOnce(config, 'xinjiang-us', '2022-08', loadReference(), now)
 */
export async function oursOnce(config: Config, reportId: string, month: string, reference: Reference, now: Date): Promise<OursRun> {
  // As generate passes them: a store is then read in full only for the months reported (and their history).
  const reportData = await loadReportData(config, reportId, { reference, now, log: () => {}, months: [month, month] });
  const chosen = chooseMonth(month, reportData.data, reportData.report, config);
  const stats = computeStats({
    records: reportData.data.records,
    nationalRecords: reportData.national?.records,
    reference,
    report: reportData.definition,
    month: chosen.month,
  });
  return { stats, records: reportData.data.records.length };
}

export { loadReference };

/**
 * `tradebrief generate --stage stats` as a child process (dist/ must be built: `npm run build`).
 * @example const run = await oursChild({ configFile, reportId: 'xinjiang-us', month: '2022-08', outDir }); run.peakRssMiB
 */
export async function oursChild(options: { configFile: string; reportId: string; month: string; outDir: string }): Promise<ChildRun> {
  const args = [
    path.join(REPO, 'dist', 'cli.js'),
    'generate', '--report', options.reportId, '--month', options.month, '--stage', 'stats',
    '--config', options.configFile, '--out', options.outDir, '--quiet',
  ];
  return runChild(process.execPath, args, { cwd: REPO });
}
