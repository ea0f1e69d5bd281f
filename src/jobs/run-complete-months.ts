/**
 * The months of a report's data that `generate` would accept: covered by the data for the report's flow and
 * regions, and not refused as incomplete. Asked of chooseMonth itself, month by month, so that `run` and
 * `generate` can never disagree about what is complete.
 */
import type { Config } from '../config.js';
import { DataError } from '../errors.js';
import { scopeMonths } from '../stats/trade-table.js';
import { chooseMonth, type ReportData } from './report-data.js';

/**
 * @example completeMonths(reportData, config) // ['2020-01', …, '2022-09']
 */
export function completeMonths(reportData: Pick<ReportData, 'data' | 'report'>, config: Config): string[] {
  const { data, report } = reportData;
  const covered = scopeMonths(data.records, { flow: report.flow, regions: report.regions });
  return covered.filter((month) => {
    try {
      chooseMonth(month, data, report, config);
      return true;
    } catch (error) {
      if (error instanceof DataError) return false;
      throw error;
    }
  });
}
