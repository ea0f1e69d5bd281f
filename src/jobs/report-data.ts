/**
 * The data side of a report job: read a report's files (and its national series) once, and decide which of
 * the months asked for can be reported. Shared by `generate` for one month and for a backfill of many.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { findReport, resolveBasket, resolveEcommerce, type Config, type ReportConfig } from '../config.js';
import { ConfigError, DataError, formatProblem, type Problem } from '../errors.js';
import { loadDataFiles, type DataSourceSpec, type LoadedData, type ValidationRules } from '../data/load.js';
import type { Reference } from '../data/reference/types.js';
import { manifestPath } from '../data/store/manifest.js';
import { loadStoreColumns, type StoreData, type StoreScope } from '../data/store/read-store.js';
import { MONTH_PATTERN, type TradeRecord } from '../data/record.js';
import { concatColumns, rowsToRecords, type TradeRows } from '../data/trade-columns.js';
import { RULES } from '../data/validate/rule-ids.js';
import { RANK_HISTORY_MONTHS, type StatsDefinition } from '../stats/compute-stats.js';
import { addMonths, monthRange } from '../stats/month-keys.js';
import { scopeMonths } from '../stats/trade-table.js';

/** Problems that are not a file's fault but the request's: the month asked for cannot be reported. */
export const MONTH_NOT_AVAILABLE = 'month.not-available';

/** A report's loaded data: LoadedData whose rows are records (raw files) or columns (stores only, no object per row). */
export type ReportRows = Omit<LoadedData, 'records'> & { records: TradeRows };

export interface ReportData {
  report: ReportConfig;
  definition: StatsDefinition;
  data: ReportRows;
  national: LoadedData | null;
}

/**
 * Reads and validates the report's data once. Incomplete months are kept as warnings here and judged per
 * requested month by `chooseMonths`: a partial September must not block August.
 * @example const reportData = await loadReportData(config, 'xinjiang-us', { reference, now, log })
 * @throws DataError (exit 65) on bad data, UsageError (64) on an unknown report, ConfigError (65) on an unknown category
 */
export async function loadReportData(
  config: Config,
  reportId: string,
  options: {
    reference: Reference;
    now: Date;
    log: (line: string) => void;
    dataFiles?: readonly string[];
    /**
     * The months that will be reported ("YYYY-MM", first and last of a range will do). A store is then read in
     * full only for them and the rank history before them (StoreScope.window); "latest" or none reads it all.
     */
    months?: readonly string[];
  },
): Promise<ReportData> {
  const report = findReport(config, reportId);
  const reportIndex = config.reports.indexOf(report);
  // Resolved first, so a config mistake (an unknown category) is reported before any file is read.
  const definition = statsDefinition(report, options.reference, reportIndex);
  if (report.national?.data.some((source) => !isFileSource(source))) {
    throw new ConfigError(`reports[${reportIndex}].national.data: the national series is read from its files, not from a store`);
  }
  const rules = incompleteAsWarning(report.validation ?? config.validation);
  const sources: readonly SourceConfig[] = options.dataFiles?.map(dataFileSource) ?? report.data;
  const data = await loadSources(sources, report, { reference: options.reference, now: options.now, rules, window: storeWindow(report, options.months) });
  const national = report.national
    ? await loadDataFiles(toSpecs(report.national.data.filter(isFileSource), report), { reference: options.reference, now: options.now, rules: { incompleteMonth: false } })
    : null;
  for (const problem of [...data.problems, ...(national?.problems ?? [])]) {
    if (problem.severity === 'warning' && problem.rule !== RULES.monthIncomplete) options.log(formatProblem(problem));
  }
  return { report, definition, data, national };
}

/** The report definition as the stats want it: categories resolved against the reference. */
export function statsDefinition(report: ReportConfig, reference: Reference, reportIndex = 0): StatsDefinition {
  return {
    id: report.id,
    title: report.title,
    flow: report.flow,
    regions: report.regions,
    focusPartner: report.focusPartner,
    basket: resolveBasket(report, reference, reportIndex),
    ecommerce: resolveEcommerce(report, reference, reportIndex),
    productHsLevel: report.productHsLevel,
    historyMonths: report.historyMonths,
    top: { partners: report.top.partners, products: report.top.products },
    locale: report.locale,
    national: report.national ? { partner: report.national.partner ?? report.focusPartner, label: report.national.label } : null,
  };
}

function isFileSource<T extends SourceConfig>(source: T): source is T & DataSourceSpec {
  return source.format !== 'store';
}

/** A data source of a report: a file or glob (DataSourceSpec), or a store folder (format "store"). */
type SourceConfig = Omit<DataSourceSpec, 'format'> & { format?: DataSourceSpec['format'] | 'store' };

/** A --data path: a folder holding a store manifest is a store, anything else a file or glob. */
function dataFileSource(file: string): SourceConfig {
  const absolute = path.resolve(file);
  return existsSync(manifestPath(absolute)) ? { path: absolute, format: 'store' } : { path: absolute };
}

/**
 * Raw files are read and validated together (loadDataFiles); each store is read for the report's flow and
 * regions only (loadStoreColumns), its rows having been validated by `tradebrief import`. Stores come after the
 * files, in the order listed. Rows stay columns when they all come from stores.
 */
async function loadSources(
  sources: readonly SourceConfig[],
  report: ReportConfig,
  options: { reference: Reference; now: Date; rules: ValidationRules; window: StoreScope['window'] },
): Promise<ReportRows> {
  const files = sources.filter(isFileSource);
  const stores = sources.filter((source) => source.format === 'store');
  const fromFiles: ReportRows[] = files.length > 0 || stores.length === 0 ? [await loadDataFiles(toSpecs(files, report), options)] : [];
  const fromStores: StoreData[] = [];
  for (const store of stores) {
    const scope: StoreScope = { flow: report.flow, regions: report.regions, ...(options.window === undefined ? {} : { window: options.window }) };
    fromStores.push(await loadStoreColumns(store.path, scope, options));
  }
  const all = [...fromFiles, ...fromStores];
  if (all.length === 1 && all[0] !== undefined) return all[0];
  const records: TradeRows = fromFiles.length === 0
    ? concatColumns(fromStores.map((data) => data.records))
    : ([] as TradeRecord[]).concat(...all.map((data) => rowsToRecords(data.records)));
  return {
    records,
    origins: ([] as LoadedData['origins']).concat(...all.map((data) => data.origins)),
    problems: all.flatMap((data) => data.problems),
    files: all.flatMap((data) => data.files),
    truncated: all.some((data) => data.truncated ?? false),
    errorCount: all.reduce((sum, data) => sum + (data.errorCount ?? 0), 0),
  };
}

/**
 * Every row of the months reported and of the rank history before them (RANK_HISTORY_MONTHS: rank changes,
 * year-ago ranks); earlier months only for the focus partner. read-store.test.ts checks the stats are the same.
 */
function storeWindow(report: ReportConfig, months: readonly string[] | undefined): StoreScope['window'] {
  if (months === undefined || months.length === 0 || !months.every((month) => MONTH_PATTERN.test(month))) return undefined;
  const sorted = [...months].sort();
  return { first: addMonths(sorted[0] as string, -RANK_HISTORY_MONTHS), last: sorted[sorted.length - 1] as string, focusPartner: report.focusPartner };
}

/** GACC files do not record their flow: a source without one takes the report's. */
function toSpecs(sources: readonly DataSourceSpec[], report: ReportConfig): DataSourceSpec[] {
  return sources.map((source) => ({ ...source, flow: source.flow ?? report.flow }));
}

function incompleteAsWarning(rules: NonNullable<Config['validation']>): ValidationRules {
  const incomplete = rules.incompleteMonth;
  return { incompleteMonth: incomplete === false ? false : { ...incomplete, severity: 'warning' } };
}

/**
 * The month to report: the one asked for, when the data cover it and it is not flagged incomplete (under
 * severity "error"); "latest" = the latest such month. Returns the incomplete-month warnings that still apply
 * to it (severity "warning").
 */
export function chooseMonth(requested: string, data: ReportRows, report: ReportConfig, config: Config): { month: string; incomplete: Problem[] } {
  const covered = scopeMonths(data.records, { flow: report.flow, regions: report.regions });
  const incompleteProblems = data.problems.filter((problem) => problem.rule === RULES.monthIncomplete);
  const severity = (report.validation ?? config.validation).incompleteMonth;
  const refuseIncomplete = severity !== false && severity.severity === 'error';
  const monthOfProblem = problemMonths(covered);
  const incompleteMonths = new Set(incompleteProblems.map(monthOfProblem).filter((month) => month !== null));
  const complete = covered.filter((month) => !(refuseIncomplete && incompleteMonths.has(month)));
  const available = describeMonths(complete);
  const files = data.files.map((file) => file.file);
  const where = files.length === 1 ? (files[0] ?? report.id) : `${report.id} data (${files.length} files)`;

  if (requested === 'latest') {
    const latest = complete[complete.length - 1];
    if (latest === undefined) throw monthError(where, `no complete month of ${report.flow} data for region ${report.regions.join('+')}`);
    return { month: latest, incomplete: incompleteProblems.filter((problem) => monthOfProblem(problem) === latest) };
  }
  if (!covered.includes(requested)) {
    throw monthError(where, `no ${report.flow} data for ${requested} in region ${report.regions.join('+')}; available months: ${available}`);
  }
  const reasons = incompleteProblems.filter((problem) => monthOfProblem(problem) === requested);
  if (refuseIncomplete && reasons.length > 0) {
    throw new DataError(
      reasons.map((problem) => ({ ...problem, severity: 'error' as const })),
      { summary: `${requested} looks incomplete (${reasons[0]?.message ?? 'see above'}); complete months available: ${available}` },
    );
  }
  return { month: requested, incomplete: reasons };
}

/** The month an incomplete-month problem is about (the check sets it), when the data cover that month. */
function problemMonths(covered: readonly string[]): (problem: Problem) => string | null {
  return (problem) => (problem.month !== undefined && covered.includes(problem.month) ? problem.month : null);
}

function monthError(file: string, message: string): DataError {
  const problem: Problem = { file, severity: 'error', rule: MONTH_NOT_AVAILABLE, message };
  return new DataError([problem], { summary: message });
}

/**
 * The months available, short: "2020-01 … 2022-08 (32 months)", with the gaps named when there are any.
 * @example describeMonths(['2022-01', '2022-02', '2022-04', '2022-05']) // "2022-01 … 2022-05 (4 months; missing 2022-03)"
 */
export function describeMonths(months: readonly string[]): string {
  const first = months[0];
  const last = months[months.length - 1];
  if (first === undefined || last === undefined) return 'none';
  if (months.length <= 3) return months.join(', ');
  const missing = monthRange(first, last).filter((month) => !months.includes(month));
  const gaps = missing.length === 0 ? '' : `; missing ${missing.slice(0, 6).join(', ')}${missing.length > 6 ? ' …' : ''}`;
  return `${first} … ${last} (${months.length} months${gaps})`;
}
