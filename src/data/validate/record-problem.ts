import type { Problem, Severity } from '../../errors.js';
import type { RecordOrigin, TradeRecord } from '../record.js';
import { problemAt } from './problem-list.js';

/**
 * A problem about one record, at its origin. The column is the record field name; the loader renames it
 * to the file's own header (ReaderMeta.fieldColumns) so the user sees "贸易伙伴编码", not "partner".
 */
export function recordProblem(
  severity: Severity,
  rule: string,
  origin: RecordOrigin,
  field: keyof TradeRecord | undefined,
  message: string,
): Problem {
  return problemAt(severity, rule, { file: origin.file, row: origin.row, ...(field === undefined ? {} : { column: field }) }, message);
}

/** Iterates records with their origins; the arrays are parallel by contract. */
export function* withOrigins(records: readonly TradeRecord[], origins: readonly RecordOrigin[]): Generator<[TradeRecord, RecordOrigin]> {
  for (let index = 0; index < records.length; index += 1) {
    const record = records[index];
    const origin = origins[index];
    if (record !== undefined && origin !== undefined) yield [record, origin];
  }
}

/**
 * Renames record-field columns ("partner") to the file's own headers ("贸易伙伴编码").
 *
 * @example
 * renameColumns([{ …, column: 'partner' }], { partner: '贸易伙伴编码' }) // [{ …, column: '贸易伙伴编码' }]
 */
export function renameColumns(problems: readonly Problem[], fieldColumns: Partial<Record<string, string>>): Problem[] {
  return problems.map((problem) => {
    const renamed = problem.column === undefined ? undefined : fieldColumns[problem.column];
    return renamed === undefined ? problem : { ...problem, column: renamed };
  });
}
